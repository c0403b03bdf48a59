package org.parkscope.access;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in account: who it is, its role and what its scope hangs on (operator or enterprise). The security stamp
 * changes whenever the account is disabled, its role or its password changes; a session holding another stamp ends.
 */
public record Account(long id, String username, String displayName, String passwordHash, Role role,
        @Nullable Long operatorId, @Nullable Long enterpriseId, boolean enabled, boolean mustChangePassword,
        long securityStamp) implements UserDetails {

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
    public boolean isEnabled() {
        return enabled;
    }

    /** The same account without its password hash, for the session. */
    public Account withoutPassword() {
        return new Account(id, username, displayName, "", role, operatorId, enterpriseId, enabled, mustChangePassword,
                securityStamp);
    }

    /** Whether a session that signed in as this account may go on as {@code current}, the account's state now. */
    boolean sameSessionAs(Account current) {
        return current.enabled && current.securityStamp == securityStamp && current.role == role;
    }
}
