package org.parkscope.attachment;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files kept with a record (an objection, a ledger item, a land contract) in the database, each upload checked
 * ({@link FileKind}) and audited. A file is handed out only to someone who may see the record it belongs to.
 */
@Service
public class Attachments {

    /** The records a file can belong to, by the column that points at them. */
    public enum Owner {
        OBJECTION("objection_id"), INTERVENTION("intervention_id"), CONTRACT("contract_id");

        final String column;

        Owner(String column) {
            this.column = column;
        }
    }

    /** A kept file's description (not its content). */
    public record Meta(long id, long ownerId, String fileName, String contentType, int sizeBytes, String uploadedBy,
            OffsetDateTime uploadedAt) {
        /** When it was uploaded, in the server's local time, to the minute. */
        public String uploaded() {
            return uploadedAt.atZoneSameInstant(java.time.ZoneId.systemDefault()).toLocalDateTime()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        }

        /** The size for people: KB below a megabyte, else MB. */
        public String size() {
            return sizeBytes < 1024 * 1024 ? Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / 1024.0 / 1024.0);
        }
    }

    /** A file to hand out. */
    public record Stored(String fileName, String contentType, byte[] content) {}

    /** Who may see each kind of record: the same scope rules as the pages that show it. */
    private static final String VISIBLE = """
            (a.objection_id is not null and exists (select 1 from evaluation_objection o join enterprise e
                on e.id = o.enterprise_id where o.id = a.objection_id and %s))
            or (a.intervention_id is not null and exists (select 1 from land_intervention_parcel ip join parcel pa
                on pa.id = ip.parcel_id where ip.intervention_id = a.intervention_id and %s))
            or (a.contract_id is not null and exists (select 1 from land_contract c join parcel pa
                on pa.id = c.parcel_id where c.id = a.contract_id and %s))
            """.formatted(Scope.condition("e.park_id", "e.id"), Scope.parkCondition("pa.park_id"),
            Scope.parkCondition("pa.park_id"));

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public Attachments(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Keeps a file with a record the caller has already found in the user's scope; refused (nothing kept) when the
     * file is empty, over 10 MB, or not a PDF, JPEG, PNG, Word or Excel file by its content and name.
     */
    @Transactional
    public long store(Owner owner, long ownerId, @Nullable Long parkId, @Nullable Long enterpriseId,
            @Nullable String fileName, byte[] content) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_")
                .strip();
        name = name.length() > 255 ? name.substring(name.length() - 255) : name;
        FileKind kind = FileKind.check(name, content);
        String sha = sha256(content);
        long id = jdbc.sql("insert into attachment(" + owner.column + ", file_name, content_type, size_bytes, sha256,"
                + " content, uploaded_by) values (?, ?, ?, ?, ?, ?, ?) returning id").params(ownerId, name,
                        kind.contentType(), content.length, sha, content, AuditLog.currentActor())
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("owner", owner.name());
        after.put("ownerId", ownerId);
        after.put("file", name);
        after.put("type", kind.name());
        after.put("bytes", content.length);
        after.put("sha256", sha);
        audit.record("ATTACH", "attachment", id, parkId, enterpriseId, null, after);
        return id;
    }

    /** The files of some records of one kind, by record. */
    public Map<Long, List<Meta>> of(Owner owner, Collection<Long> ownerIds) {
        if (ownerIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, " + owner.column + " as owner_id, file_name, content_type, size_bytes, uploaded_by,"
                + " uploaded_at from attachment where " + owner.column + " = any(cast(:ids as bigint[])) order by id")
                .param("ids", ownerIds.toArray(new Long[0])).query(RecordRows.of(Meta.class)).list().stream()
                .collect(Collectors.groupingBy(Meta::ownerId, LinkedHashMap::new, Collectors.toList()));
    }

    /** A file, if the scope may see the record it belongs to. */
    public Optional<Stored> visible(Scope scope, long id) {
        return ScopeParams.bind(jdbc.sql("select a.file_name, a.content_type, a.content from attachment a where a.id = :id"
                + " and (" + VISIBLE + ")"), scope).param("id", id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
