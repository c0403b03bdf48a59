package org.parkscope.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parkscope.core.evaluation.Scheme.Band;
import org.parkscope.core.evaluation.Scheme.Cohort;
import org.parkscope.core.evaluation.Scheme.Family;
import org.parkscope.core.evaluation.Scheme.Indicator;

/**
 * What a run must pass, or have acknowledged with a reason, before its 公示: results a 亩均 office could not defend.
 * Six checks, each per cohort over the rated (cohort member) enterprises of an {@link Engine.Result}:
 * <ul>
 * <li>{@link Check#LAND_BELOW}: a firm on less land than {@code minLandMu} 亩 (55 m² leased dividing a tax bill);</li>
 * <li>{@link Check#BEYOND_BENCHMARK}: an indicator value beyond {@code benchmarkMultiple} × its reference — the
 * published benchmark for {@link Family#BENCHMARK_RATIO}, else the cohort's mean of the indicator;</li>
 * <li>{@link Check#NEGATIVE_TOTAL}: a total below zero;</li>
 * <li>{@link Check#SMALL_COHORT}: fewer ranked firms than rank bands, or a share band whose cut-off leaves it no
 * firm;</li>
 * <li>{@link Check#MISSING_DATA}: more than {@code missingShare} of a cohort lacking an indicator's value;</li>
 * <li>{@link Check#LEAVE_ONE_OUT}: for a benchmark that is the cohort's own mean or median of the year evaluated, the
 * single firm whose removal moves it most moves it by more than {@code leaveOneOut} (a share).</li>
 * </ul>
 * Pure and deterministic: findings come in scheme order (cohort, then check, then indicator), firms in input order.
 */
public final class PublicationChecks {

    /** The six checks. */
    public enum Check { LAND_BELOW, BEYOND_BENCHMARK, NEGATIVE_TOTAL, SMALL_COHORT, MISSING_DATA, LEAVE_ONE_OUT }

    /**
     * The checks' thresholds: minimum land in 亩, the multiple of the reference an indicator may reach, the share of
     * missing values allowed, and the share a single firm may move a cohort benchmark.
     */
    public record Thresholds(double minLandMu, double benchmarkMultiple, double missingShare, double leaveOneOut) {
        public static final Thresholds DEFAULT = new Thresholds(0.5, 10, 0.30, 0.25);

        public Thresholds {
            if (!(minLandMu >= 0) || !(benchmarkMultiple > 1) || !(missingShare >= 0 && missingShare < 1)
                    || !(leaveOneOut > 0)) {
                throw new IllegalArgumentException("发布前检查的阈值不合理（用地 ≥ 0 亩，倍数 > 1，缺失比例 0–100%，留一变化 > 0）"
                        + " / check thresholds out of range (land ≥ 0 mu, multiple > 1, missing share in [0, 1),"
                        + " leave-one-out > 0)");
            }
        }
    }

    /** One firm named by a finding, with the figure that put it there (land in 亩, a value, a total …). */
    public record Firm(String id, String name, double value) {}

    /**
     * One finding. {@code indicator} is the indicator's code for indicator checks, the empty band's class for a
     * zero-firm band, else null. {@code figure} and {@code limit} per check: LAND_BELOW — smallest land, the minimum;
     * BEYOND_BENCHMARK — the reference, the multiple; NEGATIVE_TOTAL — lowest total, 0; SMALL_COHORT — ranked firms,
     * the number of bands; MISSING_DATA — the share missing, the share allowed; LEAVE_ONE_OUT — the benchmark with every
     * firm, the share allowed (the firm's value is the benchmark without it).
     */
    public record Finding(Check check, String cohort, String indicator, List<Firm> firms, double figure, double limit) {
        public Finding {
            firms = List.copyOf(firms);
        }
    }

    private PublicationChecks() {}

    /** Every finding of a scored run, in scheme order; empty when it may go to 公示 as it is. */
    public static List<Finding> of(Scheme scheme, EvaluationInput input, Engine.Result result) {
        Thresholds t = scheme.checks();
        List<Finding> out = new ArrayList<>();
        for (int c = 0; c < scheme.cohorts().size(); c++) {
            Cohort cohort = scheme.cohorts().get(c);
            int[] members = result.columns[c] == null ? new int[0] : result.columns[c].members;
            if (members.length == 0) {
                continue;
            }
            List<Firm> small = new ArrayList<>();
            List<Firm> negative = new ArrayList<>();
            for (int i : members) {
                if (input.landMu[i] < t.minLandMu()) {
                    small.add(firm(input, i, input.landMu[i]));
                }
                if (result.total[i] < 0) {
                    negative.add(firm(input, i, result.total[i]));
                }
            }
            if (!small.isEmpty()) {
                out.add(new Finding(Check.LAND_BELOW, cohort.code(), null, small,
                        small.stream().mapToDouble(Firm::value).min().orElseThrow(), t.minLandMu()));
            }
            for (int k = 0; k < cohort.indicators().size(); k++) {
                beyond(cohort, cohort.indicators().get(k), input, members, t, out);
            }
            if (!negative.isEmpty()) {
                out.add(new Finding(Check.NEGATIVE_TOTAL, cohort.code(), null, negative,
                        negative.stream().mapToDouble(Firm::value).min().orElseThrow(), 0));
            }
            smallCohort(cohort, result, members, out);
            for (Indicator ind : cohort.indicators()) {
                missing(cohort, ind, input, members, t, out);
            }
            for (Indicator ind : cohort.indicators()) {
                if ((ind.family() == Family.COHORT_MEAN_RATIO || ind.family() == Family.COHORT_MEDIAN_RATIO)
                        && scheme.benchmarkYear(ind) == scheme.year()) {
                    leaveOneOut(cohort, ind, input, members, t, out);
                }
            }
        }
        return out;
    }

