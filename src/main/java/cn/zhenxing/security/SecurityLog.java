package cn.zhenxing.security;

import cn.zhenxing.warehouse.SqlFile;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security audit log (等保 安全审计): every event is a row of {@code ops_security_event} (append-only:
 * its triggers refuse changes) and a log line. The actor, role and address come from the current sign-in
 * and request unless given; on the command line the address is {@code cli}.
 */
@Service
public class SecurityLog {

    static final SqlFile SQL = SqlFile.of(SecurityLog.class, "security.sql");
    private static final Logger log = LoggerFactory.getLogger(SecurityLog.class);
    public static final int SEARCH_LIMIT = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final SecurityProperties properties;

    public SecurityLog(NamedParameterJdbcTemplate jdbc, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** An event by whoever is signed in on this request (or the command line's operator). */
    public void record(SecurityAction action, String target, SecurityEvent.Outcome outcome, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !"anonymousUser".equals(auth.getName())) {
            recordAs(auth.getName(), role(auth), action, target, outcome, detail);
        } else if (currentRequest() == null) {
            recordAs("cli:" + System.getProperty("user.name"), "CLI", action, target, outcome, detail);
        } else {
            recordAs(null, null, action, target, outcome, detail);
        }
    }

    /** An event by a named actor (a login attempt, before anyone is signed in; a CLI action {@code --as} an account). */
    public void recordAs(String username, String role, SecurityAction action, String target, SecurityEvent.Outcome outcome, String detail) {
        HttpServletRequest request = currentRequest();
        String address = request != null ? request.getRemoteAddr() : "cli";
        LocalDateTime at = LocalDateTime.now();
        jdbc.update(SQL.get("insert"), new MapSqlParameterSource().addValue("at", at).addValue("username", cut(username, 100))
                .addValue("role", role).addValue("address", cut(address, 64)).addValue("action", action.code())
                .addValue("target", cut(target, 300)).addValue("outcome", outcome.name().toLowerCase()).addValue("detail", cut(detail, 1000)));
        log.atInfo().setMessage("Security event: action={} outcome={} user={} role={} address={} target={} detail={}")
                .addArgument(action.code()).addArgument(outcome.name().toLowerCase()).addArgument(username).addArgument(role)
                .addArgument(address).addArgument(target).addArgument(detail)
                .addKeyValue("securityAction", action.code()).addKeyValue("outcome", outcome.name().toLowerCase())
                .addKeyValue("user", username).addKeyValue("role", role).addKeyValue("address", address).addKeyValue("target", target).log();
    }

    /** What the administrator's page searches by; null fields match anything. */
    public record Query(String username, SecurityAction action, SecurityEvent.Outcome outcome, LocalDate from, LocalDate to, String text) {
    }

    public List<SecurityEvent> search(Query q) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("username", q.username())
                .addValue("action", q.action() == null ? null : q.action().code())
                .addValue("outcome", q.outcome() == null ? null : q.outcome().name().toLowerCase())
                .addValue("fromTime", q.from() == null ? null : q.from().atStartOfDay())
                .addValue("toTime", q.to() == null ? null : q.to().plusDays(1).atStartOfDay())
                .addValue("text", q.text() == null ? null : "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .addValue("limit", SEARCH_LIMIT);
        return jdbc.query(SQL.get("search"), p, (rs, i) -> new SecurityEvent(rs.getLong("event_id"), rs.getObject("occurred_at", LocalDateTime.class),
                rs.getString("username"), rs.getString("role"), rs.getString("address"), SecurityAction.ofCode(rs.getString("action")),
                rs.getString("target"), SecurityEvent.Outcome.valueOf(rs.getString("outcome").toUpperCase()), rs.getString("detail")));
    }

    /** Deletes the entries older than the retention ({@code zhenxing.security.audit-retention-days}); the pruning itself is an entry. */
    public int prune(LocalDateTime now) {
        int removed = jdbc.update(SQL.get("prune"), new MapSqlParameterSource("before", now.minusDays(properties.auditRetentionDays())));
        if (removed > 0) {
            record(SecurityAction.AUDIT_PRUNE, "ops_security_event", SecurityEvent.Outcome.SUCCESS,
                    "删除" + properties.auditRetentionDays() + "天以前的审计记录" + removed + "条");
        }
        return removed;
    }

    public int retentionDays() {
        return properties.auditRetentionDays();
    }

    private static String role(Authentication auth) {
        return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5)).findFirst().orElse(null);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
