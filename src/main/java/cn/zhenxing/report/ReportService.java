package cn.zhenxing.report;

import cn.zhenxing.workbook.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JRException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Renders reports into files: {@code <name>-<period>[-<region>].pdf|xlsx}, written whole or not at all. */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final ReportBuilder builder;
    private final ReportRenderer renderer;

    public ReportService(ReportBuilder builder, ReportRenderer renderer) {
        this.builder = builder;
        this.renderer = renderer;
    }

    public List<Path> render(ReportName name, String period, String region, List<String> formats, Path outDir) throws IOException, JRException {
        ReportDocument doc = builder.build(name, period, region);
        Files.createDirectories(outDir);
        String base = name.code() + "-" + period + (region == null ? "" : "-" + region);
        List<Path> written = new ArrayList<>();
        for (String format : formats) {
            Path target = AtomicFiles.write(outDir.resolve(base + "." + format), out -> {
                switch (format) {
                    case "pdf" -> renderer.pdf(doc, out);
                    case "xlsx" -> renderer.xlsx(doc, out);
                    default -> throw new IllegalArgumentException("Unknown format '" + format + "': pdf or xlsx");
                }
            });
            log.info("Report written: {}", target);
            written.add(target);
        }
        return written;
    }
}
