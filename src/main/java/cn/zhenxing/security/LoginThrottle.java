package cn.zhenxing.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins per account and per client address, as Bucket4j token buckets refilled in full each minute
 * ({@code zhenxing.security.login.*-failures-per-minute}): while either bucket is empty an attempt is
 * refused before its password is checked. In memory per process (the lockout itself is in the database);
 * at most {@link #TRACKED} accounts and addresses each are tracked, the least recently failed forgotten first.
 */
@Component
public class LoginThrottle {

    static final int TRACKED = 10_000;

    private final SecurityProperties.Login rules;
    private final Map<String, Bucket> accounts = lru();
    private final Map<String, Bucket> addresses = lru();

    public LoginThrottle(SecurityProperties properties) {
        this.rules = properties.login();
    }

    /** @return how long to wait before the next attempt, or zero when it may be checked now */
    public Duration waitBefore(String username, String address) {
        long nanos = Math.max(waitNanos(accounts, key(username)), waitNanos(addresses, address));
        return Duration.ofNanos(nanos);
    }

    /** A failed attempt (wrong password, unknown or locked account) counts against both. */
    public void failed(String username, String address) {
        bucket(accounts, key(username), rules.accountFailuresPerMinute()).tryConsume(1);
        bucket(addresses, address, rules.addressFailuresPerMinute()).tryConsume(1);
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static long waitNanos(Map<String, Bucket> buckets, String key) {
        Bucket b;
        synchronized (buckets) {
            b = buckets.get(key);
        }
        return b == null ? 0 : b.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, int perMinute) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(perMinute).refillIntervally(perMinute, Duration.ofMinutes(1)).build()).build());
        }
    }

    private static Map<String, Bucket> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > TRACKED;
            }
        });
    }
}
