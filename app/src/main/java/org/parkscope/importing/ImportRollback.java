package org.parkscope.importing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.parkscope.shared.UserMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Undoes a committed batch: rows it changed get back the values they had before it, rows it added are removed, and
 * the batch is marked rolled back — all in one transaction. A batch whose rows a later batch has changed since is
 * refused: that later batch must be rolled back first.
 */
public final class ImportRollback {

    /** Child tables first, so rows that reference others go before the rows they reference. */
    static final List<String> TABLES = List.of("indicator_value", "qualification", "occupancy", "floor_space",
            "land_obligation", "land_contract", "building", "parcel", "enterprise", "park");

    private final DataSource dataSource;

    public ImportRollback(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a roll-back did, or why it was refused, with its message for the reader's language. */
    public record Result(boolean done, int restored, int removed, @JsonIgnore UserMessage userMessage) {

        /** The message in the current reader's language (the page's, the API caller's). */
        @JsonProperty("message")
        public String message() {
            return userMessage.text();
        }
    }

    public Result rollback(long batchId, String actor) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Result r = run(c, batchId, actor);
                if (r.done()) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return r;
            } catch (SQLException e) {
                c.rollback();
                if ("23503".equals(e.getSQLState())) {
                    return refused("import.rollback.referenced");
                }
                throw new IllegalStateException(e);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Result run(Connection c, long batch, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select status from import_batch where id = ? for update")) {
            ps.setLong(1, batch);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return refused("import.rollback.noBatch", String.valueOf(batch));
                }
                if (!"COMMITTED".equals(rs.getString(1))) {
                    return refused("import.rollback.already", String.valueOf(batch));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select min(ch.batch_id) from import_change ch join import_batch b on b.id = ch.batch_id
                where b.status = 'COMMITTED' and ch.batch_id <> ? and cast(ch.before ->> 'import_batch_id' as bigint) = ?
                """)) {
            ps.setLong(1, batch);
            ps.setLong(2, batch);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long later = rs.getLong(1);
                if (!rs.wasNull()) {
                    return refused("import.rollback.later", String.valueOf(later));
                }
            }
        }
        int restored = 0;
        int removed = 0;
        for (String table : TABLES) {
            String columns = columns(c, table);
            try (PreparedStatement ps = c.prepareStatement("update " + table + " t set (" + columns + ") = (select "
                    + columns + " from jsonb_populate_record(null::" + table + ", ch.before)) from import_change ch"
                    + " where ch.batch_id = ? and ch.entity = ? and t.id = ch.row_id")) {
                ps.setLong(1, batch);
                ps.setString(2, table);
                restored += ps.executeUpdate();
            }
        }
        for (String table : TABLES) {
            try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where import_batch_id = ?")) {
                ps.setLong(1, batch);
                removed += ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("update import_batch set status = 'ROLLED_BACK',"
                + " rolled_back_at = now(), rolled_back_by = ? where id = ?")) {
            ps.setString(1, actor);
            ps.setLong(2, batch);
            ps.executeUpdate();
        }
        BatchStore.audit(c, actor, "ROLLBACK", batch, "{\"restored\": " + restored + ", \"removed\": " + removed + "}");
        return new Result(true, restored, removed, UserMessage.of("import.rollback.done", String.valueOf(batch),
                String.valueOf(restored), String.valueOf(removed)));
    }

    private static String columns(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select string_agg(column_name, ', ' order by ordinal_position)"
                + " from information_schema.columns where table_schema = current_schema() and table_name = ?"
                + " and column_name <> 'id'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Result refused(String code, Object... args) {
        return new Result(false, 0, 0, UserMessage.of(code, args));
    }
}
