package org.parkscope.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The embedded server keeps its data in a folder: a row written by a JVM that is then killed with SIGKILL is there on
 * the next start, which succeeds at once although the killed JVM left its postmaster running.
 */
class EmbeddedDatabaseIT {

    @Test
    void dataSurviveKillMinusNineAndARestart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "pg-kill-");
        Process child = startChild(dir, 1);
        String ready = awaitReady(child);
        assertThat(ready).startsWith("READY");

        child.destroyForcibly(); // SIGKILL: no shutdown hooks run, the postmaster is orphaned
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Optional<Long> orphan = postmasterPid(dir);
        assertThat(orphan).isPresent();
        assertThat(ProcessHandle.of(orphan.get()).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(rows(db)).containsExactly("1 written before kill -9");
            assertThat(ProcessHandle.of(orphan.get()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
        // A clean stop and a second start keep the data too.
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(rows(db)).containsExactly("1 written before kill -9");
        }
    }

    private static Process startChild(Path dir, int id) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDatabaseChild.class.getName(), dir.toString(), String.valueOf(id));
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        return pb.start();
    }

    private static String awaitReady(Process child) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("READY")) {
                return line;
            }
            seen.add(line);
        }
        throw new AssertionError("child JVM ended without READY:" + File.separator + String.join("\n", seen));
    }

    private static List<String> rows(EmbeddedDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, note from survivor order by id")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    static Optional<Long> postmasterPid(Path dir) throws Exception {
        Path file = dir.resolve("postmaster.pid");
        return Files.isRegularFile(file) ? StalePostmaster.parseLong(Files.readAllLines(file).get(0)) : Optional.empty();
    }
}
