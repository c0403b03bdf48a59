package org.parkscope.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.parkscope.core.code.Severity;
import org.parkscope.shared.BulkWork;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

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
        StagingReader reader = new StagingReader(kind, req.options(), bytes -> copy.writeToCopy(bytes, 0, bytes.length), problems,
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

    private ImportReport finish(Connection c, ImportRequest req, String sha, Staging staging,
            List<ImportProblem> problems, int[] counts, long t0) throws SQLException, IOException {
        ImportKind kind = req.kind();
        long t = System.nanoTime();
        try (Statement s = c.createStatement()) {
            if (kind == ImportKind.PARKS) {
                s.execute("insert into park_operator(name) select distinct operator from stg where operator is not null"
                        + " on conflict (name) do nothing");
            }
            s.execute("create temp table r on commit drop as " + kind.merge().resolveSql(kind.resolveSql()));
            s.execute("analyze r");
        }
        TIMING.accept("resolve", t);
        t = System.nanoTime();
        FileChecks.run(c, kind, problems, counts);
        TIMING.accept("checks", t);
        if (counts[0] > 0) {
            return rejected(req, staging, counts, problems, t0);
        }
        Savepoint beforeMerge = c.setSavepoint();
        try {
            problems.sort(java.util.Comparator.comparingInt(ImportProblem::row).thenComparingInt(ImportProblem::column));
            BatchStore.Stored stored = BatchStore.store(c, req, sha, staging.rowsStaged(), counts[1]);
            boolean dryRun = req.options().dryRun();
            return report(dryRun ? ImportReport.Status.VALID : ImportReport.Status.COMMITTED, req, staging,
                    dryRun ? null : stored.batch(), stored.inserted(), stored.updated(), counts, problems, t0);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            c.rollback(beforeMerge);
            FileChecks.duplicates(c, kind, problems, counts);
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

    private static ImportReport report(ImportReport.Status status, ImportRequest req, Staging staging,
            @Nullable Long batch, int inserted, int updated, int[] counts, List<ImportProblem> problems, long t0) {
        int unchanged = status == ImportReport.Status.REJECTED ? 0 : Math.max(0, staging.rowsStaged() - inserted - updated);
        return new ImportReport(status, req.kind(), req.fileName(), staging.sheet(), batch, null, staging.headerRow(),
                staging.rowsRead(), staging.rowsStaged(), inserted, updated, unchanged, counts[0], counts[1],
                List.copyOf(problems), millis(t0));
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
