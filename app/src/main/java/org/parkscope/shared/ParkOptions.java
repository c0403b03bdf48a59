package org.parkscope.shared;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The parks in a scope as filter choices (id and name, in registry order), for any page that filters by park. */
@Component
public class ParkOptions {

    public record ParkOption(long id, String name) {}

    private final JdbcClient jdbc;

    public ParkOptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ParkOption> list(Scope scope) {
        return ScopeParams.bind(jdbc.sql("select p.id, p.name from park p where %s order by p.id"
                .formatted(Scope.parkCondition("p.id"))), scope).query(RecordRows.of(ParkOption.class)).list();
    }
}
