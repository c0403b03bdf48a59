package org.parkscope.importing;

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

    public record Result(boolean done, int restored, int removed, String messageZh, String messageEn) {}

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
                    return refused("本批新增的记录已被其他数据引用（如其后导入的指标或租用关系），无法回滚",
                            "rows this batch added are referenced by other data (e.g. figures or tenancies imported later)");
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
                    return refused("没有第 " + batch + " 批导入", "no import batch " + batch);
                }
                if (!"COMMITTED".equals(rs.getString(1))) {
                    return refused("第 " + batch + " 批已回滚", "batch " + batch + " was already rolled back");
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
                    return refused("第 " + later + " 批在本批之后修改了同样的数据，请先回滚第 " + later + " 批",
                            "batch " + later + " changed the same rows afterwards: roll it back first");
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
        ImportEngine.audit(c, actor, "ROLLBACK", batch, "{\"restored\": " + restored + ", \"removed\": " + removed + "}");
        return new Result(true, restored, removed, "已回滚第 " + batch + " 批：恢复 " + restored + " 条，删除 " + removed + " 条",
                "batch " + batch + " rolled back: " + restored + " rows restored, " + removed + " removed");
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

    private static Result refused(String zh, String en) {
        return new Result(false, 0, 0, zh, en);
    }
}
