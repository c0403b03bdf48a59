package org.parkscope.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankOnAHundredValues() {
        Latencies l = new Latencies();
        for (long v = 100; v >= 1; v--) {
            l.add(v); // added out of order, more than the initial capacity would hold without growing
        }
        for (long v = 101; v <= 300; v++) {
            l.add(v);
        }
        long[] sorted = l.sorted();
        assertThat(sorted).hasSize(300).startsWith(1, 2, 3).endsWith(299, 300);
        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(150);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(297);
        assertThat(Latencies.percentile(sorted, 100)).isEqualTo(300);
    }

    @Test
    void smallSamplesTakeTheNearestRankNotAnInterpolation() {
        long[] sorted = {10, 20, 30, 40};
        assertThat(Latencies.percentile(sorted, 50)).isEqualTo(20);
        assertThat(Latencies.percentile(sorted, 51)).isEqualTo(30);
        assertThat(Latencies.percentile(sorted, 99)).isEqualTo(40);
        assertThat(Latencies.percentile(new long[] {7}, 0.1)).isEqualTo(7);
    }

    @Test
    void emptyAndInvalid() {
        assertThat(Latencies.percentile(new long[0], 99)).isEqualTo(-1);
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Latencies.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergesClients() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        a.add(3);
        b.add(1);
        b.add(2);
        a.addAll(b);
        assertThat(a.sorted()).containsExactly(1, 2, 3);
    }
}
