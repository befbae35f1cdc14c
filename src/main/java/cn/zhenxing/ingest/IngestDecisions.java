package cn.zhenxing.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What operators see of each ingest decision: one log line (file, unit, period, outcome, duration; also as
 * key-value pairs for the JSON log format) and the meters {@code zhenxing.ingest.files} (counter by outcome)
 * and {@code zhenxing.ingest.duration} (timer by outcome).
 */
@Component
class IngestDecisions {

    static final String FILES = "zhenxing.ingest.files";
    static final String DURATION = "zhenxing.ingest.duration";
    private static final Logger log = LoggerFactory.getLogger(IngestDecisions.class);

    private final MeterRegistry registry;

    IngestDecisions(MeterRegistry registry) {
        this.registry = registry;
        // Every outcome's series exists from the start, so a rate over it is 0 rather than missing.
        for (IngestService.Status status : IngestService.Status.values()) {
            registry.counter(FILES, "outcome", tag(status));
        }
    }

    /** Decides one file named {@code name} by {@code decision}, then logs and counts the outcome. */
    IngestService.Outcome decide(String name, String channel, Callable<IngestService.Outcome> decision) throws Exception {
        long start = System.nanoTime();
        IngestService.Outcome o = decision.call();
        long nanos = System.nanoTime() - start;
        String outcome = tag(o.status());
        registry.counter(FILES, "outcome", outcome).increment();
        registry.timer(DURATION, "outcome", outcome).record(nanos, TimeUnit.NANOSECONDS);
        long millis = Duration.ofNanos(nanos).toMillis();
        log.atInfo().setMessage("Ingest decided: outcome={} file={} unit={} period={} version={} errors={} warnings={} channel={} duration_ms={}")
                .addArgument(o.status()).addArgument(name).addArgument(o.unitCode()).addArgument(o.periodCode()).addArgument(o.version())
                .addArgument(o.errors()).addArgument(o.warnings()).addArgument(channel).addArgument(millis)
                .addKeyValue("outcome", o.status()).addKeyValue("file", name).addKeyValue("unit", o.unitCode())
                .addKeyValue("period", o.periodCode()).addKeyValue("version", o.version()).addKeyValue("channel", channel)
                .addKeyValue("durationMs", millis).log();
        return o;
    }

    private static String tag(IngestService.Status status) {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
