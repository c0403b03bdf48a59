package org.parkscope.chain;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing (Jazzer) of the chain-definition loader: any text either parses into a chain or is refused
 * with {@link ChainFile.Invalid}; any other exception, a hang or running out of memory is a crash. Seeds:
 * {@code src/test/resources/org/parkscope/chain/ChainFileFuzzTestInputs/parse/}.
 */
class ChainFileFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] data) {
        try {
            ChainFile.parse(new String(data, StandardCharsets.UTF_8), "fuzz");
        } catch (ChainFile.Invalid refused) {
            // the documented refusal
        }
    }
}
