package org.parkscope.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkscope.core.evaluation.Scheme.Adjustment;
import org.parkscope.core.evaluation.Scheme.Band;
import org.parkscope.core.evaluation.Scheme.Banding;
import org.parkscope.core.evaluation.Scheme.Caps;
import org.parkscope.core.evaluation.Scheme.Cohort;
import org.parkscope.core.evaluation.Scheme.Family;
import org.parkscope.core.evaluation.Scheme.Indicator;
import org.parkscope.core.evaluation.Scheme.Membership;
import org.parkscope.core.evaluation.Scheme.Missing;

/** Caps beyond an indicator's own: on the sum of bonus and penalty items, and on the total. */
class CapsTest {

    /** Tax per mu against a benchmark of 10 (weight 100, capped at 150 points); −10 for a first tenant, −5 each further. */
    static Engine.Result run(Caps caps, double[] tax, double[] tenants) {
        int n = tax.length;
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "f" + i;
        }
        double[] mu = new double[n];
        java.util.Arrays.fill(mu, 1);
        Indicator perMu = new Indicator("TAX_MU", "亩均税收", "TAX", "LAND_MU", 1, 100, Family.BENCHMARK_RATIO, 10,
                Missing.ZERO, 150.0);
        Adjustment lease = new Adjustment("LEASE", "厂房出租扣分", "TENANTS_BELOW", -10, -5, null);
        Adjustment hnte = new Adjustment("HNTE", "高企加分", "HNTE", 3, 0, null);
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(perMu), List.of(new Band("A", 0.5), new Band("B", 1.0)),
                List.of(lease, hnte), List.of(), List.of(), null, Banding.DEFAULT, caps)));
        double[] hnteFlags = new double[n];
        java.util.Arrays.fill(hnteFlags, 1);
        return new Engine().run(s, new EvaluationInput(ids, ids, new boolean[n], mu).metric("TAX", tax)
                .metric("TENANTS_BELOW", tenants).metric("HNTE", hnteFlags));
    }

    @Test
    void withoutCapsTheItemsAddUpAsTheyCome() {
        Engine.Result r = run(Caps.NONE, new double[] {5, 20, 3}, new double[] {0, 0, 61});
        assertThat(r.total(0)).isEqualTo(53.0);          // 50 + 3
        assertThat(r.total(1)).isEqualTo(153.0);         // 200 capped at 150, + 3
        assertThat(r.total(2)).isCloseTo(-277.0, within(1e-9)); // 30 − 10 − 5 × 60 + 3
        assertThat(r.explain(2).note()).isNull();
    }

    @Test
    void deductionsAndTheTotalStayWithinTheirCaps() {
        Engine.Result r = run(new Caps(-20.0, 5.0, 0.0, 120.0), new double[] {5, 20, 3}, new double[] {0, 0, 61});
        assertThat(r.total(0)).isEqualTo(53.0);          // nothing capped
        assertThat(r.explain(0).note()).isNull();
        assertThat(r.total(1)).isEqualTo(120.0);         // 150 + 3 over the total's cap
        assertThat(r.explain(1).note()).contains("总分 153 按 120 计").contains("total 153 counted as 120");
        assertThat(r.total(2)).isEqualTo(10.0);          // 30 + max(−20, −307)
        assertThat(r.explain(2).note()).contains("加减分合计 -307 按 -20 计");
        assertThat(r.explain(2).adjustments()).extracting(Explanation.Adjusted::points)
                .as("each item is still shown at its own points").containsExactly(-310.0, 3.0);
        Engine.Result floor = run(new Caps(null, null, 0.0, null), new double[] {3}, new double[] {61});
        assertThat(floor.total(0)).as("a total below the floor counts as the floor").isZero();
        assertThat(r.rank(1)).isEqualTo(1);
    }
}
