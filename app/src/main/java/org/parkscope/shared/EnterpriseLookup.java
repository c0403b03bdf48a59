package org.parkscope.shared;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Finds an enterprise from what a user typed: its 统一社会信用代码 (or its id), within a scope. */
@Component
public class EnterpriseLookup {

    private final JdbcClient jdbc;

    public EnterpriseLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By credit code only (case and surrounding blanks ignored). */
    public Optional<Long> byUscc(Scope scope, String uscc) {
        return find(scope, uscc, false);
    }

    /** By credit code or by id. */
    public Optional<Long> byIdOrUscc(Scope scope, String text) {
        return find(scope, text, true);
    }

    private Optional<Long> find(Scope scope, String text, boolean orId) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return ScopeParams.bind(jdbc.sql("select e.id from enterprise e where (e.uscc = :t"
                + (orId ? " or cast(e.id as text) = :t" : "") + ") and " + Scope.condition("e.park_id", "e.id")), scope)
                .param("t", t).query(Long.class).optional();
    }
}
