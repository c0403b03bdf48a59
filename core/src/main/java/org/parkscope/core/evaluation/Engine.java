package org.parkscope.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parkscope.core.evaluation.Scheme.Band;
import org.parkscope.core.evaluation.Scheme.Cohort;
import org.parkscope.core.evaluation.Scheme.Family;
import org.parkscope.core.evaluation.Scheme.Indicator;
import org.parkscope.core.evaluation.Scheme.Missing;

/**
 * Scores every enterprise of an {@link EvaluationInput} under a {@link Scheme}: indicator values, points per item,
 * total, rank and class within the cohort. Works column by column on primitive arrays, with no I/O and no randomness,
 * so a run over the same input always gives the same result. Totals are summed from unrounded points; rounding is for
 * display only.
 */
public final class Engine {

    /** The outcome of a run: columns of results plus an explanation for any enterprise on demand. */
    public static final class Result {
        private final Scheme scheme;
        private final EvaluationInput input;
        final int[] cohort;          // index into scheme.cohorts(), -1 when out of scope
        final double[][] values;     // [enterprise][indicator]
        final double[][] points;
        final double[][] reference;  // the benchmark (or derived reference) used
        final boolean[][] missing;
        final double[] total;
        final int[] rank;
        final int[] cohortSize;
        final String[] klass;

        Result(Scheme scheme, EvaluationInput input) {
            this.scheme = scheme;
            this.input = input;
            int n = input.size();
            cohort = new int[n];
            Arrays.fill(cohort, -1);
            values = new double[n][];
            points = new double[n][];
            reference = new double[n][];
            missing = new boolean[n][];
            total = new double[n];
            Arrays.fill(total, Double.NaN);
            rank = new int[n];
            cohortSize = new int[n];
            klass = new String[n];
        }

        public int size() {
            return total.length;
        }

        public double total(int i) {
            return total[i];
        }

        public int rank(int i) {
            return rank[i];
        }

        public String klass(int i) {
            return klass[i];
        }

        public String cohort(int i) {
            return cohort[i] < 0 ? null : scheme.cohorts().get(cohort[i]).code();
        }

        public double points(int i, int indicator) {
            return points[i][indicator];
        }

        /** Every step of one enterprise's result, for its explanation page and the 公示 list. */
        public Explanation explain(int i) {
            if (cohort[i] < 0) {
                return new Explanation(input.ids[i], input.names[i], null, null, List.of(), Double.NaN, 0, 0, null,
                        List.of(), "不在评价范围内（规上/规下身份或用地面积不符合）/ outside the scheme's scope");
            }
            Cohort c = scheme.cohorts().get(cohort[i]);
            List<Explanation.Item> items = new ArrayList<>();
            for (int k = 0; k < c.indicators().size(); k++) {
                Indicator ind = c.indicators().get(k);
                double num = input.column(ind.numerator())[i];
                double den = input.column(ind.denominator())[i];
                String note = null;
                if (missing[i][k]) {
                    note = ind.missing() == Missing.COHORT_AVERAGE
                            ? "缺少数据，按本组平均得分计 / no data: scored at the cohort's average"
                            : "缺少数据或分母为 0，得 0 分 / no data or zero denominator: 0 points";
                } else if (ind.cap() != null && points[i][k] >= ind.cap()) {
                    note = "已封顶 / capped";
                }
                items.add(new Explanation.Item(ind.code(), ind.name(), ind.family(), num, den, values[i][k],
                        reference[i][k], ind.weight(), points[i][k], note));
            }
            List<String> cutoffs = new ArrayList<>();
            int n = cohortSize[i];
            for (Band b : c.bands()) {
                cutoffs.add(b.klass() + ": 名次 ≤ " + (int) Math.ceil(n * b.upToShare() - 1e-9));
            }
            return new Explanation(input.ids[i], input.names[i], c.code(), c.name(), items, total[i], rank[i], n,
                    klass[i], cutoffs, null);
        }
    }

    public Result run(Scheme scheme, EvaluationInput input) {
        Result r = new Result(scheme, input);
        for (int c = 0; c < scheme.cohorts().size(); c++) {
            Cohort cohort = scheme.cohorts().get(c);
            int[] members = members(cohort, input, r);
            for (int i : members) {
                r.cohort[i] = c;
            }
            score(cohort, input, members, r);
            rankAndBand(cohort, members, r);
        }
        return r;
    }

