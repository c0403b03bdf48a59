package org.parkscope.db.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.parkscope.shared.Refusal;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A backup of the platform's database as a zip: every table of the schema (Flyway's history aside) copied out with
 * {@code COPY … TO STDOUT} (the derived tables of SQL {@code derived_tables()} aside: stored facts) inside one REPEATABLE READ read-only transaction, so all tables are of one instant, plus a
 * manifest with the Flyway schema version, the tables, their columns and row counts. No {@code pg_dump} is needed (the
 * embedded PostgreSQL bundle ships none) and the file restores into any PostgreSQL the platform runs on.
 *
 * <p>A restore goes into the schema Flyway made for the same version, in one transaction: it refuses a non-empty
 * database unless forced (then the tables are emptied with TRUNCATE, which the audit trail's no-update/no-delete
 * trigger does not forbid), copies every table in, checks the row counts, moves each sequence past its column's
 * largest value and rebuilds the stored facts from the restored rows ({@code refresh_derived_facts()}). Anything wrong rolls the whole restore back.
 */
public final class DatabaseDump {

    static final String MANIFEST = "parkscope-backup.properties";
    private static final String FORMAT = "1";

    /** A table and its columns (generated columns left out). */
    record Table(String name, List<String> columns) {}

    /** What a backup holds or a restore wrote: the schema version and the rows per table. */
    public record Summary(String schemaVersion, Map<String, Long> rows) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private DatabaseDump() {}

