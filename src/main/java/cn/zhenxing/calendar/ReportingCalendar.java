package cn.zhenxing.calendar;

import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.warehouse.SqlFile;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one owner of the reporting calendar: when a quarter's submission window opens, a unit's deadline
 * (an administrator's exception for the unit, else the quarter's calendar row, else the configured
 * default), whether a quarter (or one unit's quarter, once approved at province level) is locked, and
 * which units are missing. Ingest (lateness), the
 * completeness mart (through the view {@code int_unit_deadline}), reminders, the portal's countdown
 * and the reports all ask here.
 */
@Component
public class ReportingCalendar {

    static final SqlFile SQL = SqlFile.of(ReportingCalendar.class, "calendar.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final CalendarProperties properties;

    public ReportingCalendar(NamedParameterJdbcTemplate jdbc, CalendarProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A unit with its deadline for a quarter and whether anything of it was accepted. */
    public record UnitDeadline(String unitCode, String unitName, LocalDate deadline, boolean accepted, boolean rejected) {

        /** Nothing accepted and the deadline has passed on {@code day}. */
        public boolean overdueOn(LocalDate day) {
            return !accepted && day.isAfter(deadline);
        }

        /**
         * Missing from the quarter's figures on {@code day}: nothing accepted, and either overdue or returned
         * (the completeness mart's 未报送 and 已退回). A unit still within its deadline is not missing yet.
         */
        public boolean missingOn(LocalDate day) {
            return !accepted && (rejected || day.isAfter(deadline));
        }
    }

    /**
     * One of a unit's quarters as its statistician sees it: deadline, what was received, the countdown, and
     * where the current version stands in the review round with the latest 审核意见 (null before any).
     */
    public record UnitQuarter(String periodCode, String labelZh, LocalDate deadline, Integer currentVersion, int rejected,
                              String lockedReason, String statusZh, String countdownZh, String reviewStateZh, String reviewReasonZh) {
    }

    /** The quarter {@code code} names, if the warehouse's calendar (dim_period) has it. */
    public Optional<Quarter> quarter(String code) {
        return Quarter.isCode(code) && !jdbc.queryForList(SQL.get("knownQuarter"), Map.of("code", code), String.class).isEmpty()
                ? Optional.of(Quarter.parse(code)) : Optional.empty();
    }

    /**
     * The quarter {@code code} names, else an IllegalArgumentException saying in Chinese why not: not a
     * quarter's code, no catalog loaded yet, or outside the catalog's years.
     */
    public Quarter knownQuarter(String code) {
        if (!Quarter.isCode(code == null ? null : code.strip())) {
            throw new IllegalArgumentException("报告期“" + code + "”无法识别，请写成 2025Q3 这样的年份加季度（Q1–Q4）。");
        }
        Optional<Quarter> known = quarter(code.strip());
        if (known.isPresent()) {
            return known.get();
        }
        Map<String, Object> years = jdbc.queryForMap(SQL.get("quarterYears"), Map.of());
        if (years.get("first_year") == null) {
            throw new IllegalArgumentException("尚未导入规划目录，请先执行 catalog load。");
        }
        throw new IllegalArgumentException("报告期 " + code.strip() + " 不在规划目录的年份范围内（" + years.get("first_year") + "–"
                + years.get("last_year") + " 年）。");
    }

    /** The first day files for the quarter are accepted. */
    public LocalDate opensOn(Quarter quarter) {
        return quarter.end().minusDays(properties.windowOpensDaysBeforeQuarterEnd());
    }

    /** The deadline when neither the calendar nor an exception sets one. */
    public LocalDate defaultDeadline(Quarter quarter) {
        return quarter.end().plusDays(properties.deadlineDaysAfterQuarter());
    }

    /**
     * The quarter's report date, the day its quarterly reports speak of: durations (days overdue, days
     * since) are counted to it, never to the day a report happens to be rendered or the marts refreshed.
     * It is {@code zhenxing.submission.report-days-after-quarter} (20) days after the quarter, but not before
     * the quarter's own deadline (a calendar row an administrator moved), and not after {@code today}: a
     * report rendered early counts to the day it is rendered.
     */
    public LocalDate reportDate(Quarter quarter, LocalDate today) {
        LocalDate planned = quarter.end().plusDays(properties.reportDaysAfterQuarter());
        List<LocalDate> row = jdbc.queryForList(SQL.get("quarterDeadline"), Map.of("p", quarter.key()), LocalDate.class);
        if (!row.isEmpty() && row.get(0) != null && row.get(0).isAfter(planned)) {
            planned = row.get(0);
        }
        return planned.isAfter(today) ? today : planned;
    }

    /** The unit's deadline: its exception, else the quarter's calendar row, else the configured default. */
    public LocalDate deadline(String unitCode, Quarter quarter) {
        List<LocalDate> set = jdbc.queryForList(SQL.get("unitDeadline"), Map.of("unit", unitCode, "p", quarter.key()), LocalDate.class);
        return set.isEmpty() || set.get(0) == null ? defaultDeadline(quarter) : set.get(0);
    }

    /** Why the quarter no longer takes files, if an administrator locked it. */
    public Optional<String> lockReason(Quarter quarter) {
        return jdbc.queryForList(SQL.get("lockReason"), Map.of("p", quarter.key()), String.class).stream().findFirst();
    }

    /**
     * Whether the unit's quarter is locked by the review round: its current version was approved at
     * province level (省级已审核). Read from the view int_review_state (migration V17), so ingest asks the
     * calendar as for a quarter's lock and needs nothing of the review package, which uses ingest's data.
     */
    public boolean unitLocked(String unitCode, Quarter quarter) {
        return !jdbc.queryForList(SQL.get("unitReviewLocked"), Map.of("unit", unitCode, "p", quarter.key()), Integer.class).isEmpty();
    }

    /** Every unit with its own deadline for the quarter (exceptions included), in unit-code order. */
    public List<UnitDeadline> units(Quarter quarter) {
        return jdbc.query(SQL.get("unitsOfQuarter"), Map.of("p", quarter.key()), (rs, n) -> new UnitDeadline(rs.getString("unit_code"),
                rs.getString("name_zh"), rs.getDate("deadline") != null ? rs.getDate("deadline").toLocalDate() : defaultDeadline(quarter),
                rs.getBoolean("accepted"), rs.getBoolean("rejected")));
    }

    /** Units with no accepted file for the quarter, whatever their deadline (reminders). */
    public List<UnitDeadline> withoutAcceptedFile(Quarter quarter) {
        return units(quarter).stream().filter(u -> !u.accepted()).toList();
    }

    /** Units missing from the quarter's figures on {@code day} (report mails; the reports read the same from the mart). */
    public List<UnitDeadline> missing(Quarter quarter, LocalDate day) {
        return units(quarter).stream().filter(u -> u.missingOn(day)).toList();
    }

    /** Units whose own deadline has passed on {@code day} with nothing accepted (overdue notices). */
    public List<UnitDeadline> overdue(Quarter quarter, LocalDate day) {
        return units(quarter).stream().filter(u -> u.overdueOn(day)).toList();
    }

    /** Calendar rows from configuration for every quarter since the first submission whose window has opened. */
    public void ensureCalendar(LocalDate today) {
        jdbc.update(SQL.get("calendarInsert"), new MapSqlParameterSource()
                .addValue("today", today)
                .addValue("opensDaysBefore", properties.windowOpensDaysBeforeQuarterEnd())
                .addValue("deadlineDaysAfter", properties.deadlineDaysAfterQuarter()));
    }

    /** The unit's recent quarters, newest first, with the countdown to its own deadline on {@code today}. */
    public List<UnitQuarter> unitQuarters(String unitCode, LocalDate today) {
        return jdbc.query(SQL.get("unitQuarters"), new MapSqlParameterSource().addValue("unit", unitCode).addValue("today", today)
                .addValue("opensDays", properties.windowOpensDaysBeforeQuarterEnd()), (rs, n) -> {
            Quarter quarter = Quarter.parse(rs.getString("period_code"));
            LocalDate deadline = rs.getDate("deadline") != null ? rs.getDate("deadline").toLocalDate() : defaultDeadline(quarter);
            long days = ChronoUnit.DAYS.between(today, deadline);
            Integer version = rs.getObject("current_version", Integer.class);
            int rejected = rs.getInt("rejected");
            boolean accepted = version != null;
            String status = accepted ? "已接收" : rejected > 0 ? "已退回" : days < 0 ? "逾期" : "未报送";
            String countdown = accepted ? "" : days >= 0 ? "距截止还有" + days + "天" : "已逾期" + (-days) + "天";
            return new UnitQuarter(quarter.code(), rs.getString("label_zh"), deadline, version, rejected, rs.getString("locked_reason"),
                    status, countdown, rs.getString("review_state_zh"), rs.getString("review_reason_zh"));
        });
    }

    /** Quarters of the calendar, newest first, with their deadline and lock (the administrator's board). */
    public List<Map<String, Object>> calendarQuarters() {
        return jdbc.queryForList(SQL.get("calendarQuarters"), Map.of());
    }

    public boolean unitExists(String unitCode) {
        return !jdbc.queryForList(SQL.get("unitExists"), Map.of("unit", unitCode), String.class).isEmpty();
    }

    public void lock(Quarter quarter, String reasonZh) {
        jdbc.update(SQL.get("lock"), Map.of("p", quarter.key(), "reason", reasonZh));
    }

    public void unlock(Quarter quarter) {
        jdbc.update(SQL.get("unlock"), Map.of("p", quarter.key()));
    }

    /** A later deadline for one unit and quarter (replaces an earlier exception). */
    public void grantException(String unitCode, Quarter quarter, LocalDate deadline, String reasonZh, String grantedBy) {
        jdbc.update(SQL.get("exception"), new MapSqlParameterSource().addValue("unit", unitCode).addValue("p", quarter.key())
                .addValue("deadline", deadline).addValue("reason", reasonZh).addValue("by", grantedBy));
    }
}
