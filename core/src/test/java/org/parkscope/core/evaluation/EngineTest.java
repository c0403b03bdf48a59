package org.parkscope.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkscope.core.evaluation.Scheme.Band;
import org.parkscope.core.evaluation.Scheme.Cohort;
import org.parkscope.core.evaluation.Scheme.Family;
import org.parkscope.core.evaluation.Scheme.Indicator;
import org.parkscope.core.evaluation.Scheme.Membership;
import org.parkscope.core.evaluation.Scheme.Missing;

class EngineTest {

    static Indicator ratio(String code, String num, String den, double weight, double benchmark) {
        return new Indicator(code, code, num, den, 1, weight, Family.BENCHMARK_RATIO, benchmark, Missing.ZERO, null);
    }

    static final List<Band> QUARTERS = List.of(new Band("A", 0.25), new Band("B", 0.5), new Band("C", 0.75),
            new Band("D", 1.0));

    @Test
    void minMaxScoresAndRankBands() {
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(new Indicator("TAX_MU", "亩均税收", "TAX", "LAND_MU", 1, 100,
                        Family.MIN_MAX, 0, Missing.ZERO, null)), QUARTERS)));
        EvaluationInput in = new EvaluationInput(new String[] {"a", "b", "c", "d", "e"},
                new String[] {"a", "b", "c", "d", "e"}, new boolean[5], new double[] {1, 1, 1, 1, 1})
                .metric("TAX", new double[] {10, 20, 30, 30, Double.NaN});
        Engine.Result r = new Engine().run(s, in);
        assertThat(r.total(0)).isEqualTo(20.0);
        assertThat(r.total(1)).isEqualTo(60.0);
        assertThat(r.total(2)).isEqualTo(100.0);
        assertThat(r.total(4)).isZero(); // missing → 0, flagged
        assertThat(r.rank(2)).isEqualTo(1);
        assertThat(r.rank(3)).isEqualTo(1); // tie
        assertThat(r.rank(1)).isEqualTo(3);
        // 5 members: A up to ceil(1.25)=2, B up to ceil(2.5)=3, C up to ceil(3.75)=4, D the rest
        assertThat(r.klass(2)).isEqualTo("A");
        assertThat(r.klass(3)).isEqualTo("A");
        assertThat(r.klass(1)).isEqualTo("B");
        assertThat(r.klass(0)).isEqualTo("C");
        assertThat(r.klass(4)).isEqualTo("D");
        assertThat(r.explain(4).items().get(0).note()).contains("缺少数据");
    }

    @Test
    void cohortAverageForMissingDataAndCaps() {
        Indicator emission = new Indicator("VA_EM", "单位排放增加值", "VA", "EM", 1, 10, Family.BENCHMARK_RATIO, 100,
                Missing.COHORT_AVERAGE, 15.0);
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(emission), QUARTERS)));
        EvaluationInput in = new EvaluationInput(new String[] {"a", "b", "c"}, new String[] {"a", "b", "c"},
                new boolean[3], new double[] {1, 1, 1})
                .metric("VA", new double[] {1000, 5000, 800}).metric("EM", new double[] {10, 10, Double.NaN});
        Engine.Result r = new Engine().run(s, in);
        assertThat(r.points(0, 0)).isEqualTo(10.0);
        assertThat(r.points(1, 0)).isEqualTo(15.0); // 50 capped at 15
        assertThat(r.points(2, 0)).isEqualTo(12.5); // average of 10 and 15
    }

    @Test
    void membershipByScaleAndLand() {
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(
                new Cohort("UP", "规上", new Membership(true, 0), List.of(ratio("T", "TAX", "LAND_MU", 100, 1)), QUARTERS),
                new Cohort("DOWN", "规下", new Membership(false, 3), List.of(ratio("T", "TAX", "LAND_MU", 100, 1)),
                        QUARTERS)));
        EvaluationInput in = new EvaluationInput(new String[] {"a", "b", "c"}, new String[] {"a", "b", "c"},
                new boolean[] {true, false, false}, new double[] {1, 5, 2}).metric("TAX", new double[] {1, 1, 1});
        Engine.Result r = new Engine().run(s, in);
        assertThat(r.cohort(0)).isEqualTo("UP");
        assertThat(r.cohort(1)).isEqualTo("DOWN");
        assertThat(r.cohort(2)).isNull();
        assertThat(r.explain(2).note()).contains("不在评价范围");
    }

    @Test
    void schemesAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> new Scheme("t", "x", 2023, "x", List.of(), List.of(new Cohort("C", "c",
                new Membership(null, 0), List.of(ratio("T", "TAX", "LAND_MU", 10, 0)),
                List.of(new Band("A", 0.5))))))
                .hasMessageContaining("基准值").hasMessageContaining("100%");
    }

    @Test
    void largeRunsAreDeterministicAndMatchAPlainComputation() {
        int n = 50_000;
        java.util.Random rnd = new java.util.Random(3);
        String[] ids = new String[n];
        double[] mu = new double[n];
        double[] tax = new double[n];
        double[] va = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "e" + i;
            mu[i] = 1 + rnd.nextInt(100);
            tax[i] = rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextInt(100_000) / 100.0;
            va[i] = rnd.nextInt(1_000_000) / 100.0;
        }
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(ratio("T", "TAX", "LAND_MU", 60, 7.5), ratio("V", "VA", "LAND_MU", 40, 30)),
                List.of(new Band("A", 0.2), new Band("B", 0.8), new Band("C", 0.95), new Band("D", 1.0)))));
        EvaluationInput in = new EvaluationInput(ids, ids, new boolean[n], mu).metric("TAX", tax).metric("VA", va);
        Engine.Result a = new Engine().run(s, in);
        Engine.Result b = new Engine().run(s, in);
        int better = 0;
        for (int i = 0; i < n; i++) {
            double expected = (Double.isNaN(tax[i]) ? 0 : tax[i] / mu[i] / 7.5 * 60) + va[i] / mu[i] / 30 * 40;
            assertThat(a.total(i)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(b.total(i)).isEqualTo(a.total(i));
            assertThat(b.rank(i)).isEqualTo(a.rank(i));
            assertThat(b.klass(i)).isEqualTo(a.klass(i));
            if (a.total(i) > a.total(0) + 1e-6) {
                better++;
            }
        }
        assertThat(a.rank(0)).isEqualTo(better + 1);
        assertThat(a.classCounts()).containsEntry("ALL/A", (long) Math.ceil(n * 0.2)); // distinct totals: no ties
    }

    @Test
    void wenlingLeaseDeductionExample4() {
        // Wenling 2022 park rule: a 规下 landlord loses 10 for its first tenant and 5 for each further one; a 规上
        // landlord keeps its first tenant free and loses 5 for each further one.
        Scheme.Adjustment below = new Scheme.Adjustment("LEASE", "厂房出租扣分", "TENANTS_BELOW", -10, -5, null);
        Scheme.Adjustment above = new Scheme.Adjustment("LEASE", "厂房出租扣分", "TENANTS_BELOW", 0, -5, null);
        assertThat(below.points(3)).isEqualTo(-20);
        assertThat(above.points(3)).isEqualTo(-10);
        assertThat(below.points(0)).isZero();
        assertThat(new Scheme.Adjustment("X", "x", "N", -10, -5, 12.0).points(3)).isEqualTo(-12);

        Indicator flat = ratio("T", "TAX", "LAND_MU", 100, 1);
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(
                new Cohort("UP", "规上", new Membership(true, 0), List.of(flat), QUARTERS, List.of(above), List.of()),
                new Cohort("DOWN", "规下", new Membership(false, 0), List.of(flat), QUARTERS, List.of(below), List.of())));
        EvaluationInput in = new EvaluationInput(new String[] {"u", "d"}, new String[] {"u", "d"},
                new boolean[] {true, false}, new double[] {1, 1})
                .metric("TAX", new double[] {1, 1}).metric("TENANTS_BELOW", new double[] {3, 3});
        Engine.Result r = new Engine().run(s, in);
        assertThat(r.total(0)).isEqualTo(100 - 10);
        assertThat(r.total(1)).isEqualTo(100 - 20);
        assertThat(r.explain(1).adjustments()).singleElement().satisfies(a -> {
            assertThat(a.points()).isEqualTo(-20);
            assertThat(a.count()).isEqualTo(3);
        });
    }

    @Test
    void vetoesForceCapOrExclude() {
        Indicator tax = ratio("T", "TAX", "LAND_MU", 100, 1);
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(tax), QUARTERS, List.of(), List.of(
                        new Scheme.Veto("SAFETY", "重大安全事故", "ACCIDENT", Scheme.VetoAction.FORCE_CLASS, "D"),
                        new Scheme.Veto("ENV", "环保处罚", "PENALTY", Scheme.VetoAction.CAP_CLASS, "C"),
                        new Scheme.Veto("STOP", "停产", "STOPPED", Scheme.VetoAction.EXCLUDE, null)))));
        EvaluationInput in = new EvaluationInput(new String[] {"a", "b", "c", "d", "e"},
                new String[] {"a", "b", "c", "d", "e"}, new boolean[5], new double[] {1, 1, 1, 1, 1})
                .metric("TAX", new double[] {50, 40, 30, 20, 10})
                .metric("ACCIDENT", new double[] {1, 0, 0, 0, 0})
                .metric("PENALTY", new double[] {0, 1, 0, 0, 1})
                .metric("STOPPED", new double[] {0, 0, 1, 0, 0});
        Engine.Result r = new Engine().run(s, in);
        assertThat(r.klass(0)).isEqualTo("D");          // best score, forced to D
        assertThat(r.klass(1)).isEqualTo("C");          // A by rank, capped at C
        assertThat(r.cohort(2)).isNull();               // excluded
        assertThat(r.explain(2).note()).contains("停产");
        assertThat(r.klass(4)).isEqualTo("D");          // already below the cap: stays
        assertThat(r.explain(0).vetoes()).singleElement().asString().contains("重大安全事故");
        assertThatThrownBy(() -> new Scheme("t", "x", 2023, "x", List.of(), List.of(new Cohort("C", "c",
                new Membership(null, 0), List.of(tax), QUARTERS, List.of(),
                List.of(new Scheme.Veto("V", "v", "F", Scheme.VetoAction.FORCE_CLASS, "E"))))))
                .hasMessageContaining("否决项");
    }

    @Test
    void rankingWithinIndustryGroups() {
        Indicator tax = ratio("T", "TAX", "LAND_MU", 100, 1);
        List<Scheme.Group> groups = List.of(new Scheme.Group("METAL", "金属及金属制品", List.of("33", "31", "32")),
                new Scheme.Group("OTHER", "其他", List.of()));
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(tax), List.of(new Band("A", 0.5), new Band("B", 1.0)), List.of(),
                List.of(), groups)));
        EvaluationInput in = new EvaluationInput(new String[] {"m1", "m2", "o1", "o2"},
                new String[] {"m1", "m2", "o1", "o2"}, new boolean[4], new double[] {1, 1, 1, 1})
                .metric("TAX", new double[] {10, 5, 100, 50}).industries(new String[] {"3311", "3399", "6513", "3921"});
        Engine.Result r = new Engine().run(s, in);
        assertThat(r.rank(0)).isEqualTo(1);   // best of the metal group, though 3rd in the cohort
        assertThat(r.klass(0)).isEqualTo("A");
        assertThat(r.klass(1)).isEqualTo("B");
        assertThat(r.klass(2)).isEqualTo("A");
        assertThat(r.explain(0).of()).isEqualTo(2);
        assertThat(r.explain(0).note()).contains("金属");
        EvaluationInput noCodes = new EvaluationInput(new String[] {"a"}, new String[] {"a"}, new boolean[1],
                new double[] {1}).metric("TAX", new double[] {1});
        assertThatThrownBy(() -> new Engine().run(s, noCodes)).hasMessageContaining("行业代码");
    }

    @Test
    void unratedEnterprisesAreScoredButNotRanked() {
        Indicator tax = ratio("T", "TAX", "LAND_MU", 100, 1);
        Scheme s = new Scheme("t", "test", 2024, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(tax), QUARTERS, List.of(), List.of(), List.of(),
                new Scheme.Unrated("T", "B", List.of("44", "45", "46"), List.of("NEW_ENTERPRISE")))));
        EvaluationInput in = new EvaluationInput(new String[] {"power", "new", "a", "b"},
                new String[] {"power", "new", "a", "b"}, new boolean[4], new double[] {1, 1, 1, 1})
                .metric("TAX", new double[] {100, 90, 20, 10}).metric("NEW_ENTERPRISE", new double[] {0, 1, 0, 0})
                .industries(new String[] {"4411", "3311", "3311", "3399"});
        Engine.Result r = new Engine().run(s, in);
        assertThat(r.klass(0)).isEqualTo("T");
        assertThat(r.klass(1)).isEqualTo("T");
        assertThat(r.total(0)).isEqualTo(100 * 100.0);  // scored (value 100 ÷ benchmark 1 × weight 100)
        assertThat(r.rank(2)).isEqualTo(1);       // ranked among the rest only
        assertThat(r.klass(2)).isEqualTo("A");
        assertThat(r.explain(1).note()).contains("按 B 类管理");
        assertThat(r.classCounts()).containsEntry("ALL/T", 2L).containsEntry("ALL/A", 1L);
    }

    @Test
    void shandongSurchargeGrowsWithConsecutiveYearsInD() {
        Scheme.Policy surcharge = new Scheme.Policy("D", "差别电价加价", "元/千瓦时", List.of(0.05, 0.10, 0.15));
        assertThat(surcharge.amount(0)).isZero();
        assertThat(surcharge.amount(1)).isEqualTo(0.05);
        assertThat(surcharge.amount(2)).isEqualTo(0.10);
        assertThat(surcharge.amount(3)).isEqualTo(0.15);
        assertThat(surcharge.amount(7)).isEqualTo(0.15);
    }

    /** Zhejiang-style bands A 20 %, B to 80 %, C to 95 %, D the last 5 % — where 5 % of 10 or 11 firms is a fraction. */
    static final List<Band> ZHEJIANG = List.of(new Band("A", 0.20), new Band("B", 0.80), new Band("C", 0.95),
            new Band("D", 1.0));

    static Engine.Result cohortOf(double... taxes) {
        int n = taxes.length;
        String[] ids = new String[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "e" + i;
            mu[i] = 1;
        }
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(ratio("T", "TAX", "LAND_MU", 100, 1)), ZHEJIANG)));
        return new Engine().run(s, new EvaluationInput(ids, ids, new boolean[n], mu).metric("TAX", taxes));
    }

    static String classes(Engine.Result r) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
            sb.append(r.klass(i));
        }
        return sb.toString();
    }

    @Test
    void tenFirms() {
        // cut-offs ceil(10 × 0.2) = 2, ceil(8) = 8, ceil(9.5) = 10: the last 5 % of 10 firms is no firm at all
        Engine.Result r = cohortOf(10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(classes(r)).isEqualTo("AABBBBBBCC");
        assertThat(r.explain(9).cutoffs()).containsExactly("A: 名次 ≤ 2", "B: 名次 ≤ 8", "C: 名次 ≤ 10", "D: 名次 ≤ 10");
    }

    @Test
    void elevenFirms() {
        // ceil(2.2) = 3, ceil(8.8) = 9, ceil(10.45) = 11
        Engine.Result r = cohortOf(11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1);
        assertThat(classes(r)).isEqualTo("AAABBBBBBCC");
    }

    @Test
    void tiesAtACutOffTakeTheBetterClass() {
        // firms 2 and 3 tie for rank 2: both stay within A's cut-off of 2; the next firm is rank 4
        Engine.Result r = cohortOf(10, 9, 9, 8, 7, 6, 5, 4, 3, 2);
        assertThat(r.rank(1)).isEqualTo(2);
        assertThat(r.rank(2)).isEqualTo(2);
        assertThat(r.rank(3)).isEqualTo(4);
        assertThat(classes(r)).isEqualTo("AAABBBBBCC");
        // sums that differ only by floating-point noise tie
        Engine.Result noise = cohortOf(0.1 + 0.2, 0.3, 0.1);
        assertThat(noise.rank(0)).isEqualTo(noise.rank(1));
    }

    @Test
    void shownPointsRoundHalfUp() {
        assertThat(Explanation.round2(2.345)).isEqualByComparingTo("2.35");   // 2.345 is stored as 2.34499…9: BigDecimal.valueOf keeps the decimal
        assertThat(Explanation.round2(110.72669)).isEqualByComparingTo("110.73");
        assertThat(Explanation.round2(-0.005)).isEqualByComparingTo("-0.01");
    }

    @Test
    void quotasFixNumbersInsteadOfShares() {
        List<Band> quotas = List.of(new Band("A", 0, 2), new Band("B", 0, 5), new Band("C", 0.95, null),
                new Band("D", 1.0, null));
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(ratio("T", "TAX", "LAND_MU", 100, 1)), quotas)));
        double[] taxes = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        String[] ids = new String[10];
        double[] mu = new double[10];
        for (int i = 0; i < 10; i++) {
            ids[i] = "e" + i;
            mu[i] = 1;
        }
        Engine.Result r = new Engine().run(s, new EvaluationInput(ids, ids, new boolean[10], mu).metric("TAX", taxes));
        assertThat(classes(r)).isEqualTo("AABBBCCCCC");
        assertThatThrownBy(() -> new Scheme("t", "x", 2023, "x", List.of(), List.of(new Cohort("C", "c",
                new Membership(null, 0), List.of(ratio("T", "TAX", "LAND_MU", 1, 1)),
                List.of(new Band("A", 0, 5), new Band("B", 0, 3), new Band("D", 1.0, null))))))
                .hasMessageContaining("名额");
    }

    @Test
    void absoluteCutOffsMedianBenchmarksAndFloors() {
        Indicator median = new Indicator("T", "亩均税收", "TAX", "LAND_MU", 1, 100, Family.COHORT_MEDIAN_RATIO, 1,
                Missing.ZERO, 150.0, 20.0);
        List<Band> byScore = List.of(new Band("A", 0, null, 120.0), new Band("B", 0, null, 80.0),
                new Band("C", 0, null, 50.0), new Band("D", 0, null, null));
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(median), byScore)));
        double[] taxes = {30, 12, 10, 9, 1};    // median 10
        String[] ids = {"a", "b", "c", "d", "e"};
        Engine.Result r = new Engine().run(s, new EvaluationInput(ids, ids, new boolean[5], new double[] {1, 1, 1, 1, 1})
                .metric("TAX", taxes));
        assertThat(r.total(0)).isEqualTo(150.0);  // 300 capped
        assertThat(r.total(1)).isEqualTo(120.0);
        assertThat(r.total(4)).isEqualTo(20.0);   // 10 floored at 20
        assertThat(classes(r)).isEqualTo("AABBD");
        assertThat(r.explain(0).cutoffs()).contains("A: 得分 ≥ 120.0", "D: 其余");
        assertThatThrownBy(() -> new Scheme("t", "x", 2023, "x", List.of(), List.of(new Cohort("C", "c",
                new Membership(null, 0), List.of(median), List.of(new Band("A", 0, null, 50.0),
                        new Band("B", 0, null, 80.0), new Band("D", 0, null, null))))))
                .hasMessageContaining("分数线");
    }

    @Test
    void theBestScoresFullWeight() {
        Indicator best = new Indicator("T", "亩均税收", "TAX", "LAND_MU", 1, 40, Family.BEST_EQUALS_FULL, 0,
                Missing.ZERO, null);
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("ALL", "全部",
                new Membership(null, 0), List.of(best), QUARTERS)));
        String[] ids = {"a", "b"};
        Engine.Result r = new Engine().run(s, new EvaluationInput(ids, ids, new boolean[2], new double[] {1, 2})
                .metric("TAX", new double[] {50, 50}));
        assertThat(r.total(0)).isEqualTo(40.0);
        assertThat(r.total(1)).isEqualTo(20.0);
    }

    @Test
    void membershipByRevenueAndLeasedFloorSpace() {
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(
                new Cohort("UP", "营收 2000 万元以上", new Membership(true, 0, 2000.0, null),
                        List.of(ratio("T", "TAX", "LAND_MU", 100, 1)), QUARTERS),
                new Cohort("DOWN", "规下：5 亩或租用 3000 平方米", new Membership(false, 5, 2000.0, 3000.0),
                        List.of(ratio("T", "TAX", "LAND_MU", 100, 1)), QUARTERS)));
        String[] ids = {"big", "small-land", "small-leased", "small-none"};
        EvaluationInput in = new EvaluationInput(ids, ids, new boolean[4], new double[] {1, 6, 2, 2})
                .metric("TAX", new double[] {1, 1, 1, 1}).metric("REVENUE", new double[] {2500, 100, 100, 100})
                .metric("LEASED_M2", new double[] {0, 0, 3200, 500});
        Engine.Result r = new Engine().run(s, in);
        assertThat(r.cohort(0)).isEqualTo("UP");
        assertThat(r.cohort(1)).isEqualTo("DOWN");
        assertThat(r.cohort(2)).isEqualTo("DOWN");
        assertThat(r.cohort(3)).isNull();
    }

    @Test
    void aBenchmarkCanBeAMultipleOfAnotherYearsCohortMean() {
        Indicator lastYear = new Indicator("T", "亩均税收", "TAX", "LAND_MU", 1, 100, Family.COHORT_MEAN_RATIO, 2,
                Missing.ZERO, null, null, -1);
        Scheme s = new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("UP", "规上",
                new Membership(true, 0), List.of(lastYear), QUARTERS)), List.of(), new Scheme.Effective(2023, 2024));
        EvaluationInput in = new EvaluationInput(new String[] {"a", "b"}, new String[] {"a", "b"},
                new boolean[] {true, true}, new double[] {1, 1}).metric("TAX", new double[] {30, 60});
        // 2022: three 规上 firms (mean 10 per 亩) and one 规下 firm, which is not in the cohort and not in its mean
        EvaluationInput then = new EvaluationInput(new String[] {"a", "b", "x", "y"}, new String[] {"a", "b", "x", "y"},
                new boolean[] {true, true, true, false}, new double[] {1, 2, 1, 1})
                .metric("TAX", new double[] {5, 30, 10, 1000});
        assertThatThrownBy(() -> new Engine().run(s, in)).hasMessageContaining("没有 2022 年度的数据");
        Engine.Result r = new Engine().run(s, in.reference(2022, then));
        assertThat(r.total(0)).isEqualTo(30 / 20.0 * 100);
        assertThat(r.total(1)).isEqualTo(60 / 20.0 * 100);
        Explanation.Item item = r.explain(0).items().get(0);
        assertThat(item.reference()).isEqualTo(20.0);
        assertThat(item.basis()).contains("2 × 2022 年度本组平均值（3 家有数据）", "2 × the cohort's mean of 2022");
        // the same scheme evaluating 2024 needs 2023; a year named outright is taken as it is
        assertThatThrownBy(() -> new Engine().run(s.forYear(2024), in)).hasMessageContaining("没有 2023 年度");
        assertThat(s.benchmarkYear(new Indicator("T", "T", "TAX", "LAND_MU", 1, 1, Family.COHORT_MEDIAN_RATIO, 1,
                Missing.ZERO, null, null, 2020))).isEqualTo(2020);
        assertThatThrownBy(() -> new Scheme("t", "test", 2023, "test", List.of(), List.of(new Cohort("UP", "规上",
                new Membership(true, 0), List.of(new Indicator("T", "T", "TAX", "LAND_MU", 1, 1, Family.BENCHMARK_RATIO,
                        1, Missing.ZERO, null, null, -1)), QUARTERS)))).hasMessageContaining("基准年度只用于");
    }

    @Test
    void aSchemeEvaluatesOnlyTheYearsItIsInEffectFor() {
        List<Cohort> cohorts = List.of(new Cohort("ALL", "全部", new Membership(null, 0),
                List.of(ratio("T", "TAX", "LAND_MU", 100, 1)), QUARTERS));
        Scheme s = new Scheme("jx", "test", 2023, "test", List.of(), cohorts, List.of(),
                new Scheme.Effective(2022, 2024));
        assertThat(s.forYear(2022).year()).isEqualTo(2022);
        assertThat(s.forYear(2024).effective()).isEqualTo(new Scheme.Effective(2022, 2024));
        assertThatThrownBy(() -> s.forYear(2025)).isInstanceOf(Scheme.NotInEffect.class)
                .hasMessageContaining("适用于 2022–2024 年度的数据，不能评价 2025 年度", "applies to data years 2022–2024");
        assertThatThrownBy(() -> new Scheme("jx", "test", 2021, "test", List.of(), cohorts, List.of(),
                new Scheme.Effective(2022, 2024))).hasMessageContaining("不在有效年度 2022–2024 内");
        assertThatThrownBy(() -> new Scheme.Effective(2024, 2022)).hasMessageContaining("起始晚于结束");
        // a scheme of one year evaluates that year only
        Scheme one = new Scheme("one", "test", 2023, "test", List.of(), cohorts);
        assertThatThrownBy(() -> one.forYear(2022)).isInstanceOf(Scheme.NotInEffect.class);
    }

    @Test
    void surchargesOfOneGroupNeverStackTheHighestIsCharged() {
        Scheme.Policy d = new Scheme.Policy("D", "差别电价加价", "元/千瓦时", List.of(0.05, 0.10, 0.15), "POWER", null);
        Scheme.Policy punitive = new Scheme.Policy(null, "惩罚性电价", "元/千瓦时", List.of(), "POWER", "POWER_PUNITIVE");
        Scheme.Policy tiered = new Scheme.Policy(null, "阶梯电价", "元/千瓦时", List.of(), "POWER", "POWER_TIERED");
        Scheme.Policy water = new Scheme.Policy("D", "差别水价", "元/吨", List.of(0.5), null, null);
        // D for two years (0.10) and a punitive price of 0.30: only the punitive one is charged
        assertThat(Scheme.Policy.charged(List.of(d, punitive, water), new double[] {0.10, 0.30, 0.5}))
                .containsExactly(false, true, true);
        // D for three years (0.15) beats a tiered price of 0.08 and a punitive one of 0.12
        assertThat(Scheme.Policy.charged(List.of(d, punitive, tiered), new double[] {0.15, 0.12, 0.08}))
                .containsExactly(true, false, false);
        // equal amounts: one of them, the first in the scheme
        assertThat(Scheme.Policy.charged(List.of(d, punitive), new double[] {0.10, 0.10})).containsExactly(true, false);
        assertThat(Scheme.Policy.charged(List.of(d), new double[] {0.05})).containsExactly(true);
        assertThatThrownBy(() -> new Scheme.Policy("D", "x", "元", List.of(0.1), null, "POWER_PUNITIVE"))
                .hasMessageContaining("须指定等级或数据项之一");
    }
}
