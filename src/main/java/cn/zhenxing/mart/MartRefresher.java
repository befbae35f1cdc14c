package cn.zhenxing.mart;

import cn.zhenxing.calendar.CalendarChanged;
import cn.zhenxing.calendar.ReportingCalendar;
import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.warehouse.SqlFile;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.context.event.EventListener;
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

    public MartRefresher(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, ReportingCalendar calendar) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.calendar = calendar;
    }

    /** What one quarter's rebuild produced. */
    public record Refreshed(String periodCode, int indicatorRows, int taskRows, int projectRows, int unitRows, int qualityWarnings) {
    }

    /** Every quarter with submissions or a calendar row, oldest first (a year-ago value needs the year before). */
    public List<Refreshed> refreshAll(String trigger) {
        ensureCalendar();
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
        Map<String, Object> period = period(periodCode);
        for (String later : jdbc.queryForList(SQL.get("laterQuartersWithData"), Map.of("p", period.get("period_key")), String.class)) {
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
        Refreshed result = tx.execute(status -> {
            jdbc.queryForObject(SQL.get("lock"), Map.of(), Integer.class);
            try {
                int indicators = 0;
                int tasks = 0;
                int projects = 0;
                int units = 0;
                int warnings = 0;
                for (String name : SQL.names()) {
                    if (!name.startsWith("refresh.")) {
                        continue;
                    }
                    int rows = jdbc.update(SQL.get(name), params);
                    switch (name) {
                        case "refresh.indicatorLeaves", "refresh.indicatorCities", "refresh.indicatorProvince", "refresh.indicatorAreas" -> indicators += rows;
                        case "refresh.tasks" -> tasks = rows;
                        case "refresh.projects" -> projects = rows;
                        case "refresh.completeness" -> units = rows;
                        case "refresh.qualityHistory", "refresh.qualityPeers" -> warnings += rows;
                        default -> { }
                    }
                }
                cn.zhenxing.warehouse.FaultPoint.reach("marts.refresh.before-commit");
                return new Refreshed(periodCode, indicators, tasks, projects, units, warnings);
            } finally {
                jdbc.queryForObject(SQL.get("unlock"), Map.of(), Integer.class);
            }
        });
        log.info("Marts refreshed for {} ({}): {}", periodCode, kind, result);
        return result;
    }

    private void ensureCalendar() {
        calendar.ensureCalendar(LocalDate.now());
    }

    private Map<String, Object> period(String periodCode) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("period"), Map.of("periodCode", periodCode));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Unknown quarter: " + periodCode + " (expected e.g. 2025Q3)");
        }
        return rows.get(0);
    }

    private MapSqlParameterSource parameters(String periodCode, String kind, String trigger) {
        Map<String, Object> period = period(periodCode);
        int key = ((Number) period.get("period_key")).intValue();
        int year = ((Number) period.get("year")).intValue();
        int quarter = ((Number) period.get("quarter")).intValue();
        return new MapSqlParameterSource()
                .addValue("p", key)
                .addValue("periodCode", periodCode)
                .addValue("periodEnd", period.get("end_date"))
                .addValue("year", year)
                .addValue("q", quarter)
                .addValue("prev", quarter > 1 ? key - 1 : (year - 1) * 10 + 4)
                .addValue("yearAgo", key - 10)
                .addValue("now", Timestamp.valueOf(LocalDateTime.now()))
                .addValue("today", LocalDate.now())
                .addValue("kind", kind)
                .addValue("trigger", trigger);
    }
}
