package org.parkscope.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine's radix sort orders (score, index) keys exactly as a full sort does, ties included. */
class EngineRadixSortTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 100, 4096, 100_000})
    void radixSortOrdersLikeAFullSort(int n) {
        Random rnd = new Random(n);
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        int scoreBits = 1 + rnd.nextInt(62 - indexBits);
        long[] keys = new long[n];
        for (int m = 0; m < n; m++) {
            long score = rnd.nextInt(3) == 0 ? 5 : rnd.nextLong() >>> (64 - scoreBits); // many ties
            keys[m] = score << indexBits | m;
        }
        long[] expected = keys.clone();
        Arrays.sort(expected);
        Engine.radixSort(keys, indexBits, scoreBits);
        assertThat(keys).isEqualTo(expected);
    }
}
