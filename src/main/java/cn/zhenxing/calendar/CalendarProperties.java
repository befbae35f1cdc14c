package cn.zhenxing.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The calendar's defaults for a quarter without its own calendar row (README: Configuration). They
 * keep their historic keys under {@code zhenxing.submission.*}. {@code reportDaysAfterQuarter} is the
 * quarterly report's date (the day the quarterly-reports schedule fires: the 20th).
 */
@ConfigurationProperties("zhenxing.submission")
public record CalendarProperties(@DefaultValue("15") int deadlineDaysAfterQuarter, @DefaultValue("10") int windowOpensDaysBeforeQuarterEnd,
                                 @DefaultValue("20") int reportDaysAfterQuarter) {
}
