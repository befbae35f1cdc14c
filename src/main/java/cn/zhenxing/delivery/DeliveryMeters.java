package cn.zhenxing.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mail queue's gauges, read from {@code ops_delivery_log} at each scrape: {@code zhenxing.mail.queue.depth}
 * (messages not yet sent) and {@code zhenxing.mail.queue.oldest.age} (seconds since the oldest of them was
 * queued, 0 when the queue is empty). NaN while the database cannot be read.
 */
@Component
class DeliveryMeters implements MeterBinder {

    /** Asked at the first scrape: binding the gauges (at every command's start) must not open the database. */
    private final ObjectProvider<NamedParameterJdbcTemplate> jdbc;

    DeliveryMeters(ObjectProvider<NamedParameterJdbcTemplate> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("zhenxing.mail.queue.depth", this, m -> m.state(false)).strongReference(true)
                .description("Mails queued and not yet sent").register(registry);
        Gauge.builder("zhenxing.mail.queue.oldest.age", this, m -> m.state(true)).strongReference(true).baseUnit("seconds")
                .description("Age of the oldest mail not yet sent").register(registry);
    }

    private double state(boolean age) {
        try {
            Map<String, Object> row = jdbc.getObject().queryForMap(DeliveryService.SQL.get("queueState"), Map.of());
            if (!age) {
                return ((Number) row.get("depth")).doubleValue();
            }
            // created_at is written with the application's clock (DeliveryService), so its age is measured with it too.
            Object oldest = row.get("oldest");
            LocalDateTime queued = oldest instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) oldest;
            return queued == null ? 0 : Math.max(0, Duration.between(queued, LocalDateTime.now()).toMillis() / 1000.0);
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
