package cn.zhenxing.schedule;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir        folder of schedule files; the copy bundled in the jar when it does not exist
 * (where rendered reports are kept belongs to the report feature: ReportProperties)
 */
@ConfigurationProperties("zhenxing.schedules")
public record ScheduleProperties(@DefaultValue("schedules") Path dir) {

}
