package org.parkscope.chain;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Set;

/**
 * Coverage-guided fuzzing (Jazzer) of the clusters' YAML up to the database: any text either yields cluster definitions
 * (with problems listed) or is refused with {@link ChainFile.Invalid}; any other exception, a hang or running out of
 * memory is a crash. Seeds: {@code src/test/resources/org/parkscope/chain/ClusterConfigFuzzTestInputs/definitions/}.
 */
class ClusterConfigFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void definitions(byte[] data) {
        try {
            ClusterConfig.definitions(new String(data, StandardCharsets.UTF_8), Set.copyOf(ChainFile.SHIPPED),
                    new ArrayList<>());
        } catch (ChainFile.Invalid refused) {
            // the documented refusal
        }
    }
}
