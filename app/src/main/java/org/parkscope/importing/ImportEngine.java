package org.parkscope.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.code.Severity;
import org.parkscope.shared.BulkWork;
import org.parkscope.shared.UserMessage;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Imports a file in one database transaction: rows are read as a stream, checked, and copied (PostgreSQL COPY) into a
 * temporary staging table; checks over the whole file run in SQL; only a file without errors is merged into the
 * registry, with the rows it replaces kept for roll-back. Anything else — an error, a crash, a killed process — leaves
 * the database as it was. Plain Java over a DataSource, so the web app, the CLI and the benchmark share it.
 */
public final class ImportEngine {

    /** Told how many rows have been read so far. */
    public interface Progress {
        void rows(int read);

        Progress NONE = n -> { };
    }

    private static final int FLUSH_BYTES = 1 << 20;
    static final java.util.function.BiConsumer<String, Long> TIMING = Boolean.getBoolean("parkscope.import.timing")
            ? (phase, t0) -> System.err.printf("import %-10s %6d ms%n", phase, (System.nanoTime() - t0) / 1_000_000)
            : (phase, t0) -> { };
    private static final System.Logger LOG = System.getLogger(ImportEngine.class.getName());
    private static final java.util.concurrent.atomic.AtomicBoolean SWEPT = new java.util.concurrent.atomic.AtomicBoolean();
    private final DataSource dataSource;

    public ImportEngine(DataSource dataSource) {
        this.dataSource = dataSource;
        if (SWEPT.compareAndSet(false, true)) {
            Spool.sweep(Spool.defaultDirectory(), java.time.Instant.now()); // what a killed process may have left
        }
    }

    public ImportReport run(ImportRequest req, Progress progress) {
        long t0 = System.nanoTime();
        ImportKind kind = req.kind();
        List<ImportProblem> problems = new ArrayList<>();
        int[] counts = new int[2]; // errors, warnings beyond the listed ones are counted here
        FileFormat format;
        String sha;
        try {
            format = FileFormat.detect(req.file());
            sha = sha256(req.file());
        } catch (ImportException e) {
            return fileProblem(req, e, t0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute(BulkWork.SET_WORK_MEM); // the whole-file checks sort and hash in memory
                }
                if (!req.options().dryRun()) {
                    Long previous = previousBatch(c, sha, kind);
                    if (previous != null) {
                        c.rollback();
                        return new ImportReport(ImportReport.Status.UNCHANGED, kind, req.fileName(), null, null,
                                previous, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), millis(t0));
                    }
                }
                long tStage = System.nanoTime();
                Staging staging = stage(c, req, format, problems, counts, progress);
                TIMING.accept("stage", tStage);
                ImportReport report = finish(c, req, sha, staging, problems, counts, t0);
                if (report.status() == ImportReport.Status.COMMITTED) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return report;
            } catch (ImportException e) {
                c.rollback();
                return fileProblem(req, e, t0);
            } catch (SQLException e) {
                c.rollback();
                if (!unstorable(e)) {
                    throw new IllegalStateException(e);
                }
                LOG.log(System.Logger.Level.WARNING, "import of " + req.fileName() + " refused by the database", e);
                return fileProblem(req, ImportMessages.exception("import.unstorable"), t0);
            } catch (RuntimeException | IOException e) {
                c.rollback();
                LOG.log(System.Logger.Level.ERROR, "import of " + req.fileName() + " failed", e);
                return fileProblem(req, ImportMessages.exception("import.failed"), t0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the import failed; nothing was changed", e);
        }
    }

    /** What reading the file produced: the sheet, its header row, rows read and rows staged. */
    private record Staging(String sheet, int headerRow, int rowsRead, int rowsStaged) {}

