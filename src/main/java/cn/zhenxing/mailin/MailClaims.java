package cn.zhenxing.mailin;

import cn.zhenxing.warehouse.SqlFile;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The claim table ops_mail_intake: who processes which mail x attachment, once. */
@Component
class MailClaims {

    static final SqlFile SQL = SqlFile.of(MailClaims.class, "mailin.sql");
    /** The attachment key of the answer to a mail as a whole. */
    static final String WHOLE_MAIL = "mail";

    /** One poller's hold on a row; {@code takenOver}: the row was left by an instance that died. */
    record Claim(long id, String instance, Long priorSubmission, boolean takenOver) {
    }

    enum State { OWNED, DONE, BUSY }

    record Result(State state, Claim claim) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    MailClaims(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Result claim(String key, String sha, String messageId, String sender, String subject, String fileName, Long prior, String instance,
                 Duration timeout) {
        LocalDateTime now = LocalDateTime.now();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("key", key).addValue("sha", sha)
                .addValue("messageId", truncate(messageId, 998)).addValue("sender", truncate(sender, 320)).addValue("subject", truncate(subject, 500))
                .addValue("fileName", truncate(fileName, 255)).addValue("prior", prior).addValue("instance", instance)
                .addValue("now", Timestamp.valueOf(now));
        boolean inserted = jdbc.update(SQL.get("claim"), p) == 1;
        Map<String, Object> row = jdbc.queryForMap(SQL.get("row"), p);
        long id = ((Number) row.get("intake_id")).longValue();
        Long priorSubmission = row.get("prior_submission_id") == null ? null : ((Number) row.get("prior_submission_id")).longValue();
        if (inserted) {
            return new Result(State.OWNED, new Claim(id, instance, priorSubmission, false));
        }
        if ("done".equals(row.get("status"))) {
            return new Result(State.DONE, null);
        }
        boolean taken = jdbc.update(SQL.get("takeOver"), new MapSqlParameterSource().addValue("id", id).addValue("instance", instance)
                .addValue("now", Timestamp.valueOf(now)).addValue("staleBefore", Timestamp.valueOf(now.minus(timeout)))) == 1;
        return taken ? new Result(State.OWNED, new Claim(id, instance, priorSubmission, true)) : new Result(State.BUSY, null);
    }

    void done(Claim c, String outcome, Long submissionId) {
        jdbc.update(SQL.get("done"), new MapSqlParameterSource().addValue("id", c.id()).addValue("instance", c.instance())
                .addValue("outcome", outcome).addValue("submission", submissionId).addValue("now", Timestamp.valueOf(LocalDateTime.now())));
    }

    void release(Claim c) {
        jdbc.update(SQL.get("release"), new MapSqlParameterSource().addValue("id", c.id()).addValue("instance", c.instance()));
    }

    /** What became of a mail's parts (the CLI and tests ask). */
    List<Map<String, Object>> byMessage(String messageId) {
        return jdbc.queryForList(SQL.get("byMessage"), Map.of("messageId", messageId));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
