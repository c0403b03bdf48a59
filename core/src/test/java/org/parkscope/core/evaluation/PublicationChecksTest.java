package org.parkscope.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkscope.core.evaluation.PublicationChecks.Check;
import org.parkscope.core.evaluation.PublicationChecks.Finding;
import org.parkscope.core.evaluation.PublicationChecks.Thresholds;
import org.parkscope.core.evaluation.Scheme.Adjustment;
import org.parkscope.core.evaluation.Scheme.Band;
import org.parkscope.core.evaluation.Scheme.Cohort;
import org.parkscope.core.evaluation.Scheme.Family;
import org.parkscope.core.evaluation.Scheme.Indicator;
import org.parkscope.core.evaluation.Scheme.Membership;
import org.parkscope.core.evaluation.Scheme.Missing;

/**
 * Each pre-publication check on a cohort built to trip it, and a plain cohort of ten firms that passes all of them:
 * 10 亩 each, tax 100–109 万元 (亩均税收 10.0–10.9, cohort mean ratio), electricity 50 (税收 per kWh against a benchmark
 * of 2), no tenants.
 */
class PublicationChecksTest {

    static final List<Band> BANDS = List.of(new Band("A", 0.2), new Band("B", 0.8), new Band("C", 1.0));

    /** A cohort's data, changed by each test before the run. */
    static final class Data {
        final int n;
        final double[] mu;
        final double[] tax;
        final double[] power;
        final double[] tenants;

        Data(int n) {
            this.n = n;
            mu = new double[n];
            tax = new double[n];
            power = new double[n];
            tenants = new double[n];
            for (int i = 0; i < n; i++) {
                mu[i] = 10;
                tax[i] = 100 + i;
                power[i] = 50;
            }
        }