    private Staging stage(Connection c, ImportRequest req, FileFormat format, List<ImportProblem> problems,
            int[] counts, Progress progress) throws SQLException, IOException {
        ImportKind kind = req.kind();
        List<String> cols = kind.stagingColumns();
        try (Statement s = c.createStatement()) {
            s.execute("create temp table stg (row_no int, " + cols.stream().map(x -> x + " text")
                    .collect(Collectors.joining(", ")) + ") on commit drop");
        }
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy stg (row_no, " + String.join(", ", cols) + ") from stdin (format csv)");
        RowSource source = new ReadAhead(switch (format) {
            case XLSX -> new XlsxSource(req.file());
            case XLS -> new XlsSource(req.file());
            case CSV -> new CsvSource(req.file(), req.fileName());
        });
        Reader reader = new Reader(kind, req.options(), bytes -> copy.writeToCopy(bytes, 0, bytes.length), problems,
                counts, progress);
        try {
            source.read(reader);
            reader.end();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return new Staging(source.sheetName(), reader.header == null ? 0 : reader.header.headerRowNo, reader.rowsRead,
                reader.rowsStaged);
    }

    /** Where checked rows go, as CSV chunks (the staging table's COPY; a fuzz test's counter). */
    interface Sink {
        void write(byte[] csv) throws SQLException;
    }

    /**
     * Streams rows: buffers the first ones to find the header, then checks each row and copies it to staging. Needs no
     * database itself, so the fuzz tests drive it up to the staging copy.
     */
    static final class Reader implements RowSource.RowConsumer {
        final ImportKind kind;
        final ImportRequest.Options options;
        final Sink copy;
        final List<ImportProblem> problems;
        final int[] counts;
        final Progress progress;
        final List<HeaderMap.Row> buffered = new ArrayList<>();
        final StringBuilder out = new StringBuilder(FLUSH_BYTES + 4096);
        HeaderMap header;
        RowChecker checker;
        int rowsRead;
        int rowsStaged;
        final List<ImportProblem> rowProblems = new ArrayList<>();

        Reader(ImportKind kind, ImportRequest.Options options, Sink copy, List<ImportProblem> problems, int[] counts,
                Progress progress) {
            this.kind = kind;
            this.options = options;
            this.copy = copy;
            this.problems = problems;
            this.counts = counts;
            this.progress = progress;
        }

        @Override
        public void row(int rowNo, List<String> cells) {
            if (header == null) {
                buffered.add(new HeaderMap.Row(rowNo, cells));
                if (buffered.size() >= HeaderMap.SEARCH_ROWS) {
                    startData();
                }
                return;
            }
            data(rowNo, cells);
        }

        private void startData() {
            boolean any = buffered.stream().anyMatch(r -> r.cells().stream().anyMatch(x -> x != null && !x.isBlank()));
            if (!any) {
                throw new ImportException("file.noData");
            }
            header = HeaderMap.detect(kind, buffered);
            checker = new RowChecker(kind, header, options);
            for (HeaderMap.Row r : buffered) {
                if (r.rowNo() > header.headerRowNo) {
                    data(r.rowNo(), r.cells());
                }
            }
            buffered.clear();
        }

        private void data(int rowNo, List<String> cells) {
            if (checker.skip(cells)) {
                return;
            }
            rowsRead++;
            rowProblems.clear();
            checker.check(rowNo, cells, rowProblems, values -> stage(rowNo, values));
            for (ImportProblem p : rowProblems) {
                add(problems, counts, p);
            }
            if (rowsRead % 5000 == 0) {
                progress.rows(rowsRead);
            }
        }

        private void stage(int rowNo, String[] values) {
            out.append(rowNo);
            for (String v : values) {
                out.append(',');
                if (v != null) {
                    csv(out, v);
                }
            }
            out.append('\n');
            rowsStaged++;
            if (out.length() >= FLUSH_BYTES) {
                flush();
            }
        }

        void end() {
            if (header == null) {
                startData();
            }
            flush();
            progress.rows(rowsRead);
        }

        private void flush() {
            if (out.length() == 0) {
                return;
            }
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.write(bytes);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            out.setLength(0);
        }

        private static void csv(StringBuilder sb, String v) {
            boolean quote = v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                    || v.indexOf('\r') >= 0;
            if (!quote) {
                sb.append(v);
                return;
            }
            sb.append('"');
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                if (ch == '"') {
                    sb.append('"');
                }
                sb.append(ch);
            }
            sb.append('"');
        }
    }

    static void add(List<ImportProblem> problems, int[] counts, ImportProblem p) {
        if (p.isError()) {
            counts[0]++;
        } else {
            counts[1]++;
        }
        if (problems.size() < ImportReport.MAX_LISTED) {
            problems.add(p);
        }
    }

