package cn.zhenxing.report;

import cn.zhenxing.ZhenxingProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The rendered reports leaders see: {@code <reports-dir>/<period>/<name>-<period>[-<region>].pdf|xlsx},
 * written by scheduled runs and the administrator's "re-run". Names are matched, never trusted.
 */
@Component
class ReportFiles {

    static final Pattern NAME = Pattern.compile("(revitalization|yellow-river|fyp-indicators|completeness)-(\\d{4}Q[1-4])(?:-(\\d{6}))?\\.(pdf|xlsx)");

    record ReportFile(String period, String name, String region, String format, Path path) {
    }

    private final Path root;

    ReportFiles(ReportProperties reports, ZhenxingProperties zhenxing) {
        this.root = reports.reportsRoot(zhenxing.dataDir());
    }

    Path dir(String period) {
        return root.resolve(period);
    }

    /** Every report file, newest period first; a leader limited to a city sees that city's editions only. */
    List<ReportFile> list(String cityOnly) throws IOException {
        List<ReportFile> result = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return result;
        }
        try (Stream<Path> periods = Files.list(root)) {
            for (Path dir : periods.filter(Files::isDirectory).sorted(java.util.Comparator.reverseOrder()).toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        ReportFile r = parse(f);
                        if (r != null && allowed(r, cityOnly)) {
                            result.add(r);
                        }
                    }
                }
            }
        }
        return result;
    }

    /** The file for a requested name, if it exists and the user may see it. */
    ReportFile find(String fileName, String cityOnly) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        ReportFile r = parse(dir(m.group(2)).resolve(fileName));
        return r != null && Files.isRegularFile(r.path()) && allowed(r, cityOnly) ? r : null;
    }

    private static boolean allowed(ReportFile r, String cityOnly) {
        return cityOnly == null || cityOnly.equals(r.region());
    }

    private static ReportFile parse(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? new ReportFile(m.group(2), m.group(1), m.group(3), m.group(4), file) : null;
    }
}
