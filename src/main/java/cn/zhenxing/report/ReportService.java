package cn.zhenxing.report;

import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.workbook.AtomicFiles;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.sf.jasperreports.engine.JRException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Renders reports into files named by {@link ReportFile}, written whole or not at all. */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final Map<ReportName, QuarterlyReport> reports = new EnumMap<>(ReportName.class);
    private final ReportQueries queries;
    private final ReportRenderer renderer;
    private final MeterRegistry meters;

    ReportService(List<QuarterlyReport> reports, ReportQueries queries, ReportRenderer renderer, MeterRegistry meters) {
        reports.forEach(r -> this.reports.put(r.name(), r));
        this.queries = queries;
        this.renderer = renderer;
        this.meters = meters;
    }

    /**
     * The province editions of the given reports and every city's edition (PDF and XLSX), for a quarter.
     *
     * @param asOf the report date (a schedule's fire date), or null for the quarter's report date from the calendar
     */
    public List<Path> renderQuarter(List<ReportName> names, String period, LocalDate asOf, Path outDir) throws IOException, JRException {
        List<Path> written = new ArrayList<>();
        for (ReportName name : names) {
            written.addAll(render(name, period, null, List.of("pdf", "xlsx"), asOf, outDir));
        }
        for (String city : queries.cities()) {
            written.addAll(render(ReportName.REVITALIZATION, period, city, List.of("pdf", "xlsx"), asOf, outDir));
        }
        return written;
    }

    /** A report as of the quarter's report date from the calendar. */
    public List<Path> render(ReportName name, String period, String region, List<String> formats, Path outDir) throws IOException, JRException {
        return render(name, period, region, formats, null, outDir, null);
    }

    /** @param preliminary what to do with 初步数 in this render; null: zhenxing.reports.preliminary */
    public List<Path> render(ReportName name, String period, String region, List<String> formats, Path outDir,
                             ReportSettings.Preliminary preliminary) throws IOException, JRException {
        return render(name, period, region, formats, null, outDir, preliminary);
    }

    /** @param asOf the date the report speaks of (cover, durations), or null for the quarter's report date from the calendar */
    public List<Path> render(ReportName name, String period, String region, List<String> formats, LocalDate asOf, Path outDir)
            throws IOException, JRException {
        return render(name, period, region, formats, asOf, outDir, null);
    }

    /**
     * @param asOf the date the report speaks of, or null for the quarter's report date from the calendar
     * @param preliminary what to do with 初步数 in this render; null: zhenxing.reports.preliminary
     */
    public List<Path> render(ReportName name, String period, String region, List<String> formats, LocalDate asOf, Path outDir,
                             ReportSettings.Preliminary preliminary) throws IOException, JRException {
        long start = System.nanoTime();
        Quarter quarter = queries.quarter(period);
        LocalDate reportDate = queries.reportDate(quarter, asOf);
        ReportDocument doc = queries.rendering(preliminary, () -> reports.get(name).build(quarter, region, reportDate));
        String dataAsOf = Sentences.dateTime(queries.value("asOf", quarter, Map.of(), LocalDateTime.class));
        Files.createDirectories(outDir);
        List<Path> written = new ArrayList<>();
        for (String format : formats) {
            ReportFile file = new ReportFile(name, quarter, region, format);
            Path target = AtomicFiles.write(outDir.resolve(file.fileName()), out -> {
                switch (format) {
                    case "pdf" -> renderer.pdf(doc, out);
                    case "xlsx" -> renderer.xlsx(doc, dataAsOf, out);
                    default -> throw new IllegalStateException(format);
                }
            });
            log.info("Report written: {}", target);
            written.add(target);
        }
        // The whole render: the report's queries and every format written.
        meters.timer("zhenxing.report.render", "report", name.code())
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return written;
    }
}
