package org.parkscope.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.parkscope.shared.UserMessage;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.validate.Limits;
import org.parkscope.shared.RecordRows;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Imports for the web and REST: uploads are kept in a work folder (so the marked file can be returned), long files run
 * in the background with their progress visible, and batches can be listed and rolled back.
 */
@Service
public class ImportService implements DisposableBean {

    private static final java.util.Set<String> EXTENSIONS = java.util.Set.of("xlsx", "xls", "csv", "txt");

    private static final System.Logger LOG = System.getLogger(ImportService.class.getName());
    private final ImportEngine engine;
    private final ImportRollback rollback;
    private final JdbcClient jdbc;
    private final Path work;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "parkscope-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public ImportService(DataSource dataSource, JdbcClient jdbc) throws IOException {
        this.engine = new ImportEngine(dataSource);
        this.rollback = new ImportRollback(dataSource);
        this.jdbc = jdbc;
        this.work = Files.createTempDirectory("parkscope-imports");
    }

    /** A running or finished import started from the web page. */
    public static final class Job {
        private final String id;
        private final String owner;
        private final ImportKind kind;
        private final String fileName;
        private final Path file;
        private final Instant started = Instant.now();
        private volatile int rowsRead;
        private volatile @Nullable ImportReport report;
        private volatile @Nullable UserMessage failure;
        private final java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);

        Job(String id, String owner, ImportKind kind, String fileName, Path file) {
            this.id = id;
            this.owner = owner;
            this.kind = kind;
            this.fileName = fileName;
            this.file = file;
        }

        public String id() {
            return id;
        }

        public String owner() {
            return owner;
        }

        public ImportKind kind() {
            return kind;
        }

        public String fileName() {
            return fileName;
        }

        public int rowsRead() {
            return rowsRead;
        }

        public @Nullable ImportReport report() {
            return report;
        }

        /** Why the platform could not finish the import, in the reader's language; {@code null} if it did. */
        public @Nullable String failure() {
            UserMessage f = failure;
            return f == null ? null : f.text();
        }

        public boolean done() {
            return report != null || failure != null;
        }

        /** Waits until the import has finished (stored or refused, or failed), at most {@code timeout}. */
        public boolean awaitDone(java.time.Duration timeout) throws InterruptedException {
            return finished.await(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        }

        public Instant started() {
            return started;
        }
    }

    /** A batch in the list of imports. */
    public record BatchRow(long id, String kind, @Nullable String fileName, String status, int rowCount, int inserted,
            int updated, int unchanged, int warnings, Instant createdAt, String createdBy,
            @Nullable Instant rolledBackAt) {}

    /** Checks the name and keeps the upload; refuses a type that cannot be imported. */
    public Path keep(String originalName, InputStream content) {
        String name = originalName == null ? "" : originalName;
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (!EXTENSIONS.contains(ext)) {
            throw new ImportException("file.extension", name);
        }
        Path file = work.resolve(UUID.randomUUID() + "." + ext);
        long copied = 0;
        try (InputStream in = content; var out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0 && Limits.checkFileSize(copied += n).isEmpty()) {
                out.write(buf, 0, n); // counted as it comes: a stream's announced size is not to be trusted
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Limits.checkFileSize(copied).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ImportMessages.enforce(Limits.checkFileSize(copied), 0, -1, Limits.MAX_FILE_BYTES);
        }
        return file;
    }

    public ImportReport run(ImportKind kind, Path file, String fileName, ImportRequest.Options options, String actor) {
        return engine.run(new ImportRequest(kind, file, fileName, actor, options), ImportEngine.Progress.NONE);
    }

    public Job start(ImportKind kind, Path file, String fileName, ImportRequest.Options options, String actor) {
        Job job = new Job(UUID.randomUUID().toString(), actor, kind, fileName, file);
        jobs.put(job.id, job);
        executor.submit(() -> {
            try {
                job.report = engine.run(new ImportRequest(kind, file, fileName, actor, options), n -> job.rowsRead = n);
            } catch (RuntimeException e) { // the platform's fault (the engine reports the file's): logged, not shown
                LOG.log(System.Logger.Level.ERROR, "import of " + fileName + " failed", e);
                job.failure = UserMessage.of("import.failed");
            } finally {
                job.finished.countDown();
            }
        });
        return job;
    }

    public Optional<Job> job(String id, String actor) {
        return Optional.ofNullable(jobs.get(id)).filter(j -> j.owner.equals(actor));
    }

    /** The job's file with its problems marked, in the reader's language. */
    public Optional<MarkedFile.Output> marked(Job job, Locale locale) {
        if (job.report == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MarkedFile.write(job.file, job.fileName, job.report, locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<BatchRow> batches(int limit) {
        return jdbc.sql("""
                select id, kind, file_name, status, row_count, inserted, updated, unchanged, warnings, created_at,
                       created_by, rolled_back_at
                from import_batch where kind <> 'DEMO' order by id desc limit ?
                """).param(limit).query(RecordRows.of(BatchRow.class)).list();
    }

    public ImportRollback.Result rollback(long batchId, String actor) {
        return rollback.rollback(batchId, actor);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
