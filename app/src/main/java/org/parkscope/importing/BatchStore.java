package org.parkscope.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.parkscope.audit.AuditLog;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Stores a checked batch inside the import's transaction: its {@code import_batch} record, the before-images of the rows
 * it replaces (for roll-back), the updates, the new rows, and its audit entry.
 */
final class BatchStore {

    /** The stored batch: its id and what it did. */
    record Stored(long batch, int inserted, int updated, int unchanged) {}

    private BatchStore() {}

    static Stored store(Connection c, ImportRequest req, String sha, int rowsStaged, int warnings)
            throws SQLException, IOException {
        ImportKind kind = req.kind();
        Merge merge = kind.merge();
        long t;
        long batch;
        try (PreparedStatement ps = c.prepareStatement("insert into import_batch(kind, file_name, sha256,"
                + " source_department, status, row_count, created_by, warnings) values (?, ?, ?, ?, 'COMMITTED', ?, ?, ?)"
                + " returning id")) {
            ps.setString(1, kind.name());
            ps.setString(2, req.fileName());
            ps.setString(3, sha);
            ps.setString(4, req.options().department());
            ps.setInt(5, rowsStaged);
            ps.setString(6, req.actor());
            ps.setInt(7, warnings);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                batch = rs.getLong(1);
            }
        }
        int updated;
        int inserted;
        try (Statement s = c.createStatement()) {
            String id = Long.toString(batch);
            t = System.nanoTime();
            s.executeUpdate(merge.recordChangesSql().replace(":batch", id));
            ImportEngine.TIMING.accept("before", t);
            t = System.nanoTime();
            updated = s.executeUpdate(merge.updateSql().replace(":batch", id));
            ImportEngine.TIMING.accept("update", t);
            t = System.nanoTime();
            inserted = copyNewRows(c, merge, id);
            ImportEngine.TIMING.accept("insert", t);
        }
        int unchanged = Math.max(0, rowsStaged - inserted - updated);
        try (PreparedStatement ps = c.prepareStatement("update import_batch set inserted = ?, updated = ?, unchanged = ?"
                + " where id = ?")) {
            ps.setInt(1, inserted);
            ps.setInt(2, updated);
            ps.setInt(3, unchanged);
            ps.setLong(4, batch);
            ps.executeUpdate();
        }
        audit(c, req.actor(), "IMPORT", batch, "{\"kind\": \"" + kind.name() + "\", \"file\": " + json(req.fileName())
                + ", \"sha256\": \"" + sha + "\", \"inserted\": " + inserted + ", \"updated\": " + updated
                + ", \"unchanged\": " + unchanged + ", \"warnings\": " + warnings + "}");
        return new Stored(batch, inserted, updated, unchanged);
    }

    /**
     * Adds the batch's new rows with one COPY, the server's fastest way in (rows go to the heap in bulk, not one by
     * one): they are copied out of {@code r} into a {@link Spool}, then copied into the table. One statement, so
     * statement triggers on the table fire once for the batch.
     */
    private static int copyNewRows(Connection c, Merge merge, String batch) throws SQLException, IOException {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (Spool spool = Spool.create(Spool.defaultDirectory())) {
            OutputStream out = spool.output();
            copy.copyOut("copy (" + merge.newRowsSql().replace(":batch", batch) + ") to stdout", out);
            out.flush();
            return Math.toIntExact(copy.copyIn("copy " + merge.insertColumns() + " from stdin", spool.input()));
        }
    }

    static void audit(Connection c, String actor, String action, long batch, String after) throws SQLException {
        AuditLog.recordOn(c, actor, action, "import_batch", Long.toString(batch), after);
    }

    static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\');
            }
            if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
