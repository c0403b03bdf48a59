package org.parkscope.shared;

import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/** Binds a {@link Scope} to the named parameters used by {@link Scope#condition}. */
public final class ScopeParams {

    private ScopeParams() {}

    public static StatementSpec bind(StatementSpec spec, Scope scope) {
        return spec.param("scopeAll", scope.allParks())
                .param("scopeParks", scope.parkIdArray())
                .param("scopeEnterprise", scope.enterpriseId());
    }
}
