package org.parkscope.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The superuser password of an embedded data folder: generated on the first start (SecureRandom), kept in
 * {@value #FILE} inside the folder, readable by its owner only, and required for every connection (scram-sha-256 on
 * loopback; no trust line). A folder made before this existed (initdb's trust, no secret) gets one on its next start:
 * the password is set in single-user mode before the server listens, so no connection ever goes without it.
 */
final class ServerSecret {

    static final String FILE = "parkscope.secret";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(ServerSecret.class);
    private static final String HBA = """
            # Written by Parkscope on every start: password (scram-sha-256) for every connection, loopback only.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private ServerSecret() {}

    /** The folder's secret, for a process that attaches to its running server. */
    static String read(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve(FILE), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the database secret in " + dataDir
                    + System.lineSeparator() + "无法读取数据目录中的数据库口令文件", e);
        }
    }

    static Optional<String> existing(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(FILE)) ? Optional.of(read(dataDir)) : Optional.empty();
    }

    /** A new secret, for a folder that has none yet. */
    static String generate() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Before the postmaster starts (the folder is initialised and ours): makes sure the superuser has the folder's
     * password, kept in {@value #FILE}, and that pg_hba.conf asks for it.
     */
    static void secure(Path dataDir, PgBinaries binaries, String secret) {
        try {
            if (existing(dataDir).isEmpty()) {
                Path pending = dataDir.resolve(FILE + ".new");
                writeOwnerOnly(pending, secret);
                setPassword(dataDir, binaries, secret);
                Files.move(pending, dataDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                log.info("Set the database password, kept in {}", dataDir.resolve(FILE));
            }
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot secure the embedded database in " + dataDir
                    + System.lineSeparator() + "无法为内置数据库设置口令", e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    /** {@code postgres --single}: no listener, no authentication; the password is hashed with scram-sha-256. */
    private static void setPassword(Path dataDir, PgBinaries binaries, String secret) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: postgres refuses to run as root
        }
        command.addAll(List.of(binaries.bin("postgres").toString(), "--single", "-D", dataDir.toString(),
                "-c", "password_encryption=scram-sha-256", "-c", "exit_on_error=true", "postgres"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(("ALTER ROLE postgres PASSWORD '" + secret + "';\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("postgres --single failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
