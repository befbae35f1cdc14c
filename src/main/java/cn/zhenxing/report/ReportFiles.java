package cn.zhenxing.report;

import cn.zhenxing.ZhenxingProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The rendered reports leaders see: {@code <reports-dir>/<period>/}{@link ReportFile}, written by
 * scheduled runs and the administrator's "re-run". Names are matched, never trusted.
 */
@Component
class ReportFiles {

    private final Path root;

    ReportFiles(ReportProperties reports, ZhenxingProperties zhenxing) {
        this.root = reports.reportsRoot(zhenxing.dataDir());
    }

    Path dir(String period) {
        return root.resolve(period);
    }

    Path path(ReportFile file) {
        return dir(file.period().code()).resolve(file.fileName());
    }

    /** Every report file, newest period first; a leader limited to a city sees that city's editions only. */
    List<ReportFile> list(String cityOnly) throws IOException {
        List<ReportFile> result = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return result;
        }
        try (Stream<Path> periods = Files.list(root)) {
            for (Path dir : periods.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        ReportFile.parse(f.getFileName().toString()).filter(r -> allowed(r, cityOnly)).ifPresent(result::add);
                    }
                }
            }
        }
        return result;
    }

    /** The file for a requested name, if it exists and the user may see it. */
    ReportFile find(String fileName, String cityOnly) {
        return ReportFile.parse(fileName).filter(r -> Files.isRegularFile(path(r)) && allowed(r, cityOnly)).orElse(null);
    }

    private static boolean allowed(ReportFile r, String cityOnly) {
        return cityOnly == null || cityOnly.equals(r.region());
    }
}
