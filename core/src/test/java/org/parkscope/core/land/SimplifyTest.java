package org.parkscope.core.land;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimplifyTest {

    /** A square of about 100 m with a point 0.5 m off its left edge and one 20 m out on its right. */
    private static final double[][] SQUARE = {
        {121.2000, 31.1000}, {121.2000, 31.1005}, {121.200005, 31.1007}, {121.2000, 31.1009}, {121.2010, 31.1009},
        {121.2012, 31.10045}, {121.2010, 31.1000}, {121.2000, 31.1000}};

    @Test
    void pointsWithinTheToleranceGoAndThoseBeyondStay() {
        double[][] out = Simplify.ring(SQUARE, 4);
        assertThat(out).hasNumberOfRows(6);
        assertThat(java.util.Arrays.asList(out)).noneSatisfy(p -> assertThat(p).containsExactly(121.200005, 31.1007));
        assertThat(java.util.Arrays.asList(out)).anySatisfy(p -> assertThat(p).containsExactly(121.2012, 31.10045));
        assertThat(out[0]).isEqualTo(out[out.length - 1]);
    }

    @Test
    void theFinestLevelKeepsEveryPointAndCoarserLevelsHalveTheTolerance() {
        assertThat(Simplify.ring(SQUARE, Simplify.toleranceM(Simplify.FINEST))).hasNumberOfRows(SQUARE.length);
        assertThat(Simplify.toleranceM(0)).isEqualTo(4.0);
        assertThat(Simplify.toleranceM(1)).isEqualTo(2.0);
        assertThat(Simplify.toleranceM(99)).isZero();
        assertThat(Simplify.toleranceM(-3)).isEqualTo(4.0);
    }

    @Test
    void aRingKeepsATriangleHoweverLargeTheToleranceAndCoordinatesAreRounded() {
        double[][] out = Simplify.ring(SQUARE, 10_000);
        assertThat(out).hasNumberOfRows(4);
        assertThat(out[0]).isEqualTo(out[3]);
        assertThat(Simplify.ring(new double[][] {{121.12345678, 31.87654321}}, 1)[0])
                .containsExactly(121.123457, 31.876543);
    }
}
