package cn.zhenxing.mart;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Writes facts the way a published submission leaves them (a current accepted version with its
 * values), so mart rules can be checked against hand-computed numbers without building workbooks.
 */
final class MartFixture {

    private final JdbcTemplate jdbc;
    private final cn.zhenxing.ingest.SubmissionStore submissions;
    private final Map<String, Long> open = new HashMap<>();

    MartFixture(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.submissions = new cn.zhenxing.ingest.SubmissionStore(jdbc);
    }

    static int periodKey(String period) {
        return Integer.parseInt(period.substring(0, 4)) * 10 + (period.charAt(5) - '0');
    }

    /** A submission of {@code unit} for {@code period} with the given status; accepted ones become current. */
    long submission(String unit, String period, String status, LocalDateTime receivedAt) {
        int unitKey = jdbc.queryForObject("SELECT unit_key FROM dim_reporting_unit WHERE unit_code = ?", Integer.class, unit);
        int periodKey = periodKey(period);
        // Registered and decided through the ingest feature's store; only the identification (which a
        // real file's cover sheet gives) is set here. Other statuses ("received", ...) stay as registered.
        long id = submissions.register("fixture.xlsx", java.util.UUID.randomUUID().toString().replace("-", "")
                + java.util.UUID.randomUUID().toString().replace("-", ""), 1, "cli", null, null, receivedAt, null);
        jdbc.update("UPDATE ops_submission SET unit_key = ?, period_key = ? WHERE submission_id = ?", unitKey, periodKey, id);
        switch (status) {
            case "accepted" -> submissions.publish(id, unitKey, cn.zhenxing.warehouse.Quarter.ofKey(periodKey), receivedAt, 0, 0);
            case "rejected" -> submissions.reject(id, receivedAt, 0, 0);
            case "received" -> { }
            default -> jdbc.update("UPDATE ops_submission SET status = ?, decided_at = ? WHERE submission_id = ?", status, receivedAt, id);
        }
        return id;
    }

    /** The current accepted submission of the region's city unit (or the county's own unit) for the period, created once. */
    long submissionFor(String unit, String period) {
        return open.computeIfAbsent(unit + "/" + period, k -> submission(unit, period, "accepted", LocalDateTime.of(2020, 1, 1, 9, 0)));
    }

    void value(long submission, String region, String indicator, String period, String value, String numerator, String denominator) {
        jdbc.update("INSERT INTO fact_indicator_value (submission_id, region_key, indicator_key, period_key, value, numerator_value, denominator_value) "
                + "SELECT ?, r.region_key, i.indicator_key, ?, ?, ?, ? FROM dim_region r, dim_indicator i "
                + "WHERE r.region_code = ? AND r.is_current AND i.indicator_code = ?",
                submission, periodKey(period), decimal(value), decimal(numerator), decimal(denominator), region, indicator);
    }

    /** A value reported by the unit that covers the region (its city's unit, or the region's own unit). */
    void value(String region, String indicator, String period, String value) {
        value(submissionFor(unitOf(region), period), region, indicator, period, value, null, null);
    }

    String unitOf(String region) {
        Map<String, Object> row = jdbc.queryForMap("SELECT level, city_code FROM dim_region WHERE region_code = ? AND is_current", region);
        return switch ((String) row.get("level")) {
            case "province" -> "140000";
            default -> (String) row.get("city_code");
        };
    }

    void task(String unit, String task, String period, String status, String percent) {
        jdbc.update("INSERT INTO fact_task_progress (submission_id, task_key, region_key, period_key, status, percent_done) "
                + "SELECT ?, t.task_key, r.region_key, ?, ?, ? FROM dim_task t, dim_region r, dim_reporting_unit u "
                + "WHERE t.task_code = ? AND u.unit_code = ? AND r.region_code = u.region_code AND r.is_current",
                submissionFor(unit, period), periodKey(period), status, decimal(percent), task, unit);
    }

    void project(String unit, String project, String period, String total, String annual, String quarter, String ytd, String milestone) {
        jdbc.update("INSERT INTO fact_project_progress (submission_id, project_key, period_key, total_investment_yi, annual_plan_investment_yi, "
                + "quarter_investment_yi, ytd_investment_yi, milestone) SELECT ?, project_key, ?, ?, ?, ?, ?, ? FROM dim_project WHERE project_code = ?",
                submissionFor(unit, period), periodKey(period), decimal(total), decimal(annual), decimal(quarter), decimal(ytd), milestone, project);
    }

    Map<String, Object> row(String period, String scopeCode, String indicator) {
        return jdbc.queryForMap("SELECT * FROM mart_indicator_progress WHERE period_key = ? AND scope_code = ? AND indicator_code = ?",
                periodKey(period), scopeCode, indicator);
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