    private static int[] members(Cohort cohort, EvaluationInput in, Result r) {
        int[] out = new int[in.size()];
        int m = 0;
        Boolean above = cohort.membership().aboveScale();
        double minMu = cohort.membership().minLandMu();
        for (int i = 0; i < in.size(); i++) {
            if (r.cohort[i] >= 0) {
                continue; // the first cohort that takes an enterprise keeps it
            }
            if ((above == null || in.aboveScale[i] == above) && in.landMu[i] > 0 && in.landMu[i] >= minMu) {
                out[m++] = i;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static void score(Cohort cohort, EvaluationInput in, int[] members, Result r) {
        int k = cohort.indicators().size();
        for (int i : members) {
            r.values[i] = new double[k];
            r.points[i] = new double[k];
            r.reference[i] = new double[k];
            r.missing[i] = new boolean[k];
        }
        for (int j = 0; j < k; j++) {
            Indicator ind = cohort.indicators().get(j);
            double[] num = in.column(ind.numerator());
            double[] den = in.column(ind.denominator());
            int present = 0;
            double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            double[] sorted = new double[members.length];
            for (int i : members) {
                double v = num[i] / den[i] * ind.factor();
                boolean miss = Double.isNaN(num[i]) || Double.isNaN(den[i]) || den[i] <= 0 || Double.isNaN(v)
                        || Double.isInfinite(v);
                r.missing[i][j] = miss;
                r.values[i][j] = miss ? Double.NaN : v;
                if (!miss) {
                    sorted[present++] = v;
                    sum += v;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            double[] present_ = Arrays.copyOf(sorted, present);
            Arrays.sort(present_);
            double ref = switch (ind.family()) {
                case BENCHMARK_RATIO -> ind.benchmark();
                case COHORT_MEAN_RATIO -> present == 0 ? Double.NaN : ind.benchmark() * sum / present;
                case MIN_MAX, RANK -> Double.NaN;
                case LOWER_IS_BETTER -> present == 0 ? Double.NaN : firstPositive(present_);
            };
            double pointsSum = 0;
            for (int i : members) {
                if (r.missing[i][j]) {
                    continue;
                }
                double v = r.values[i][j];
                double p = switch (ind.family()) {
                    case BENCHMARK_RATIO, COHORT_MEAN_RATIO -> v / ref * ind.weight();
                    case MIN_MAX -> max == min ? ind.weight() : (20 + 80 * (v - min) / (max - min)) * ind.weight() / 100;
                    case RANK -> ind.weight() * (present - countGreater(present_, v)) / (double) present;
                    case LOWER_IS_BETTER -> v <= 0 ? ind.weight() : ref / v * ind.weight();
                };
                if (ind.cap() != null) {
                    p = Math.min(p, ind.cap());
                }
                r.points[i][j] = p;
                r.reference[i][j] = ref;
                pointsSum += p;
            }
            double average = present == 0 ? 0 : pointsSum / present;
            for (int i : members) {
                if (r.missing[i][j]) {
                    r.points[i][j] = ind.missing() == Missing.COHORT_AVERAGE ? average : 0;
                    r.reference[i][j] = ref;
                }
            }
        }
        for (int i : members) {
            double t = 0;
            for (int j = 0; j < k; j++) {
                t += r.points[i][j];
            }
            r.total[i] = t;
        }
    }

    private static double firstPositive(double[] sortedAscending) {
        for (double v : sortedAscending) {
            if (v > 0) {
                return v;
            }
        }
        return Double.NaN;
    }

    /** How many values in an ascending array are strictly greater than v. */
    static int countGreater(double[] ascending, double v) {
        int lo = 0, hi = ascending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ascending[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return ascending.length - lo;
    }

    /**
     * Competition ranking by total (1, 2, 2, 4), compared at 1e-9 so that sums in a different order tie; the class is
     * the first band whose rounded-up cut-off the rank reaches.
     */
    private static void rankAndBand(Cohort cohort, int[] members, Result r) {
        int n = members.length;
        double[] totals = new double[n];
        for (int m = 0; m < n; m++) {
            totals[m] = round9(r.total[members[m]]);
        }
        double[] asc = totals.clone();
        Arrays.sort(asc);
        int[] cut = new int[cohort.bands().size()];
        for (int b = 0; b < cut.length; b++) {
            cut[b] = (int) Math.ceil(n * cohort.bands().get(b).upToShare() - 1e-9);
        }
        for (int m = 0; m < n; m++) {
            int i = members[m];
            int rank = 1 + countGreater(asc, totals[m]);
            r.rank[i] = rank;
            r.cohortSize[i] = n;
            for (int b = 0; b < cut.length; b++) {
                if (rank <= cut[b]) {
                    r.klass[i] = cohort.bands().get(b).klass();
                    break;
                }
            }
        }
    }

    private static double round9(double v) {
        return Math.round(v * 1e9) / 1e9;
    }
}