        List<Finding> check(List<Band> bands, Family perMuFamily, Thresholds thresholds) {
            String[] ids = new String[n];
            Arrays.setAll(ids, i -> "f" + i);
            Indicator perMu = new Indicator("TAX_MU", "亩均税收", "TAX", "LAND_MU", 1, 60, perMuFamily, 1, Missing.ZERO,
                    null);
            Indicator perKwh = new Indicator("TAX_KWH", "单位电耗税收", "TAX", "ELECTRICITY", 1, 40,
                    Family.BENCHMARK_RATIO, 2, Missing.ZERO, null);
            Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                    new Membership(null, 0), List.of(perMu, perKwh), bands,
                    List.of(new Adjustment("LEASE", "出租扣分", "TENANTS_BELOW", -200, 0, null)), List.of())),
                    List.of(), new Scheme.Effective(2023, 2023), thresholds);
            EvaluationInput in = new EvaluationInput(ids, ids, new boolean[n], mu).metric("TAX", tax)
                    .metric("ELECTRICITY", power).metric("TENANTS_BELOW", tenants);
            return PublicationChecks.of(s, in, new Engine().run(s, in));
        }

        List<Finding> check() {
            return check(BANDS, Family.COHORT_MEAN_RATIO, Thresholds.DEFAULT);
        }
    }

    @Test
    void aPlainCohortPassesEveryCheck() {
        assertThat(new Data(10).check()).isEmpty();
        assertThat(new Data(10).check(BANDS, Family.COHORT_MEDIAN_RATIO, Thresholds.DEFAULT)).isEmpty();
    }

    @Test
    void landBelowTheThreshold() {
        Data d = new Data(10);
        d.mu[3] = 0.08; // 55 m² leased: the same 亩均税收 as the others, on a sliver of land
        d.tax[3] = 0.8;
        List<Finding> found = d.check();
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.LAND_BELOW);
            assertThat(f.cohort()).isEqualTo("ALL");
            assertThat(f.firms()).extracting(PublicationChecks.Firm::id).containsExactly("f3");
            assertThat(f.figure()).isEqualTo(0.08);
            assertThat(f.limit()).isEqualTo(0.5);
        });
        assertThat(d.check(BANDS, Family.COHORT_MEAN_RATIO, new Thresholds(0.05, 10, 0.3, 0.25))).isEmpty();
    }

    @Test
    void anIndicatorBeyondTenTimesItsBenchmark() {
        Data d = new Data(10);
        d.power[5] = 1; // 105 万元 tax on 1 unit of power: 105 against a benchmark of 2
        List<Finding> found = d.check();
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.BEYOND_BENCHMARK);
            assertThat(f.indicator()).isEqualTo("TAX_KWH");
            assertThat(f.firms()).extracting(PublicationChecks.Firm::id).containsExactly("f5");
            assertThat(f.figure()).isEqualTo(2);
            assertThat(f.limit()).isEqualTo(10);
        });
    }

    @Test
    void aNegativeTotal() {
        Data d = new Data(10);
        d.tenants[7] = 1; // −200 points for leasing
        assertThat(d.check()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.NEGATIVE_TOTAL);
            assertThat(f.firms()).extracting(PublicationChecks.Firm::id).containsExactly("f7");
            assertThat(f.figure()).isNegative();
        });
    }

    @Test
    void aCohortTooSmallForItsBands() {
        assertThat(new Data(2).check()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.SMALL_COHORT);
            assertThat(f.figure()).isEqualTo(2);
            assertThat(f.limit()).isEqualTo(3);
        });
        // ten firms, D up to 95 % → 100 %: ceil(9.5) = 10 leaves D nobody
        List<Band> four = List.of(new Band("A", 0.2), new Band("B", 0.8), new Band("C", 0.95), new Band("D", 1.0));
        assertThat(new Data(10).check(four, Family.COHORT_MEAN_RATIO, Thresholds.DEFAULT)).singleElement()
                .satisfies(f -> {
                    assertThat(f.check()).isEqualTo(Check.SMALL_COHORT);
                    assertThat(f.indicator()).isEqualTo("D");
                });
        assertThat(new Data(20).check(four, Family.COHORT_MEAN_RATIO, Thresholds.DEFAULT)).isEmpty();
    }

    @Test
    void tooMuchMissingData() {
        Data d = new Data(10);
        for (int i = 0; i < 4; i++) {
            d.power[i] = Double.NaN;
        }
        assertThat(d.check()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.MISSING_DATA);
            assertThat(f.indicator()).isEqualTo("TAX_KWH");
            assertThat(f.figure()).isEqualTo(0.4);
            assertThat(f.firms()).hasSize(4);
        });
        d.power[0] = 50; // 3 of 10 missing: exactly the 30 % allowed
        assertThat(d.check()).isEmpty();
    }

    @Test
    void aBenchmarkMovedByOneFirm() {
        Data d = new Data(10);
        d.tax[9] = 600; // 亩均税收 60 among 10.0–10.8: the mean is 15.36 with it, 10.4 without
        assertThat(d.check()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.LEAVE_ONE_OUT);
            assertThat(f.indicator()).isEqualTo("TAX_MU");
            assertThat(f.firms()).singleElement().satisfies(firm -> {
                assertThat(firm.id()).isEqualTo("f9");
                assertThat(firm.value()).isCloseTo(10.4, org.assertj.core.data.Offset.offset(1e-9));
            });
            assertThat(f.figure()).isCloseTo(15.36, org.assertj.core.data.Offset.offset(1e-9));
        });
        // a median is not moved by one firm that far
        assertThat(d.check(BANDS, Family.COHORT_MEDIAN_RATIO, Thresholds.DEFAULT)).isEmpty();
    }

    @Test
    void aMedianMovedByOneFirmInACohortOfThree() {
        Data d = new Data(3);
        d.tax[0] = 10;  // 亩均税收 1, 10.1, 10.2: median 10.1; without f2 it is 5.55
        assertThat(d.check(List.of(new Band("A", 0.5), new Band("B", 1.0)), Family.COHORT_MEDIAN_RATIO,
                Thresholds.DEFAULT)).singleElement().satisfies(f -> {
                    assertThat(f.check()).isEqualTo(Check.LEAVE_ONE_OUT);
                    assertThat(f.figure()).isCloseTo(10.1, org.assertj.core.data.Offset.offset(1e-9));
                    assertThat(f.firms().get(0).value()).isCloseTo(5.55, org.assertj.core.data.Offset.offset(1e-9));
                });
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new Thresholds(0.5, 1, 0.3, 0.25)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0.5, 10, 1.2, 0.25)).isInstanceOf(IllegalArgumentException.class);
    }
}
