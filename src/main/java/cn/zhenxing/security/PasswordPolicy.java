package cn.zhenxing.security;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/** The password rules of {@code zhenxing.security.password}: checked for every password set, met by every generated one. */
@Component
public class PasswordPolicy {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Without look-alikes (0/O, 1/l/I). */
    private static final String[] ALPHABETS = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz", "23456789", "#%+-=@"};

    private final SecurityProperties.Password rules;

    public PasswordPolicy(SecurityProperties properties) {
        this.rules = properties.password();
    }

    public int minLength() {
        return rules.minLength();
    }

    /** What the rules ask, in the words the forms show. */
    public String describeZh() {
        return "密码至少" + rules.minLength() + "位，须包含大写字母、小写字母、数字、其他符号中的至少" + rules.minClasses() + "类，且不能与用户名相同";
    }

    /** @throws IllegalArgumentException with the Chinese reason when {@code password} breaks a rule */
    public void check(String username, String password) {
        if (password == null || password.length() < rules.minLength()) {
            throw new IllegalArgumentException("密码太短：" + describeZh() + "。");
        }
        if (classes(password) < rules.minClasses()) {
            throw new IllegalArgumentException("密码太简单：" + describeZh() + "。");
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            throw new IllegalArgumentException("密码不能与用户名相同。");
        }
    }

    static int classes(String password) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /** A random password of 16 characters (or the minimum length, if longer) with every class in it: it meets any rule set. */
    public String generate() {
        int length = Math.max(16, rules.minLength());
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            String alphabet = i < ALPHABETS.length ? ALPHABETS[i] : ALPHABETS[RANDOM.nextInt(3)];
            chars[i] = alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        for (int i = length - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char t = chars[i];
            chars[i] = chars[j];
            chars[j] = t;
        }
        return new String(chars);
    }

    /** Whether a password set at {@code changedAt} has expired by {@code now} (never when expiry is off). */
    public boolean expired(LocalDateTime changedAt, LocalDateTime now) {
        return rules.maxAgeDays() > 0 && changedAt != null && changedAt.plusDays(rules.maxAgeDays()).isBefore(now);
    }
}
