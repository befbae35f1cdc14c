package cn.zhenxing.report;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where rendered reports are kept, one folder per quarter, for the scheduled runs, the administrator's
 * re-run and the leaders' page. The key keeps its historic name {@code zhenxing.schedules.reports-dir}.
 *
 * @param reportsDir the folder; default data-dir/reports
 */
@ConfigurationProperties("zhenxing.schedules")
public record ReportProperties(Path reportsDir) {

    /** The configured folder, else data-dir/reports. */
    public Path reportsRoot(Path dataDir) {
        return reportsDir != null ? reportsDir : dataDir.resolve("reports");
    }
}