    public static Summary backup(DataSource dataSource, OutputStream out) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                String version = schemaVersion(c);
                Map<String, Long> rows = new LinkedHashMap<>();
                Properties manifest = new Properties();
                ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
                for (Table t : tables(c)) {
                    zip.putNextEntry(new ZipEntry(entry(t.name())));
                    rows.put(t.name(), copy.copyOut("COPY " + quote(t.name()) + " (" + columnList(t) + ") TO STDOUT",
                            new KeepOpen(zip)));
                    zip.closeEntry();
                    manifest.setProperty("columns." + t.name(), String.join(",", t.columns()));
                    manifest.setProperty("rows." + t.name(), Long.toString(rows.get(t.name())));
                }
                manifest.setProperty("format", FORMAT);
                manifest.setProperty("schema.version", version);
                manifest.setProperty("tables", String.join(",", rows.keySet()));
                manifest.setProperty("created", Instant.now().toString());
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "Parkscope backup");
                zip.closeEntry();
                zip.finish();
                c.commit();
                return new Summary(version, rows);
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
        }
    }

    /** Restores a backup; throws a {@link Refusal} (nothing changed) when it may not or cannot. */
    public static Summary restore(DataSource dataSource, Path file, boolean force) throws SQLException, IOException {
        try (ZipFile zip = openBackup(file); Connection c = dataSource.getConnection()) {
            Properties manifest = manifest(zip);
            c.setAutoCommit(false);
            try {
                Summary summary = restore(c, zip, manifest, force);
                c.commit();
                return summary;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Summary restore(Connection c, ZipFile zip, Properties manifest, boolean force)
            throws SQLException, IOException {
        String version = schemaVersion(c);
        if (!version.equals(manifest.getProperty("schema.version"))) {
            throw Refusal.of("backup.restore.version", manifest.getProperty("schema.version"), version);
        }
        Map<String, Table> target = new LinkedHashMap<>();
        tables(c).forEach(t -> target.put(t.name(), t));
        List<String> names = List.of(manifest.getProperty("tables", "").split(","));
        for (String name : names) {
            Table t = target.get(name);
            if (t == null || !String.join(",", t.columns()).equals(manifest.getProperty("columns." + name))) {
                throw Refusal.of("backup.restore.version", manifest.getProperty("schema.version"), version);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE " + String.join(", ", target.keySet().stream().map(DatabaseDump::quote).toList())
                    + " IN ACCESS EXCLUSIVE MODE");
            if (!isEmpty(s, target.keySet())) {
                if (!force) {
                    throw Refusal.of("backup.restore.notEmpty");
                }
                s.execute("TRUNCATE " + String.join(", ", target.keySet().stream().map(DatabaseDump::quote).toList())
                        + " RESTART IDENTITY");
            }
            skipTriggersIfAllowed(c, s);
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String name : insertOrder(c, names)) {
            ZipEntry entry = zip.getEntry(entry(name));
            if (entry == null) {
                throw Refusal.of("backup.restore.damaged", name);
            }
            try (InputStream in = zip.getInputStream(entry)) {
                long n = copy.copyIn("COPY " + quote(name) + " (" + columnList(target.get(name)) + ") FROM STDIN", in);
                if (n != Long.parseLong(manifest.getProperty("rows." + name, "-1"))) {
                    throw Refusal.of("backup.restore.damaged", name);
                }
                rows.put(name, n);
            }
        }
        resetSequences(c);
        try (Statement s = c.createStatement()) {
            s.execute("select refresh_derived_facts()"); // stored facts are not in the backup: rebuilt from its rows
        }
        return new Summary(version, rows);
    }

    /** Superusers restore without firing triggers (foreign keys included); others rely on the insert order. */
    private static void skipTriggersIfAllowed(Connection c, Statement s) throws SQLException {
        Savepoint before = c.setSavepoint();
        try {
            s.execute("SET LOCAL session_replication_role = replica");
            c.releaseSavepoint(before);
        } catch (SQLException notAllowed) {
            c.rollback(before);
        }
    }

    private static boolean isEmpty(Statement s, Set<String> tables) throws SQLException {
        for (String t : tables) {
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(t) + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Referenced tables before the tables referring to them (cycles, if any, in name order). */
    private static List<String> insertOrder(Connection c, List<String> names) throws SQLException {
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        names.forEach(n -> dependsOn.put(n, new LinkedHashSet<>()));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select t.relname, r.relname from pg_constraint k
                join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid
                where k.contype = 'f' and t.relnamespace = current_schema()::regnamespace and t.oid <> r.oid""")) {
            while (rs.next()) {
                Set<String> deps = dependsOn.get(rs.getString(1));
                if (deps != null) {
                    deps.add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        while (order.size() < names.size()) {
            String next = dependsOn.keySet().stream().filter(n -> !order.contains(n))
                    .filter(n -> dependsOn.get(n).stream().allMatch(d -> order.contains(d) || !dependsOn.containsKey(d)))
                    .findFirst()
                    .orElseGet(() -> dependsOn.keySet().stream().filter(n -> !order.contains(n)).findFirst().orElseThrow());
            order.add(next);
        }
        return order;
    }

    private static void resetSequences(Connection c) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select format('select setval(%L, coalesce(max(%I), 0) + 1, false) from %I', q.oid::regclass, a.attname,
                              t.relname)
                from pg_class q
                join pg_depend d on d.objid = q.oid and d.deptype in ('a', 'i')
                join pg_class t on t.oid = d.refobjid
                join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                where q.relkind = 'S' and t.relnamespace = current_schema()::regnamespace""")) {
            while (rs.next()) {
                statements.add(rs.getString(1));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static List<Table> tables(Connection c) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select t.relname, a.attname from pg_class t
                join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                where t.relkind in ('r', 'p') and t.relnamespace = current_schema()::regnamespace
                  and t.relname <> 'flyway_schema_history' and t.relname not in (select derived_tables())
                order by t.relname, a.attnum""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return columns.entrySet().stream().map(e -> new Table(e.getKey(), e.getValue())).toList();
    }

    static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select version from flyway_schema_history where success and version is not null
                order by installed_rank desc limit 1""")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static ZipFile openBackup(Path file) throws IOException {
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (java.util.zip.ZipException e) {
            throw Refusal.of("backup.restore.notBackup", file.toString());
        }
    }

    private static Properties manifest(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw Refusal.of("backup.restore.notBackup", zip.getName());
        }
        Properties manifest = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            manifest.load(in);
        }
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw Refusal.of("backup.restore.notBackup", zip.getName());
        }
        return manifest;
    }

    private static String entry(String table) {
        return "data/" + table + ".copy";
    }

    private static String columnList(Table t) {
        return String.join(", ", t.columns().stream().map(DatabaseDump::quote).toList());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The zip entry's stream, which copyOut must not close: the next table follows in the same zip. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream zip) {
            super(zip);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
