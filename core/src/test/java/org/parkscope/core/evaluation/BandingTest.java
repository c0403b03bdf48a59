package org.parkscope.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parkscope.core.evaluation.Scheme.Band;
import org.parkscope.core.evaluation.Scheme.Banding;
import org.parkscope.core.evaluation.Scheme.Cohort;
import org.parkscope.core.evaluation.Scheme.Family;
import org.parkscope.core.evaluation.Scheme.Indicator;
import org.parkscope.core.evaluation.Scheme.Membership;
import org.parkscope.core.evaluation.Scheme.Missing;
import org.parkscope.core.evaluation.Scheme.Rounding;
import org.parkscope.core.evaluation.Scheme.Ties;

/**
 * The rounding of share cut-offs and the class of tied firms, each on cohorts of 10 and 11 firms with distinct totals
 * (firm k has the k-th best total), with bands A ≤ 20 %, B ≤ 50 %, C ≤ 95 %, D the rest.
 */
class BandingTest {

    static final List<Band> BANDS = List.of(new Band("A", 0.2), new Band("B", 0.5), new Band("C", 0.95),
            new Band("D", 1.0));

    static Engine.Result run(double[] tax, Banding banding) {
        int n = tax.length;
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "f" + i;
        }
        double[] mu = new double[n];
        java.util.Arrays.fill(mu, 1);
        Indicator perMu = new Indicator("TAX_MU", "亩均税收", "TAX", "LAND_MU", 1, 100, Family.BENCHMARK_RATIO, 1,
                Missing.ZERO, null);
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(perMu), BANDS, List.of(), List.of(), List.of(), null, banding)));
        return new Engine().run(s, new EvaluationInput(ids, ids, new boolean[n], mu).metric("TAX", tax));
    }

    /** Distinct totals, best first. */
    static double[] distinct(int n) {
        double[] tax = new double[n];
        for (int i = 0; i < n; i++) {
            tax[i] = 100 - i;
        }
        return tax;
    }

    static String classes(Engine.Result r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
            sb.append(r.klass(i));
        }
        return sb.toString();
    }

    /**
     * Expected classes by rank, written out from the rule: CEIL takes ⌈N × share⌉ firms, FLOOR ⌊N × share⌋, NEAREST
     * the nearest count (halves up), RANK_SHARE every firm whose rank ÷ N ≤ the share.
     */
    @ParameterizedTest(name = "{0} firms, {1}")
    @CsvSource({
        // 10 firms: 2 / 5 / 9.5 firms
        "10, CEIL,       AABBBCCCCC",
        "10, FLOOR,      AABBBCCCCD",
        "10, NEAREST,    AABBBCCCCC",
        "10, RANK_SHARE, AABBBCCCCD",
        // 11 firms: 2.2 / 5.5 / 10.45 firms
        "11, CEIL,       AAABBBCCCCC",
        "11, FLOOR,      AABBBCCCCCD",
        "11, NEAREST,    AABBBBCCCCD",
        "11, RANK_SHARE, AABBBCCCCCD"})
    void shareCutOffsRoundAsTheSchemeSays(int n, Rounding rounding, String expected) {
        Engine.Result r = run(distinct(n), new Banding(rounding, Ties.BETTER));
        assertThat(classes(r)).isEqualTo(expected);
        for (int rank = 1; rank <= n; rank++) {
            String klass = String.valueOf(expected.charAt(rank - 1));
            int band = "ABCD".indexOf(klass);
            double share = BANDS.get(band).upToShare();
            if (rounding == Rounding.RANK_SHARE) {
                assertThat((double) rank / n).as("rank %d of %d in %s", rank, n, klass).isLessThanOrEqualTo(share + 1e-9);
                if (band > 0) {
                    assertThat((double) rank / n).isGreaterThan(BANDS.get(band - 1).upToShare());
                }
            }
        }
        assertThat(r.explain(0).cutoffs()).as("the explanation names the rounded cut-offs")
                .contains("A: 名次 ≤ " + BANDS.get(0).cut(n, rounding));
    }

    @ParameterizedTest(name = "{0} firms, ties {1}")
    @CsvSource({
        // ranks 2 and 3 tie across A's cut-off (2 firms of 10 under CEIL; 3 of 11)
        "10, BETTER, AAABBCCCCC, 2",
        "10, WORSE,  ABBBBCCCCC, 2",
        "11, BETTER, AAAABBCCCCC, 3",
        "11, WORSE,  AABBBBCCCCC, 3"})
    void firmsTiedAcrossACutOffShareTheBetterOrTheWorseClass(int n, Ties ties, String expected, int tiedAt) {
        double[] tax = distinct(n);
        tax[tiedAt] = tax[tiedAt - 1]; // the firm after the cut-off ties with the last one inside it
        Engine.Result r = run(tax, new Banding(Rounding.CEIL, ties));
        assertThat(classes(r)).isEqualTo(expected);
        assertThat(r.rank(tiedAt)).as("ties share the better rank whatever their class").isEqualTo(tiedAt);
        List<String> tiedClasses = new ArrayList<>(List.of(r.klass(tiedAt - 1), r.klass(tiedAt)));
        assertThat(tiedClasses).as("tied firms take one class").containsOnly(tiedClasses.get(0));
    }
}
