package org.parkscope.bench.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform under test in its own JVM: the application jar on the demo town, with its embedded PostgreSQL in a
 * folder of its own, on a free loopback port (port 0; the port is read from the ready line of its log). Its output
 * goes to {@code server.log}, its GC events to {@code gc.log} (read by {@link MemorySampler}).
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Parkscope is running: http://localhost:(\\d+)/");
    private final Process process;
    final Path log;
    final Path gcLog;
    private URI base;

    private ServerProcess(Process process, Path log, Path gcLog) {
        this.process = process;
        this.log = log;
        this.gcLog = gcLog;
    }

    static ServerProcess start(Path jar, Path dataDir, Path workDir, String heap, String scale) throws IOException {
        return start(jar, dataDir, workDir, heap, scale, List.of());
    }

    static ServerProcess start(Path jar, Path dataDir, Path workDir, String heap, String scale, List<String> jvmOptions)
            throws IOException {
        Files.createDirectories(workDir);
        Path log = workDir.resolve("server.log").toAbsolutePath();
        Path gcLog = workDir.resolve("gc.log").toAbsolutePath();
        Files.deleteIfExists(gcLog);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xlog:gc:file=" + gcLog));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--parkscope.demo.enabled=true",
                "--parkscope.demo.scale=" + scale, "--server.port=0", "--server.address=127.0.0.1"));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("PARKSCOPE_DB_URL");
        pb.environment().put("PARKSCOPE_DATA_DIR", dataDir.toAbsolutePath().toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        return new ServerProcess(pb.start(), log, gcLog);
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the ready line (the demo is built on the first start: seconds for the town, minutes for a city). */
    URI awaitReady(Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                base = URI.create("http://127.0.0.1:" + m.group(1) + "/");
                return base;
            }
            if (!process.isAlive()) {
                throw new IOException("the server stopped before it was ready (exit " + process.exitValue() + "); see "
                        + log);
            }
            Thread.sleep(500);
        }
        throw new IOException("the server was not ready within " + limit + "; see " + log);
    }

    /** Lines of the server log that report an error (ERROR level or an exception), in order. */
    List<String> errorLines() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(" ERROR ") || l.matches("^\\S*(Exception|Error)\\b.*")).toList();
    }

    /** Stops the server as an operator would (SIGTERM, so that it stops its PostgreSQL), forcibly after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
