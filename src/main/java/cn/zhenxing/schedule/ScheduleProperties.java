package cn.zhenxing.schedule;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir        folder of schedule files; the copy bundled in the jar when it does not exist
 * @param reportsDir where scheduled runs write the quarter's reports (default: data-dir/reports)
 */
@ConfigurationProperties("zhenxing.schedules")
public record ScheduleProperties(@DefaultValue("schedules") Path dir, Path reportsDir) {

    /** Where each quarter's reports go: the configured folder, else data-dir/reports. */
    public Path reportsRoot(Path dataDir) {
        return reportsDir != null ? reportsDir : dataDir.resolve("reports");
    }
}
