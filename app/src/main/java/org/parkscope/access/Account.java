package org.parkscope.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in account: who it is, its role and what its scope hangs on (operator or enterprise). */
public record Account(long id, String username, String displayName, String passwordHash, Role role,
        @Nullable Long operatorId, @Nullable Long enterpriseId, boolean enabled, boolean mustChangePassword,
        @Nullable Instant lockedUntil) implements UserDetails {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
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
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The same account without its password hash, for the session. */
    public Account withoutPassword() {
        return new Account(id, username, displayName, "", role, operatorId, enterpriseId, enabled, mustChangePassword,
                lockedUntil);
    }
}
