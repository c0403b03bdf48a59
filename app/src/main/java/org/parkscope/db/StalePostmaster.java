package org.parkscope.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what a dead owner left on a data folder so that the next start succeeds the first time: a postmaster still
 * running (its JVM was killed), or, when the postmaster itself was killed, its children still attached to the old
 * shared memory (postgres refuses to start while they are) and a stale {@code postmaster.pid}. Only called by the
 * process that holds the folder's {@link OwnerLock}, so whatever runs there is not a live owner's server.
 */
final class StalePostmaster {

    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);

    private StalePostmaster() {}

    static void clear(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        List<String> lines = lines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> handle = parseLong(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (handle.isPresent()) {
            if (isServerOf(handle.get(), dir)) {
                stop(handle.get(), dir);
            } else {
                deleteQuietly(pidFile); // the pid now names another process: postgres would refuse to start
            }
        }
        awaitSharedMemoryReleased(lines, dir);
    }

    private static boolean isServerOf(ProcessHandle process, Path dir) {
        ProcessHandle.Info info = process.info();
        if (!info.command().orElse("").contains("postgres")) {
            return false;
        }
        return info.arguments().map(args -> String.join(" ", args).contains(dir.toString())).orElse(true);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // postgres reports it
        }
    }

    private static void stop(ProcessHandle postmaster, Path dir) {
        log.warn("Stopping a PostgreSQL server (pid {}) on {} whose owner has ended", postmaster.pid(), dir);
        postmaster.destroy(); // SIGTERM: smart shutdown
        try {
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("The old server did not stop within 30 s; forcing it");
            postmaster.destroyForcibly();
            try {
                postmaster.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // the start reports a clear error if the folder is still in use
            }
        }
    }

    /**
     * Line 7 of postmaster.pid is the key and id of the server's System V segment; children of a killed postmaster keep
     * it attached until they notice their parent is gone (they do within moments).
     */
    private static void awaitSharedMemoryReleased(List<String> pidLines, Path dir) {
        if (pidLines.size() < 7) {
            return;
        }
        String[] keyAndId = pidLines.get(6).trim().split("\\s+");
        if (keyAndId.length < 2) {
            return;
        }
        String shmid = keyAndId[1];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        boolean waited = false;
        while (attachments(shmid) > 0 && System.nanoTime() < deadline) {
            if (!waited) {
                log.warn("Waiting for the processes of a killed PostgreSQL server on {} to end", dir);
                waited = true;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** How many processes still attach the segment (Linux {@code /proc/sysvipc/shm}); 0 when unknown or gone. */
    private static int attachments(String shmid) {
        for (String line : lines(Path.of("/proc/sysvipc/shm"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 6 && f[1].equals(shmid)) {
                return parseLong(f[6]).map(Long::intValue).orElse(0);
            }
        }
        return 0;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
