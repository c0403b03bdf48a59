package org.parkscope.park;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.validate.Limits.Kind;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.parkscope.shared.Inputs;
import org.parkscope.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to a park's description, audited with the row before and after. */
@Service
public class ParkCommands {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public ParkCommands(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private Map<String, Object> row(Scope scope, long id) {
        return ScopeParams.bind(jdbc.sql("select id, code, name, positioning, array_to_string(cluster_tags, ',') as tags,"
                + " address from park p where p.id = :id and " + Scope.parkCondition("p.id")), scope).param("id", id)
                .query().listOfRows().stream().findFirst().orElseThrow(() -> Refusal.notFound("park", id));
    }

    @Transactional
    public void update(Scope scope, long id, @Nullable String positioning, @Nullable String tags,
            @Nullable String address) {
        Inputs.check().text("positioning", Kind.LINE, positioning).text("tags", Kind.LINE, tags)
                .text("address", Kind.LINE, address).orThrow();
        Map<String, Object> before = row(scope, id);
        List<String> tagList = tags == null ? List.of()
                : Arrays.stream(tags.split("[,，、\\s]+")).map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        jdbc.sql("update park set positioning = ?, cluster_tags = ?, address = ? where id = ?")
                .params(positioning == null ? null : positioning.trim(), tagList.toArray(new String[0]),
                        address == null ? null : address.trim(), id)
                .update();
        audit.record("UPDATE", "park", id, id, null, before, row(scope, id));
    }
}
