package cn.zhenxing.review;

import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent;
import cn.zhenxing.security.SecurityLog;
import cn.zhenxing.warehouse.Quarter;
import cn.zhenxing.warehouse.SqlFile;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review round (逐级审核) of each unit's quarter: its state, who reviews it, the actions and their
 * append-only events; a return is mailed to the unit's contacts ({@link ReturnMail}). A review action only adds a row to ops_review_event: it never touches a
 * reported value (facts, submissions). The lock of a province-approved unit-quarter is asked of
 * {@code calendar.ReportingCalendar} by ingest, which reads the view int_review_state; so ingest needs
 * nothing of this package and this package nothing of ingest (no cycle), and the calendar stays the
 * one owner of "does this unit-quarter still take files".
 */
@Service
public class ReviewService {

    static final SqlFile SQL = SqlFile.of(ReviewService.class, "review.sql");

    private final NamedParameterJdbcTemplate jdbc;
    private final ReturnMail returnMail;

    private final SecurityLog audit;

    ReviewService(NamedParameterJdbcTemplate jdbc, ReturnMail returnMail, SecurityLog audit) {
        this.jdbc = jdbc;
        this.returnMail = returnMail;
        this.audit = audit;
    }

    /** Every unit's chain of reviewers by unit code, read from the reporting units and their regions. */
    public Map<String, ReviewChain> chains() {
        Map<String, ReviewChain> chains = new LinkedHashMap<>();
        jdbc.query(SQL.get("chains"), Map.of(), rs -> {
            chains.put(rs.getString("unit_code"), chain(rs));
        });
        return chains;
    }

    public ReviewChain chain(String unitCode) {
        ReviewChain chain = chains().get(unitCode);
        if (chain == null) {
            throw new IllegalArgumentException("没有代码为“" + unitCode + "”的填报单位。");
        }
        return chain;
    }

    /** Every unit's review of the quarter, in unit-code order. */
    public List<UnitReview> quarter(Quarter quarter) {
        Map<String, ReviewChain> chains = chains();
        return jdbc.query(SQL.get("quarterStates"), Map.of("p", quarter.key()), (rs, n) -> new UnitReview(quarter.code(), rs.getString("unit_code"),
                rs.getString("unit_name"), ReviewState.ofCode(rs.getString("state")), rs.getObject("version", Integer.class),
                rs.getObject("submission_id", Long.class), time(rs, "since"), rs.getString("last_reason"), chains.get(rs.getString("unit_code"))));
    }

    public UnitReview unit(String unitCode, Quarter quarter) {
        chain(unitCode);
        return quarter(quarter).stream().filter(u -> u.unitCode().equals(unitCode)).findFirst().orElseThrow();
    }

    /** What {@code who} may approve now in the quarter: the reviewer's queue. */
    public List<UnitReview> queue(Reviewer who, Quarter quarter) {
        return quarter(quarter).stream().filter(u -> u.awaits(who)).toList();
    }

    /** The actor's queue over every quarter: what it may approve now that has waited since {@code day} or longer. */
    public List<UnitReview> waitingSince(Reviewer who, LocalDate day) {
        return jdbc.queryForList(SQL.get("quartersAwaitingReview"), Map.of(), Integer.class).stream()
                .flatMap(p -> queue(who, Quarter.ofKey(p)).stream())
                .filter(u -> u.since() != null && !u.since().toLocalDate().isAfter(day)).toList();
    }

    /**
     * Approves, returns or withdraws the approval of the unit's current version, as {@code who}; refused
     * (ReviewRefusedException, in Chinese) when the rules or the actor's authority do not allow it.
     *
     * @return the event recorded
     */
    @Transactional
    public ReviewEvent act(String unitCode, Quarter quarter, ReviewAction action, Reviewer who, String reasonZh) {
        ReviewChain chain = chain(unitCode);
        List<Map<String, Object>> current = jdbc.queryForList(SQL.get("currentForUpdate"), Map.of("unit", unitCode, "p", quarter.key()));
        ReviewState state = current.isEmpty() ? ReviewState.UNSUBMITTED : ReviewState.ofCode(jdbc.queryForObject(SQL.get("stateOfSubmission"),
                Map.of("id", current.get(0).get("submission_id")), String.class));
        String reason = reasonZh == null || reasonZh.isBlank() ? null : reasonZh.strip();
        ReviewRules.Decision decision = ReviewRules.decide(chain, state, action, who, reason);
        Map<String, Object> version = current.get(0);
        jdbc.update(SQL.get("eventInsert"), new MapSqlParameterSource().addValue("submission", version.get("submission_id"))
                .addValue("unit", version.get("unit_key")).addValue("p", version.get("period_key")).addValue("version", version.get("version"))
                .addValue("action", action.code()).addValue("level", decision.step().level().code()).addValue("from", decision.from().code())
                .addValue("to", decision.to().code()).addValue("reason", reason).addValue("username", who.username())
                .addValue("name", who.name() == null ? who.username() : who.name()).addValue("role", who.role().name())
                .addValue("actorUnit", who.unitCode()).addValue("at", Timestamp.valueOf(LocalDateTime.now())));
        List<ReviewEvent> events = history(((Number) version.get("submission_id")).longValue());
        ReviewEvent event = events.get(events.size() - 1);
        // In the same transaction as the event: the audit entry exists exactly when the action does.
        audit.recordAs(who.username(), who.role().name(), SecurityAction.REVIEW, unitCode + " " + quarter.code(), SecurityEvent.Outcome.SUCCESS,
                action.labelZh() + "：第" + event.version() + "版，" + event.from().labelZh() + " → " + event.to().labelZh()
                        + (reason != null ? "，意见：" + reason : ""));
        if (action == ReviewAction.RETURN) {
            returnMail.queue(chain, quarter.code(), event, decision.step().reviewerUnitName());
        }
        return event;
    }

