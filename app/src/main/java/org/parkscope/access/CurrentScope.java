package org.parkscope.access;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.parkscope.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The data scope of the signed-in account, which every registry query takes: town staff see the town, a park
 * operator the parks its operator runs, an enterprise user its own enterprise, anyone else nothing.
 */
@Component
public class CurrentScope {

    private final JdbcClient jdbc;

    public CurrentScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> account() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Account a ? Optional.of(a) : Optional.empty();
    }

    public Scope get() {
        Account a = account().orElse(null);
        if (a == null) {
            return Scope.parks(Set.of());
        }
        switch (a.role()) {
            case TOWN_ADMIN:
            case TOWN_ANALYST:
                return Scope.town();
            case PARK_OPERATOR:
                return Scope.parks(new HashSet<>(jdbc.sql("select id from park where operator_id = ?")
                        .param(a.operatorId()).query(Long.class).list()));
            case ENTERPRISE_USER:
                return Scope.enterprise(a.enterpriseId());
            default:
                return Scope.parks(Set.of());
        }
    }
}