    private static Firm firm(EvaluationInput in, int i, double value) {
        return new Firm(in.ids[i], in.names[i], value);
    }

    private static double[] values(Indicator ind, EvaluationInput in, int[] members) {
        double[] num = in.column(ind.numerator());
        double[] den = in.column(ind.denominator());
        double[] v = new double[members.length];
        for (int m = 0; m < members.length; m++) {
            v[m] = Engine.value(num[members[m]], den[members[m]], ind.factor());
        }
        return v;
    }

    private static void beyond(Cohort cohort, Indicator ind, EvaluationInput in, int[] members, Thresholds t,
            List<Finding> out) {
        double[] v = values(ind, in, members);
        double reference = ind.family() == Family.BENCHMARK_RATIO ? ind.benchmark()
                : Arrays.stream(v).filter(x -> x == x).average().orElse(Double.NaN);
        if (!(reference > 0)) {
            return;
        }
        List<Firm> firms = new ArrayList<>();
        for (int m = 0; m < members.length; m++) {
            if (v[m] > t.benchmarkMultiple() * reference) {
                firms.add(firm(in, members[m], v[m]));
            }
        }
        if (!firms.isEmpty()) {
            out.add(new Finding(Check.BEYOND_BENCHMARK, cohort.code(), ind.code(), firms, reference,
                    t.benchmarkMultiple()));
        }
    }

    private static void smallCohort(Cohort cohort, Engine.Result r, int[] members, List<Finding> out) {
        List<Band> bands = cohort.bands();
        if (bands.isEmpty() || bands.stream().anyMatch(b -> b.minScore() != null)) {
            return; // absolute score cut-offs rank nobody against anybody
        }
        int n = 0;
        for (int i : members) {
            n += r.rank[i] > 0 ? 1 : 0;
        }
        if (n == 0) {
            return;
        }
        if (n < bands.size()) {
            out.add(new Finding(Check.SMALL_COHORT, cohort.code(), null, List.of(), n, bands.size()));
            return;
        }
        int previous = 0;
        for (Band b : bands) {
            int cut = b.cut(n, cohort.banding().rounding());
            if (cut <= previous) {
                out.add(new Finding(Check.SMALL_COHORT, cohort.code(), b.klass(), List.of(), n, bands.size()));
                return;
            }
            previous = cut;
        }
    }

    private static void missing(Cohort cohort, Indicator ind, EvaluationInput in, int[] members, Thresholds t,
            List<Finding> out) {
        double[] v = values(ind, in, members);
        List<Firm> firms = new ArrayList<>();
        for (int m = 0; m < members.length; m++) {
            if (v[m] != v[m]) {
                firms.add(firm(in, members[m], Double.NaN));
            }
        }
        double share = firms.size() / (double) members.length;
        if (share > t.missingShare() + 1e-12) {
            out.add(new Finding(Check.MISSING_DATA, cohort.code(), ind.code(), firms, share, t.missingShare()));
        }
    }

    /**
     * The firm whose removal moves the cohort's mean (or median) of an indicator most. For a mean that is the value
     * farthest from it; for a median only a few positions give distinct medians of the rest, and those are tried.
     */
    private static void leaveOneOut(Cohort cohort, Indicator ind, EvaluationInput in, int[] members, Thresholds t,
            List<Finding> out) {
        double[] v = values(ind, in, members);
        Integer[] present = java.util.stream.IntStream.range(0, members.length).filter(m -> v[m] == v[m]).boxed()
                .toArray(Integer[]::new);
        int n = present.length;
        if (n < 2) {
            return;
        }
        boolean mean = ind.family() == Family.COHORT_MEAN_RATIO;
        Arrays.sort(present, (a, b) -> Double.compare(v[a], v[b])); // stable: input order among equal values
        double[] sorted = new double[n];
        for (int q = 0; q < n; q++) {
            sorted[q] = v[present[q]];
        }
        double sum = Arrays.stream(sorted).sum();
        double all = mean ? sum / n : median(sorted, -1);
        if (!(all > 0)) {
            return;
        }
        int worst = -1;
        double without = all;
        int[] candidates = mean ? new int[] {0, n - 1}
                : new int[] {0, n / 2 - 1, n / 2, n / 2 + 1, n - 1};
        for (int q : candidates) {
            if (q < 0 || q >= n) {
                continue;
            }
            double rest = mean ? (sum - sorted[q]) / (n - 1) : median(sorted, q);
            if (worst < 0 || Math.abs(rest - all) > Math.abs(without - all)) {
                worst = q;
                without = rest;
            }
        }
        if (Math.abs(without - all) / all > t.leaveOneOut() + 1e-12) {
            out.add(new Finding(Check.LEAVE_ONE_OUT, cohort.code(), ind.code(),
                    List.of(firm(in, members[present[worst]], without)), all, t.leaveOneOut()));
        }
    }

    /** The median of an ascending array with position {@code skip} left out (-1: none left out). */
    private static double median(double[] ascending, int skip) {
        int n = ascending.length - (skip < 0 ? 0 : 1);
        java.util.function.IntToDoubleFunction at = q -> ascending[skip >= 0 && q >= skip ? q + 1 : q];
        return n % 2 == 1 ? at.applyAsDouble(n / 2) : (at.applyAsDouble(n / 2 - 1) + at.applyAsDouble(n / 2)) / 2;
    }
}
