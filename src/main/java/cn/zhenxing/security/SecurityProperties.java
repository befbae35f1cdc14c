package cn.zhenxing.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhenxing.security.*}: the portal's login failure handling, password policy and audit retention
 * (README: 安全, each key with its 等保 control).
 *
 * @param login               lockout and throttling of sign-in attempts
 * @param password            what a new password must satisfy
 * @param auditRetentionDays  security events are kept this many days (at least 180: 等保 asks for six months;
 *                            the table's trigger refuses to delete younger ones anyway)
 */
@ConfigurationProperties("zhenxing.security")
public record SecurityProperties(@DefaultValue Login login, @DefaultValue Password password, @DefaultValue("180") int auditRetentionDays) {

    public SecurityProperties {
        if (auditRetentionDays < 180) {
            throw new IllegalArgumentException("zhenxing.security.audit-retention-days must be at least 180 (等保: six months)");
        }
    }

    /**
     * @param maxFailures           wrong passwords in a row that lock the account
     * @param lockDuration          how long a locked account stays locked (an administrator can unlock it earlier)
     * @param accountFailuresPerMinute failed attempts on one account per minute before further attempts are refused unchecked
     * @param addressFailuresPerMinute failed attempts from one client address per minute before further attempts are refused unchecked
     */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockDuration,
                        @DefaultValue("10") int accountFailuresPerMinute, @DefaultValue("30") int addressFailuresPerMinute) {
        public Login {
            if (maxFailures < 1 || accountFailuresPerMinute < 1 || addressFailuresPerMinute < 1 || lockDuration.isNegative() || lockDuration.isZero()) {
                throw new IllegalArgumentException("zhenxing.security.login.* must be positive");
            }
        }
    }

    /**
     * @param minLength     at least this many characters
     * @param minClasses    of upper-case letters, lower-case letters, digits and other characters, at least this many kinds
     * @param maxAgeDays    a password older than this must be changed at the next sign-in; 0 = passwords do not expire
     */
    public record Password(@DefaultValue("10") int minLength, @DefaultValue("2") int minClasses, @DefaultValue("0") int maxAgeDays) {
        public Password {
            if (minLength < 8 || minClasses < 1 || minClasses > 4 || maxAgeDays < 0) {
                throw new IllegalArgumentException("zhenxing.security.password: min-length at least 8, min-classes 1-4, max-age-days 0 or more");
            }
        }
    }
}
