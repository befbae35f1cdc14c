package cn.zhenxing.account;

import cn.zhenxing.warehouse.SqlFile;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Portal accounts in {@code ops_portal_user}, passwords hashed with bcrypt. */
@Service
public class PortalUsers implements UserDetailsService {

    static final SqlFile SQL = SqlFile.of(PortalUsers.class, "account.sql");
    public static final PasswordEncoder PASSWORDS = new BCryptPasswordEncoder();
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NamedParameterJdbcTemplate jdbc;

    public PortalUsers(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
                Boolean.TRUE.equals(r.get("enabled")));
    }

    /** Creates an account; the unit must exist for a statistician. */
    public void create(String username, String rawPassword, String name, PortalUser.Role role, String unit, String region) {
        create(username, rawPassword, name, null, role, unit, region);
    }

    public void create(String username, String rawPassword, String name, String email, PortalUser.Role role, String unit, String region) {
        if (!username.matches("[A-Za-z0-9_.@-]{3,64}")) {
            throw new IllegalArgumentException("用户名须为3–64位字母、数字或 _ . @ -：" + username);
        }
        checkPassword(rawPassword);
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
                .addValue("unit", role == PortalUser.Role.STATISTICIAN || role == PortalUser.Role.REVIEWER ? unit : null).addValue("region", region));
    }

    private static void checkPassword(String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("密码至少" + MIN_PASSWORD_LENGTH + "位。");
        }
    }

    public boolean exists(String username) {
        return !jdbc.queryForList(SQL.get("userByName"), Map.of("username", username)).isEmpty();
    }

    public List<Map<String, Object>> list() {
        return jdbc.queryForList(SQL.get("users"), Map.of());
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
    }

    /**
     * Replaces the account's password (an administrator's reset, `users reset-password`); the old one
     * stops working at once. Generated when {@code rawPassword} is null.
     *
     * @return the new password, to be shown once
     */
    public String resetPassword(String username, String rawPassword) {
        String password = rawPassword != null ? rawPassword : newPassword();
        checkPassword(password);
        if (jdbc.update(SQL.get("userPasswordUpdate"), Map.of("username", username, "hash", PASSWORDS.encode(password))) != 1) {
            throw new IllegalArgumentException("没有用户名为“" + username + "”的账号。");
        }
        return password;
    }

    /** 16 characters without look-alikes (0/O, 1/l/I). */
    public static String newPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
