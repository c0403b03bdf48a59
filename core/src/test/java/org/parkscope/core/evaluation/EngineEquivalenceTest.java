package org.parkscope.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parkscope.core.evaluation.Scheme.Adjustment;
import org.parkscope.core.evaluation.Scheme.Band;
import org.parkscope.core.evaluation.Scheme.Cohort;
import org.parkscope.core.evaluation.Scheme.Family;
import org.parkscope.core.evaluation.Scheme.Group;
import org.parkscope.core.evaluation.Scheme.Indicator;
import org.parkscope.core.evaluation.Scheme.Membership;
import org.parkscope.core.evaluation.Scheme.Missing;
import org.parkscope.core.evaluation.Scheme.Unrated;
import org.parkscope.core.evaluation.Scheme.Veto;
import org.parkscope.core.evaluation.Scheme.VetoAction;

/**
 * The optimised engine gives exactly what the engine before it gave ({@link EngineBefore}): the same bits of every
 * total, the same ranks, classes and explanations, on random cohorts with every scoring family, missing data, ties,
 * caps, floors, bonus and penalty items, vetoes, industry groups and unrated firms — small cohorts scored on one
 * thread and large ones in parallel.
 */
class EngineEquivalenceTest {

    private static final String[] METRICS = {"TAX", "VA", "ENERGY", "EM", "STAFF", "RD", "REV"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void theOptimisedEngineGivesTheSameResultsAsBefore(long seed) {
        Random rnd = new Random(seed);
        int n = seed % 4 == 0 ? 60_000 + rnd.nextInt(20_000) : 1 + rnd.nextInt(3_000);
        Scheme scheme = randomScheme(rnd);
        EvaluationInput in = randomInput(rnd, n);
        Engine.Result now = new Engine().run(scheme, in);
        EngineBefore.Result before = new EngineBefore().run(scheme, in);
        for (int i = 0; i < n; i++) {
            assertThat(Double.doubleToRawLongBits(now.total(i))).as("total of %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(before.total(i)));
            assertThat(now.rank(i)).as("rank of %d", i).isEqualTo(before.rank(i));
            assertThat(now.klass(i)).as("class of %d", i).isEqualTo(before.klass(i));
            assertThat(now.cohort(i)).isEqualTo(before.cohort(i));
            if (n < 3_000 || i % 997 == 0) { // explaining one firm of a grouped cohort counts its group
                assertThat(now.explain(i)).isEqualTo(before.explain(i));
            }
        }
        assertThat(now.classCounts()).isEqualTo(before.classCounts());
    }

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

    static Scheme randomScheme(Random rnd) {
        List<Cohort> cohorts = new ArrayList<>();
        int count = 1 + rnd.nextInt(3);
        for (int c = 0; c < count; c++) {
            List<Indicator> indicators = new ArrayList<>();
            int k = 1 + rnd.nextInt(6);
            for (int j = 0; j < k; j++) {
                Family family = Family.values()[rnd.nextInt(Family.values().length)];
                if (rnd.nextBoolean()) {
                    family = Family.BENCHMARK_RATIO; // the common case, weighed more
                }
                indicators.add(new Indicator("I" + j, "指标" + j, METRICS[rnd.nextInt(METRICS.length)],
                        rnd.nextInt(3) == 0 ? METRICS[rnd.nextInt(METRICS.length)] : "LAND_MU",
                        rnd.nextInt(4) == 0 ? 10_000 : 1, 5 + rnd.nextInt(40), family, 0.5 + rnd.nextDouble() * 50,
                        rnd.nextInt(3) == 0 ? Missing.COHORT_AVERAGE : Missing.ZERO,
                        rnd.nextInt(3) == 0 ? 20.0 + rnd.nextInt(30) : null, rnd.nextInt(5) == 0 ? 1.0 : null));
            }
            List<Band> bands = switch (rnd.nextInt(3)) {
                case 0 -> List.of(new Band("A", 0.2), new Band("B", 0.8), new Band("C", 0.95), new Band("D", 1.0));
                case 1 -> List.of(new Band("A", 0, 30), new Band("B", 0, 300), new Band("C", 0, 500),
                        new Band("D", 1.0));
                default -> List.of(new Band("A", 0, null, 80.0), new Band("B", 0, null, 50.0),
                        new Band("C", 0, null, 20.0), new Band("D", 0, null, null));
            };
            List<Adjustment> adjustments = rnd.nextBoolean() ? List.of()
                    : List.of(new Adjustment("LEASE", "出租", "TENANTS_BELOW", -10, -5, null),
                            new Adjustment("HNTE", "高企", "HNTE", 3, 0, 3.0));
            List<Veto> vetoes = rnd.nextBoolean() ? List.of()
                    : List.of(new Veto("SAFE", "安全", "SAFETY", VetoAction.FORCE_CLASS, "D"),
                            new Veto("ENV", "环保", "ENV", VetoAction.CAP_CLASS, "C"),
                            new Veto("STOP", "停产", "STOPPED", VetoAction.EXCLUDE, null));
            List<Group> groups = rnd.nextInt(3) == 0
                    ? List.of(new Group("M", "金属", List.of("31", "33")), new Group("O", "其他", List.of()))
                    : List.of();
            Unrated unrated = rnd.nextInt(3) == 0 ? new Unrated("T", "B", List.of("44"), List.of("NEW_ENTERPRISE"))
                    : null;
            Membership membership = c == count - 1 ? new Membership(null, 0)
                    : new Membership(rnd.nextBoolean(), rnd.nextInt(4));
            cohorts.add(new Cohort("C" + c, "组" + c, membership, indicators, bands, adjustments, vetoes, groups,
                    unrated));
        }
        return new Scheme("random", "test", 2023, "test", List.of(), cohorts);
    }

    static EvaluationInput randomInput(Random rnd, int n) {
        String[] ids = new String[n];
        boolean[] above = new boolean[n];
        double[] mu = new double[n];
        String[] industries = new String[n];
        String[] codes = {"3311", "3120", "4411", "3922", "1713"};
        for (int i = 0; i < n; i++) {
            ids[i] = "e" + i;
            above[i] = rnd.nextInt(3) == 0;
            mu[i] = rnd.nextInt(20) == 0 ? 0 : rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(5) : rnd.nextInt(300) / 3.0 + 0.5;
            industries[i] = codes[rnd.nextInt(codes.length)];
        }
        EvaluationInput in = new EvaluationInput(ids, ids, above, mu).industries(industries);
        for (String metric : METRICS) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                int kind = rnd.nextInt(20);
                v[i] = kind == 0 ? Double.NaN : kind == 1 ? 0 : kind < 6 ? 100 // ties
                        : Math.round(rnd.nextDouble() * 100_000) / 100.0;
            }
            in.metric(metric, v);
        }
        for (String flag : new String[] {"TENANTS_BELOW", "HNTE", "SAFETY", "ENV", "STOPPED", "NEW_ENTERPRISE"}) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextInt(15) == 0 ? 1 + rnd.nextInt(3) : 0;
            }
            in.metric(flag, v);
        }
        return in;
    }
}
