package org.parkscope.evaluation;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Coverage-guided fuzzing (Jazzer) of the scheme loader: any bytes as a scheme file either load or are refused with
 * {@link SchemeFile.Invalid}; any other exception, a hang or running out of memory is a crash. Seeds:
 * {@code src/test/resources/org/parkscope/evaluation/SchemeFileFuzzTestInputs/load/}.
 */
class SchemeFileFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void load(byte[] data) throws IOException {
        Path file = Files.createTempFile("parkscope-scheme", ".yaml");
        try {
            Files.write(file, data);
            try {
                SchemeFile.load(file);
            } catch (SchemeFile.Invalid refused) {
                // the documented refusal
            }
        } finally {
            Files.delete(file);
        }
    }
}
