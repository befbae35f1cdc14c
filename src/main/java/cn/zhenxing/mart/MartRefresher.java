package cn.zhenxing.mart;

import cn.zhenxing.audit.WarehouseAudit;
import cn.zhenxing.calendar.CalendarChanged;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.warehouse.SqlFile;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the marts of a quarter from the facts. Each quarter is rebuilt in one transaction (delete,
 * insert, update), so readers see either the previous or the new state of the quarter, never a half
 * of it; a named lock keeps two refreshers from interleaving.
 */
@Component
public class MartRefresher {

    static final SqlFile SQL = SqlFile.of(MartRefresher.class, "marts.sql");
    private static final Logger log = LoggerFactory.getLogger(MartRefresher.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ReportingCalendar calendar;
    private final WarehouseAudit audit;
    private final MeterRegistry meters;

    public MartRefresher(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, ReportingCalendar calendar,
                         WarehouseAudit audit, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.calendar = calendar;
        this.audit = audit;
        this.meters = meters;
    }

    /** What one quarter's rebuild produced. */
    public record Refreshed(String periodCode, int indicatorRows, int taskRows, int projectRows, int unitRows, int qualityWarnings,
                            int auditFindings) {
    }

    /** Every quarter with submissions or a calendar row, oldest first (a year-ago value needs the year before). */
    public List<Refreshed> refreshAll(String trigger) {
        ensureCalendar();
        rebuildMonitoringTotals();
        List<Refreshed> done = new ArrayList<>();
        for (String period : jdbc.queryForList(SQL.get("quartersWithData"), Map.of(), String.class)) {
            done.add(rebuild(period, "full", trigger));
        }
        return done;
    }

    /**
     * After a submission for {@code periodCode} was accepted: that quarter and the later ones that have
     * data (their year-ago values, last-quarter changes and histories include it).
     */
    public List<Refreshed> refreshAfterAccepted(String periodCode, String trigger) {
        ensureCalendar();
        List<Refreshed> done = new ArrayList<>();
        done.add(rebuild(periodCode, "incremental", trigger));
        for (String later : jdbc.queryForList(SQL.get("laterQuartersWithData"), Map.of("p", known(periodCode).key()), String.class)) {
            done.add(rebuild(later, "incremental", trigger));
        }
        return done;
    }

    /** An exception moved a unit's deadline: the quarter's completeness follows at once. */
    @EventListener
    public void calendarChanged(CalendarChanged change) {
        refresh(change.quarter().code(), "full", change.reason());
    }

    /** One quarter. */
    public Refreshed refresh(String periodCode, String kind, String trigger) {
        ensureCalendar();
        return rebuild(periodCode, kind, trigger);
    }

    private Refreshed rebuild(String periodCode, String kind, String trigger) {
        MapSqlParameterSource params = parameters(periodCode, kind, trigger);
        long start = System.nanoTime();
        Refreshed result = tx.execute(status -> {
            jdbc.queryForObject(SQL.get("lock"), Map.of(), Integer.class);
            try {
                EnumMap<MartStep.Counts, Integer> counts = new EnumMap<>(MartStep.Counts.class);
                for (MartStep step : MartStep.values()) {
                    long t = System.nanoTime();
                    counts.merge(step.counts, jdbc.update(SQL.get(step.statement), params), Integer::sum);
                    log.debug("{} {}: {} ms", periodCode, step, (System.nanoTime() - t) / 1_000_000);
                }
                // The rules' findings of accepted data belong to the data-quality mart: rebuilt with it.
                long t = System.nanoTime();
                int findings = audit.run(known(periodCode), LocalDateTime.now()).size();
                log.debug("{} audit: {} ms", periodCode, (System.nanoTime() - t) / 1_000_000);
                cn.zhenxing.warehouse.FaultPoint.reach("marts.refresh.before-commit");
                return new Refreshed(periodCode, counts.getOrDefault(MartStep.Counts.INDICATORS, 0), counts.getOrDefault(MartStep.Counts.TASKS, 0),
                        counts.getOrDefault(MartStep.Counts.PROJECTS, 0), counts.getOrDefault(MartStep.Counts.UNITS, 0),
                        counts.getOrDefault(MartStep.Counts.QUALITY_WARNINGS, 0), findings);
            } finally {
                jdbc.queryForObject(SQL.get("unlock"), Map.of(), Integer.class);
            }
        });
        meters.timer("zhenxing.marts.refresh.duration", "kind", kind).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        log.info("Marts refreshed for {} ({}): {}", periodCode, kind, result);
        return result;
    }

    /** The monitoring files' per-rule totals (V37) from their readings, in one transaction. */
    public void rebuildMonitoringTotals() {
        tx.executeWithoutResult(status -> {
            jdbc.queryForObject(SQL.get("lock"), Map.of(), Integer.class);
            try {
                jdbc.update(SQL.get("monitoringTotals.delete"), Map.of());
                jdbc.update(SQL.get("monitoringTotals.insert"), Map.of());
            } finally {
                jdbc.queryForObject(SQL.get("unlock"), Map.of(), Integer.class);
            }
        });
    }

    private void ensureCalendar() {
        calendar.ensureCalendar(LocalDate.now());
    }

    /** A quarter the warehouse knows (dim_period), else an IllegalArgumentException saying what a quarter looks like. */
    private Quarter known(String periodCode) {
        return calendar.quarter(periodCode)
                .orElseThrow(() -> new IllegalArgumentException("Unknown quarter: " + periodCode + " (expected e.g. 2025Q3)"));
    }

    private MapSqlParameterSource parameters(String periodCode, String kind, String trigger) {
        Quarter q = known(periodCode);
        return new MapSqlParameterSource()
                .addValue("p", q.key())
                .addValue("periodCode", q.code())
                .addValue("periodEnd", q.end())
                .addValue("year", q.year())
                .addValue("q", q.quarter())
                .addValue("prev", q.previous().key())
                .addValue("yearAgo", q.yearAgo().key())
                .addValue("now", Timestamp.valueOf(LocalDateTime.now()))
                .addValue("today", LocalDate.now())
                .addValue("kind", kind)
                .addValue("trigger", trigger);
    }
}
