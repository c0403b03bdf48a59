package org.parkscope.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.RecordRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail: who changed what, when, from where, with the state before and after. It is append-only; the
 * database refuses updates and deletes of its rows, and the platform offers none.
 */
@Service
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The one statement that writes the trail. */
    private static final String INSERT = """
            insert into audit_log(actor, remote_addr, action, entity, entity_id, park_id, enterprise_id, before, after)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
            """;
    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(long id, Instant at, String actor, @Nullable String remoteAddr, String action, String entity,
            @Nullable String entityId, @Nullable Long parkId, @Nullable Long enterpriseId, @Nullable String before,
            @Nullable String after) {}

    public record Filter(@Nullable String actor, @Nullable String action, @Nullable String entity,
            @Nullable String entityId, @Nullable LocalDate from, @Nullable LocalDate to) {}

    /** Records a change made by the current user (or "system" outside a request). */
    public void record(String action, String entity, @Nullable Object entityId, @Nullable Long parkId,
            @Nullable Long enterpriseId, @Nullable Object before, @Nullable Object after) {
        recordAs(currentActor(), action, entity, entityId, parkId, enterpriseId, before, after);
    }

    public void recordAs(String actor, String action, String entity, @Nullable Object entityId, @Nullable Long parkId,
            @Nullable Long enterpriseId, @Nullable Object before, @Nullable Object after) {
        jdbc.sql(INSERT).params(actor, remoteAddr(), action, entity, entityId == null ? null : String.valueOf(entityId),
                parkId, enterpriseId, json(before), json(after)).update();
    }

    /**
     * Records a change on a connection the caller holds, inside its transaction: for writers that work on a plain JDBC
     * connection (the import engine, the demo generator). {@code after} is JSON text.
     */
    public static void recordOn(Connection c, String actor, String action, String entity, String entityId,
            @Nullable String after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, actor);
            ps.setNull(2, Types.VARCHAR); // no request: no remote address
            ps.setString(3, action);
            ps.setString(4, entity);
            ps.setString(5, entityId);
            ps.setNull(6, Types.BIGINT);
            ps.setNull(7, Types.BIGINT);
            ps.setNull(8, Types.VARCHAR);
            ps.setString(9, after);
            ps.executeUpdate();
        }
    }

    public List<Entry> search(Filter f, int limit, int offset) {
        return jdbc.sql("select id, at, actor, remote_addr, action, entity, entity_id, park_id, enterprise_id,"
                + " before::text as before, after::text as after from audit_log " + WHERE
                + " order by id desc limit :limit offset :offset")
                .params(filterParams(f)).param("limit", limit).param("offset", offset)
                .query(RecordRows.of(Entry.class)).list();
    }

    public long count(Filter f) {
        return jdbc.sql("select count(*) from audit_log " + WHERE).params(filterParams(f)).query(Long.class).single();
    }

    private static final String WHERE = """
            where (cast(:actor as text) is null or actor = :actor)
              and (cast(:action as text) is null or action = :action)
              and (cast(:entity as text) is null or entity = :entity)
              and (cast(:entityId as text) is null or entity_id = :entityId)
              and (cast(:from as timestamptz) is null or at >= :from)
              and (cast(:to as timestamptz) is null or at < :to)
            """;

    private static java.util.Map<String, Object> filterParams(Filter f) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("actor", blank(f.actor()));
        p.put("action", blank(f.action()));
        p.put("entity", blank(f.entity()));
        p.put("entityId", blank(f.entityId()));
        p.put("from", f.from() == null ? null : java.sql.Timestamp.from(f.from().atStartOfDay(ZoneId.systemDefault()).toInstant()));
        p.put("to", f.to() == null ? null
                : java.sql.Timestamp.from(f.to().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        return p;
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static @Nullable String json(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof String s && s.startsWith("{") ? s : JSON.writeValueAsString(value);
    }

    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }

    private static @Nullable String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
