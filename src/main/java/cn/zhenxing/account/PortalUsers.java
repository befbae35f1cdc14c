package cn.zhenxing.account;

import cn.zhenxing.security.PasswordPolicy;
import cn.zhenxing.security.SecurityAction;
import cn.zhenxing.security.SecurityEvent.Outcome;
import cn.zhenxing.security.SecurityLog;
import cn.zhenxing.security.SecurityProperties;
import cn.zhenxing.warehouse.SqlFile;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Portal accounts in {@code ops_portal_user}, passwords hashed with bcrypt and checked against the
 * {@link PasswordPolicy}; wrong passwords in a row lock the account ({@code zhenxing.security.login.*}).
 */
@Service
public class PortalUsers implements UserDetailsService {

    static final SqlFile SQL = SqlFile.of(PortalUsers.class, "account.sql");
    public static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final PasswordPolicy policy;
    private final SecurityProperties.Login login;
    private final SecurityLog audit;

    public PortalUsers(NamedParameterJdbcTemplate jdbc, PasswordPolicy policy, SecurityProperties security, SecurityLog audit) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.login = security.login();
        this.audit = audit;
    }

    @Override
    public PortalUser loadUserByUsername(String username) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("userByName"), Map.of("username", username));
        if (rows.isEmpty()) {
            throw new UsernameNotFoundException(username);
        }
        Map<String, Object> r = rows.get(0);
        return new PortalUser((String) r.get("username"), (String) r.get("password_hash"), (String) r.get("display_name"),
                (String) r.get("email"), PortalUser.Role.valueOf((String) r.get("role")), (String) r.get("unit_code"), (String) r.get("region_code"),
                Boolean.TRUE.equals(r.get("enabled")), time(r.get("locked_until")));
    }

    /** Creates an account; the unit must exist for a statistician. */
    public void create(String username, String rawPassword, String name, PortalUser.Role role, String unit, String region) {
        create(username, rawPassword, name, null, role, unit, region);
    }

    public void create(String username, String rawPassword, String name, String email, PortalUser.Role role, String unit, String region) {
        create(username, rawPassword, name, email, role, unit, region, false);
    }

    /** @param mustChange the password was generated (or told to the user by someone else): it is changed at the first sign-in */
    public void create(String username, String rawPassword, String name, String email, PortalUser.Role role, String unit, String region,
                       boolean mustChange) {
        if (username == null || !username.matches("[A-Za-z0-9_.@-]{3,64}")) {
            throw new IllegalArgumentException("用户名须为3–64位字母、数字或 _ . @ -：" + username);
        }
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("姓名或名称须为1–100个字。");
        }
        policy.check(username, rawPassword);
        if (role == PortalUser.Role.STATISTICIAN && (unit == null || jdbc.queryForList(SQL.get("unit"), Map.of("unit", unit)).isEmpty())) {
            throw new IllegalArgumentException("统计员须绑定一个已有的填报单位（如 140400），“" + unit + "”不存在。");
        }
        if (role == PortalUser.Role.REVIEWER && (unit == null || jdbc.queryForList(SQL.get("reviewerUnit"), Map.of("unit", unit)).isEmpty())) {
            throw new IllegalArgumentException("审核员须绑定省或市发展改革委的填报单位（如 140300 审核阳泉市所辖县，140000 审核各市），“" + unit + "”不是。");
        }
        if (exists(username)) {
            throw new IllegalArgumentException("用户名已存在：" + username);
        }
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("邮箱地址格式不正确：" + email);
        }
        jdbc.update(SQL.get("userInsert"), new MapSqlParameterSource().addValue("username", username).addValue("email", email)
                .addValue("hash", PASSWORDS.encode(rawPassword)).addValue("name", name).addValue("role", role.name())
                .addValue("unit", role == PortalUser.Role.STATISTICIAN || role == PortalUser.Role.REVIEWER ? unit : null).addValue("region", region)
                .addValue("mustChange", mustChange).addValue("now", LocalDateTime.now()));
        audit.record(SecurityAction.ACCOUNT_CREATE, username, Outcome.SUCCESS, "角色 " + role.name() + (unit != null ? "，单位 " + unit : "")
                + (region != null ? "，地区 " + region : "") + (mustChange ? "，首次登录须改密码" : ""));
    }

    public boolean exists(String username) {
        return !jdbc.queryForList(SQL.get("userByName"), Map.of("username", username)).isEmpty();
    }

    /** Every account, with {@code locked}: whether a lockout is running now. */
    public List<Map<String, Object>> list() {
        LocalDateTime now = LocalDateTime.now();
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("users"), Map.of());
        rows.forEach(r -> r.put("locked", time(r.get("locked_until")) != null && time(r.get("locked_until")).isAfter(now)));
        return rows;
    }

    /** A DATETIME as the driver returns it (Connector/J 9: LocalDateTime; others: Timestamp). */
    private static LocalDateTime time(Object value) {
        return value instanceof Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    /** Every reporting unit (unit_code, name_zh), for binding a statistician's account. */
    public List<Map<String, Object>> units() {
        return jdbc.queryForList(SQL.get("units"), Map.of());
    }

    public boolean hasAdministrator() {
        Integer n = jdbc.queryForObject(SQL.get("adminCount"), Map.of(), Integer.class);
        return n != null && n > 0;
    }

    /** Every account's display name by login id (who uploaded a file is shown by name). */
    public Map<String, String> displayNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.query(SQL.get("displayNames"), Map.of(), rs -> {
            names.put(rs.getString("username"), rs.getString("display_name"));
        });
        return names;
    }

    /** Whether the account exists and is enabled (checked again at every portal request). */
    public boolean isEnabled(String username) {
        return Boolean.TRUE.equals(jdbc.queryForList(SQL.get("enabled"), Map.of("username", username), Boolean.class).stream().findFirst()
                .orElse(false));
    }

    /** A disabled account cannot sign in (Spring Security refuses it); its data stay. */
    public void setEnabled(String username, boolean enabled) {
        if (jdbc.update(SQL.get("setEnabled"), Map.of("username", username, "enabled", enabled)) != 1) {
            throw new IllegalArgumentException("用户不存在：" + username);
        }
        audit.record(enabled ? SecurityAction.ACCOUNT_ENABLE : SecurityAction.ACCOUNT_DISABLE, username, Outcome.SUCCESS, null);
    }

    /**
     * Replaces the account's password (an administrator's reset, `users reset-password`); the old one
     * stops working at once. Generated when {@code rawPassword} is null.
     *
     * @return the new password, to be shown once
     */
    public String resetPassword(String username, String rawPassword) {
        String password = rawPassword != null ? rawPassword : generatePassword();
        policy.check(username, password);
        // Someone else knows this password: its owner must choose a new one at the next sign-in. A reset also unlocks.
        if (jdbc.update(SQL.get("userPasswordUpdate"), new MapSqlParameterSource().addValue("username", username)
                .addValue("hash", PASSWORDS.encode(password)).addValue("mustChange", true).addValue("now", LocalDateTime.now())) != 1) {
            throw new IllegalArgumentException("没有用户名为“" + username + "”的账号。");
        }
        audit.record(SecurityAction.PASSWORD_RESET, username, Outcome.SUCCESS, rawPassword == null ? "生成新密码，下次登录须修改" : "设置新密码，下次登录须修改");
        return password;
    }

    /** A random password that meets the policy (16 characters, every character class). */
    public String generatePassword() {
        return policy.generate();
    }

    public PasswordPolicy policy() {
        return policy;
    }

    /**
     * The user's own change (at the forced change or any time): the current password must be right and the
     * new one meet the policy and differ from it.
     */
    public void changePassword(String username, String current, String newPassword) {
        PortalUser user = loadUserByUsername(username);
        if (current == null || !PASSWORDS.matches(current, user.passwordHash())) {
            audit.record(SecurityAction.PASSWORD_CHANGE, username, Outcome.FAILURE, "当前密码不正确");
            throw new IllegalArgumentException("当前密码不正确。");
        }
        if (current.equals(newPassword)) {
            throw new IllegalArgumentException("新密码不能与当前密码相同。");
        }
        try {
            policy.check(username, newPassword);
        } catch (IllegalArgumentException e) {
            audit.record(SecurityAction.PASSWORD_CHANGE, username, Outcome.REFUSED, e.getMessage());
            throw e;
        }
        audit.record(SecurityAction.PASSWORD_CHANGE, username, Outcome.SUCCESS, null);
        jdbc.update(SQL.get("userPasswordUpdate"), new MapSqlParameterSource().addValue("username", username)
                .addValue("hash", PASSWORDS.encode(newPassword)).addValue("mustChange", false).addValue("now", LocalDateTime.now()));
    }

    /** What every portal request checks again: enabled, and whether the password must be changed first. */
    public record State(boolean exists, boolean enabled, boolean mustChangePassword) {
    }

    public State state(String username) {
        List<Map<String, Object>> rows = jdbc.queryForList(SQL.get("state"), Map.of("username", username));
        if (rows.isEmpty()) {
            return new State(false, false, false);
        }
        Map<String, Object> r = rows.get(0);
        LocalDateTime changed = time(r.get("changed_at"));
        return new State(true, Boolean.TRUE.equals(r.get("enabled")),
                Boolean.TRUE.equals(r.get("must_change_password")) || policy.expired(changed, LocalDateTime.now()));
    }

    /**
     * A wrong password for an existing account: counted, and the account locked for
     * {@code zhenxing.security.login.lock-duration} when it is the {@code max-failures}th in a row.
     *
     * @return when the lock ends, if this failure locked the account
     */
    public Optional<LocalDateTime> loginFailed(String username) {
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime until = now.plus(login.lockDuration());
        jdbc.update(SQL.get("loginFailed"), new MapSqlParameterSource().addValue("username", username).addValue("max", login.maxFailures())
                .addValue("until", until).addValue("now", now));
        // Only an account not locked before is updated: locked now means locked by this failure.
        return lockedUntil(username);
    }

    public Optional<LocalDateTime> lockedUntil(String username) {
        return jdbc.queryForList(SQL.get("lockedUntil"), Map.of("username", username), Timestamp.class).stream()
                .filter(java.util.Objects::nonNull).map(Timestamp::toLocalDateTime).filter(u -> u.isAfter(LocalDateTime.now())).findFirst();
    }

    public int maxFailures() {
        return login.maxFailures();
    }

    public void loginSucceeded(String username) {
        jdbc.update(SQL.get("unlock"), Map.of("username", username));
    }

    /** The administrator's unlock: the failures are forgotten and the account can sign in at once. */
    public void unlock(String username) {
        if (jdbc.update(SQL.get("unlock"), Map.of("username", username)) != 1) {
            throw new IllegalArgumentException("用户不存在：" + username);
        }
        audit.record(SecurityAction.ACCOUNT_UNLOCK, username, Outcome.SUCCESS, null);
    }
}