    /** Every event of the unit's quarter, over all its versions, oldest first. */
    public List<ReviewEvent> history(String unitCode, Quarter quarter) {
        return jdbc.query(SQL.get("eventsOfUnitQuarter"), Map.of("unit", unitCode, "p", quarter.key()), (rs, n) -> event(rs));
    }

    /** Every event of one submission version, oldest first. */
    public List<ReviewEvent> history(long submissionId) {
        return jdbc.query(SQL.get("eventsOfSubmission"), Map.of("id", submissionId), (rs, n) -> event(rs));
    }

    /** The unit's files of the quarter, newest first. */
    public List<Map<String, Object>> versions(String unitCode, Quarter quarter) {
        return jdbc.queryForList(SQL.get("versions"), Map.of("unit", unitCode, "p", quarter.key()));
    }

    /**
     * A version's 表1 values against last year (the unit's 上年同期值 and the warehouse's) and against the
     * sibling regions (the city's other counties, or the other cities), rows with a 说明 first.
     */
    public List<ComparedValue> comparedValues(long submissionId) {
        Map<String, List<BigDecimal>> peers = new HashMap<>();
        jdbc.query(SQL.get("siblingValues"), Map.of("id", submissionId), rs -> {
            peers.computeIfAbsent(rs.getString("region_code") + "|" + rs.getString("indicator_code"), k -> new ArrayList<>())
                    .add(rs.getBigDecimal("value"));
        });
        return jdbc.query(SQL.get("valuesAgainstLastYear"), Map.of("id", submissionId), (rs, n) -> {
            String region = rs.getString("region_code");
            String label = switch (rs.getString("region_level")) {
                case "county" -> "同市其他县（市、区）";
                case "city" -> "其他设区市";
                default -> null;
            };
            return new ComparedValue(region, rs.getString("region_name"), rs.getString("indicator_code"), rs.getString("indicator_name"),
                    rs.getString("unit"), rs.getBigDecimal("value"), rs.getBigDecimal("prior_year_value"), rs.getBigDecimal("last_year_value"),
                    rs.getBigDecimal("change_pct"), rs.getString("note"), rs.getString("quality_note"), label,
                    peers.getOrDefault(region + "|" + rs.getString("indicator_code"), List.of()));
        });
    }

    private static ReviewChain chain(ResultSet rs) throws SQLException {
        List<ReviewChain.Step> steps = new ArrayList<>();
        if (rs.getString("city_unit_code") != null) {
            steps.add(new ReviewChain.Step(ReviewChain.Level.CITY, rs.getString("city_unit_code"), rs.getString("city_unit_name")));
        }
        steps.add(new ReviewChain.Step(ReviewChain.Level.PROVINCE, rs.getString("province_unit_code"), rs.getString("province_unit_name")));
        return new ReviewChain(rs.getString("unit_code"), rs.getString("name_zh"), rs.getString("province_unit_code"), steps);
    }

    private static ReviewEvent event(ResultSet rs) throws SQLException {
        return new ReviewEvent(rs.getLong("event_id"), rs.getLong("submission_id"), rs.getInt("version"),
                ReviewAction.valueOf(rs.getString("action").toUpperCase()), ReviewChain.Level.valueOf(rs.getString("review_level").toUpperCase()),
                ReviewState.ofCode(rs.getString("from_state")), ReviewState.ofCode(rs.getString("to_state")), rs.getString("reason_zh"),
                rs.getString("actor_username"), rs.getString("actor_name"), rs.getString("actor_role"), rs.getString("actor_unit_code"),
                time(rs, "created_at"));
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
