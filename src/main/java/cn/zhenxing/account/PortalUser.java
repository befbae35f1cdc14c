package cn.zhenxing.account;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in portal user: a statistician bound to one unit, an administrator, a leader (optionally one city), or a
 * reviewer bound to the unit it reviews for (a city's 发改委: its counties; the province's: the cities).
 */
public record PortalUser(String username, String passwordHash, String displayName, String email, Role role, String unitCode,
                         String regionCode, boolean enabled, LocalDateTime lockedUntil) implements UserDetails {

    public enum Role { STATISTICIAN, ADMIN, LEADER, REVIEWER }

    /** An account that is not locked. */
    public PortalUser(String username, String passwordHash, String displayName, String email, Role role, String unitCode, String regionCode,
                      boolean enabled) {
        this(username, passwordHash, displayName, email, role, unitCode, regionCode, enabled, null);
    }

    /** Locked after too many wrong passwords until {@code lockedUntil} (server time): Spring Security refuses the sign-in unchecked. */
    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || !lockedUntil.isAfter(LocalDateTime.now());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
