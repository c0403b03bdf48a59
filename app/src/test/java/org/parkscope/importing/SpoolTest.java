package org.parkscope.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's spool file leaves nothing behind: not while open, not after close, not when the process is killed. */
class SpoolTest {

    @TempDir Path dir;

    static byte[] data() {
        byte[] b = new byte[300_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) ('a' + i % 26);
        }
        return b;
    }

    static String[] names(Path dir) {
        return dir.toFile().list();
    }

    @Test
    void readsBackWhatWasWrittenWithNoNameInTheDirectory() throws Exception {
        byte[] data = data();
        try (Spool spool = Spool.create(dir)) {
            OutputStream out = spool.output();
            out.write(data);
            out.flush();
            assertThat(names(dir)).isEmpty();
            try (InputStream in = spool.input()) {
                assertThat(Arrays.equals(in.readAllBytes(), data)).isTrue();
            }
        }
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void aKilledProcessLeavesNoSpoolFile() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpoolKillChild.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("SPOOLED"));
            assertThat(line).isEqualTo("SPOOLED"); // the child holds an open spool of 300 000 bytes
        } finally {
            child.destroyForcibly(); // SIGKILL: no finally block and no shutdown hook runs in the child
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(names(dir)).isEmpty();
    }

    @Test
    void theSweepDeletesSpoolFilesUnmodifiedForAnHourAndNothingElse() throws Exception {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        Path old = spoolFile("parkscope-import-1.copy", now.minus(Duration.ofMinutes(61)));
        Path fresh = spoolFile("parkscope-import-2.copy", now.minus(Duration.ofMinutes(59)));
        Path otherName = spoolFile("parkscope-export-3.copy", now.minus(Duration.ofDays(3)));
        Path otherKind = spoolFile("parkscope-import-4.csv", now.minus(Duration.ofDays(3)));

        assertThat(Spool.sweep(dir, now)).isEqualTo(1);

        assertThat(old).doesNotExist();
        assertThat(fresh).exists();
        assertThat(otherName).exists();
        assertThat(otherKind).exists();
        assertThat(Spool.sweep(dir.resolve("missing"), now)).isZero();
    }

    Path spoolFile(String name, Instant modified) throws Exception {
        Path f = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }
}
