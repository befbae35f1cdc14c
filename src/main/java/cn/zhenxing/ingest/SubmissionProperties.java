package cn.zhenxing.ingest;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Where received files go and how large they may be ({@code zhenxing.submission.*}; deadlines belong to the calendar). */
@ConfigurationProperties("zhenxing.submission")
public record SubmissionProperties(
        @DefaultValue("./data/inbox") Path inbox,
        @DefaultValue("20MB") DataSize maxFileSize) {

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