    private ImportReport finish(Connection c, ImportRequest req, String sha, Staging staging,
            List<ImportProblem> problems, int[] counts, long t0) throws SQLException, IOException {
        ImportKind kind = req.kind();
        Merge merge = kind.merge();
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            if (kind == ImportKind.PARKS) {
                s.execute("insert into park_operator(name) select distinct operator from stg where operator is not null"
                        + " on conflict (name) do nothing");
            }
            s.execute("create temp table r on commit drop as " + merge.resolveSql(kind.resolveSql()));
            s.execute("analyze r");
        }
        TIMING.accept("resolve", t);
        t = System.nanoTime();
        for (Check check : kind.checks()) {
            int col = -1;
            String label = null;
            for (Field f : kind.fields()) {
                if (f.key().equals(check.field())) {
                    label = f.label();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(check.sql()); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String value = rs.getString(2);
                    UserMessage message = UserMessage.of(check.message());
                    add(problems, counts, new ImportProblem(rs.getInt(1), col, label, value, check.severity(),
                            "check." + check.field(), value == null ? message
                                    : UserMessage.of("import.problem.value", message, value)));
                }
            }
        }
        // Rows repeating an earlier row's key: the whole-file search sorts every row, so it runs only on rows that update
        // the same stored row, or when the batch is refused anyway; two new rows with one key meet in the table's
        // unique index during the merge, and then the search runs and the batch is refused with them.
        if (counts[0] > 0 || exists(c, merge.duplicatesSql("r.target_id is not null"))) {
            duplicates(c, kind, problems, counts);
        }
        TIMING.accept("checks", t);
        if (counts[0] > 0) {
            return rejected(req, staging, counts, problems, t0);
        }
        Savepoint beforeMerge = c.setSavepoint();
        try {
            return merge(c, req, sha, staging, problems, counts, t0);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeMerge);
            duplicates(c, kind, problems, counts);
            if (counts[0] == 0) {
                throw e;
            }
            return rejected(req, staging, counts, problems, t0);
        }
    }

    private static ImportReport rejected(ImportRequest req, Staging staging, int[] counts, List<ImportProblem> problems,
            long t0) {
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::row).thenComparingInt(ImportProblem::column));
        return report(ImportReport.Status.REJECTED, req, staging, null, 0, 0, counts, problems, t0);
    }

    /** Reports the rows of the file that repeat an earlier row's key. */
    private static void duplicates(Connection c, ImportKind kind, List<ImportProblem> problems, int[] counts)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(kind.merge().duplicatesSql("true"));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                add(problems, counts, new ImportProblem(rs.getInt(1), -1, null, null, Severity.ERROR, "row.duplicate",
                        UserMessage.of("row.duplicate", String.valueOf(rs.getInt(2)), keyLabel(kind))));
            }
        }
    }

    private static boolean exists(Connection c, String query) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select exists (" + query + ")");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Stores a checked batch: its record, the before-images, the updates and the new rows, then its audit entry. */
    private ImportReport merge(Connection c, ImportRequest req, String sha, Staging staging,
            List<ImportProblem> problems, int[] counts, long t0) throws SQLException, IOException {
        ImportKind kind = req.kind();
        Merge merge = kind.merge();
        problems.sort(java.util.Comparator.comparingInt(ImportProblem::row).thenComparingInt(ImportProblem::column));
        long t;
        long batch;
        try (PreparedStatement ps = c.prepareStatement("insert into import_batch(kind, file_name, sha256,"
                + " source_department, status, row_count, created_by, warnings) values (?, ?, ?, ?, 'COMMITTED', ?, ?, ?)"
                + " returning id")) {
            ps.setString(1, kind.name());
            ps.setString(2, req.fileName());
            ps.setString(3, sha);
            ps.setString(4, req.options().department());
            ps.setInt(5, staging.rowsStaged());
            ps.setString(6, req.actor());
            ps.setInt(7, counts[1]);
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
            TIMING.accept("before", t);
            t = System.nanoTime();
            updated = s.executeUpdate(merge.updateSql().replace(":batch", id));
            TIMING.accept("update", t);
            t = System.nanoTime();
            inserted = copyNewRows(c, merge, id);
            TIMING.accept("insert", t);
        }
        int unchanged = Math.max(0, staging.rowsStaged() - inserted - updated);
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
                + ", \"unchanged\": " + unchanged + ", \"warnings\": " + counts[1] + "}");
        ImportReport.Status status = req.options().dryRun() ? ImportReport.Status.VALID : ImportReport.Status.COMMITTED;
        return report(status, req, staging, req.options().dryRun() ? null : batch, inserted, updated, counts, problems,
                t0);
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

    private static ImportReport report(ImportReport.Status status, ImportRequest req, Staging staging,
            @Nullable Long batch, int inserted, int updated, int[] counts, List<ImportProblem> problems, long t0) {
        int unchanged = status == ImportReport.Status.REJECTED ? 0 : Math.max(0, staging.rowsStaged() - inserted - updated);
        return new ImportReport(status, req.kind(), req.fileName(), staging.sheet(), batch, null, staging.headerRow(),
                staging.rowsRead(), staging.rowsStaged(), inserted, updated, unchanged, counts[0], counts[1],
                List.copyOf(problems), millis(t0));
    }

    /** What makes two rows of a kind the same row: a key of several columns has a name of its own. */
    private static UserMessage keyLabel(ImportKind kind) {
        return switch (kind) {
            case INDICATORS, QUALIFICATIONS, OCCUPANCY -> UserMessage.of("import.key." + kind.name());
            default -> UserMessage.bilingual(kind.fields().get(0).label(), kind.fields().get(0).labelEn());
        };
    }

    /**
     * A value the database would not keep (SQL states 22: data exception, 23: constraint violation): the file's fault,
     * reported without the database's words; anything else (connection lost, …) is the platform's.
     */
    private static boolean unstorable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static ImportReport fileProblem(ImportRequest req, ImportException e, long t0) {
        return rejected(req.kind(), req.fileName(), e, millis(t0));
    }

    /** The report of a file refused as a whole (or from the row where reading stopped). */
    static ImportReport rejected(ImportKind kind, String fileName, ImportException e, long millis) {
        ImportProblem p = new ImportProblem(e.row(), e.column(), null, null, Severity.ERROR, e.code(), e.userMessage());
        return new ImportReport(ImportReport.Status.REJECTED, kind, fileName, null, null, null, 0, 0, 0, 0, 0, 0, 1, 0,
                List.of(p), millis);
    }

    private static @Nullable Long previousBatch(Connection c, String sha, ImportKind kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select id from import_batch where sha256 = ? and kind = ?"
                + " and status = 'COMMITTED' order by id desc limit 1")) {
            ps.setString(1, sha);
            ps.setString(2, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
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

    static String sha256(java.nio.file.Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
