package cn.zhenxing.submission;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Settings under {@code zhenxing.submission.*} (README: Configuration). */
@ConfigurationProperties("zhenxing.submission")
public record SubmissionProperties(
        @DefaultValue("./data/inbox") Path inbox,
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("15") int deadlineDaysAfterQuarter,
        @DefaultValue("10") int windowOpensDaysBeforeQuarterEnd) {

    public Path incoming() {
        return inbox.resolve("incoming");
    }

    public Path processed() {
        return inbox.resolve("processed");
    }

    public Path rejected() {
        return inbox.resolve("rejected");
    }

    public Path feedback() {
        return inbox.resolve("feedback");
    }
}
