package org.parkscope.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.parkscope.ParkscopeApplication;

/**
 * The real platform main in a child JVM on an embedded data folder, as {@code ./parkscope} runs it: the web app, or a
 * command ({@code import}, {@code create-admin}, {@code backup}, {@code restore}). The child never sees an external
 * database the test JVM may have been given (CI runs the ITs once more with {@code PARKSCOPE_DB_URL}).
 */
public final class ParkscopeProcess {

    /** A finished command: its exit code and everything it printed. */
    public record Result(int exitCode, String output) {}

    private ParkscopeProcess() {}

    public static ProcessBuilder builder(Path dataDir, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ParkscopeApplication.class.getName(),
                "--parkscope.db.data-dir=" + dataDir));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("PARKSCOPE_"));
        return pb;
    }

    /** Runs a CLI command as the launcher script does, and waits for it. */
    public static Result command(Path dataDir, String command, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--parkscope.command=" + command, "--logging.level.root=WARN"));
        all.addAll(List.of(args));
        Process p = builder(dataDir, all).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("parkscope " + command + " did not end:\n" + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** Starts the web app and returns once it prints its address; returns the HTTP port. */
    public static int awaitRunning(Process app) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("is running:  http://localhost:");
            if (at >= 0) {
                String rest = line.substring(at + "is running:  http://localhost:".length());
                int port = Integer.parseInt(rest.substring(0, rest.indexOf('/')));
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return port;
            }
            seen.add(line);
        }
        throw new AssertionError("the platform ended without starting:\n" + String.join("\n", seen));
    }
}
