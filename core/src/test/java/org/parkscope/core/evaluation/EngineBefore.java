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
 * The engine as it was before the fused scoring pass and the radix ranking (commit 90dfbad), kept unchanged as the
 * reference that {@link EngineEquivalenceTest} holds the optimised {@link Engine} to, bit for bit.
 *
 * <p>Scores every enterprise of an {@link EvaluationInput} under a {@link Scheme}: indicator values, points per item,
 * total, rank and class within the cohort. Works column by column on primitive arrays, with no I/O and no randomness,
 * so a run over the same input always gives the same result. Totals are summed from unrounded points; rounding is for
 * display only.
 */
final class EngineBefore {

    /** The outcome of a run: columns of results plus an explanation for any enterprise on demand. */
    public static final class Result {
        private final Scheme scheme;
        private final EvaluationInput input;
        final int[] cohort;          // index into scheme.cohorts(), -1 when out of scope
        final int[] position;        // position within its cohort's columns
        final CohortColumns[] columns;
        final double[] total;
        final int[] rank;
        final String[] klass;
        final byte[] band;           // index of the class band, -1 when none
        String[] excluded;           // why a veto left an enterprise out, or null
        boolean[] unrated;           // scored, not ranked (T / 不定等级)
        Double[] scoreCuts;          // absolute cut-offs of the cohort being banded, or null

        Result(Scheme scheme, EvaluationInput input) {
            this.scheme = scheme;
            this.input = input;
            int n = input.size();
            cohort = new int[n];
            Arrays.fill(cohort, -1);
            position = new int[n];
            columns = new CohortColumns[scheme.cohorts().size()];
            total = new double[n];
            Arrays.fill(total, Double.NaN);
            rank = new int[n];
            klass = new String[n];
            band = new byte[n];
            Arrays.fill(band, (byte) -1);
        }

        /** Enterprises per cohort and class, as "cohort/class" → count, in scheme order. */
        public java.util.Map<String, Long> classCounts() {
            long[][] counts = new long[scheme.cohorts().size()][];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = new long[scheme.cohorts().get(c).bands().size()];
            }
            for (int i = 0; i < cohort.length; i++) {
                if (cohort[i] >= 0 && band[i] >= 0) {
                    counts[cohort[i]][band[i]]++;
                }
            }
            long[] unratedCounts = new long[counts.length];
            if (unrated != null) {
                for (int i = 0; i < cohort.length; i++) {
                    if (cohort[i] >= 0 && unrated[i]) {
                        unratedCounts[cohort[i]]++;
                    }
                }
            }
            java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (int c = 0; c < counts.length; c++) {
                Cohort co = scheme.cohorts().get(c);
                for (int b = 0; b < counts[c].length; b++) {
                    out.put(co.code() + "/" + co.bands().get(b).klass(), counts[c][b]);
                }
                if (co.unrated() != null) {
                    out.put(co.code() + "/" + co.unrated().klass(), unratedCounts[c]);
                }
            }
            return out;
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
            return explain(i).items().get(indicator).points();
        }

        /** Every step of one enterprise's result, for its explanation page and the 公示 list. */
        public Explanation explain(int i) {
            if (cohort[i] < 0) {
                String why = excluded != null && excluded[i] != null ? excluded[i]
                        : "不在评价范围内（规上/规下身份或用地面积不符合）/ outside the scheme's scope";
                return new Explanation(input.ids[i], input.names[i], null, null, List.of(), List.of(), List.of(),
                        Double.NaN, 0, 0, null, List.of(), why);
            }
            Cohort c = scheme.cohorts().get(cohort[i]);
            CohortColumns cc = columns[cohort[i]];
            List<Explanation.Item> items = new ArrayList<>();
            for (int k = 0; k < c.indicators().size(); k++) {
                Indicator ind = c.indicators().get(k);
                Stats st = cc.stats[k];
                double num = input.column(ind.numerator())[i];
                double den = input.column(ind.denominator())[i];
                double v = value(num, den, ind.factor());
                boolean miss = Double.isNaN(v);
                double pts = miss ? st.fill : pointsFor(ind, st, v);
                String note = null;
                if (miss) {
                    note = ind.missing() == Missing.COHORT_AVERAGE
                            ? "缺少数据，按本组平均得分计 / no data: scored at the cohort's average"
                            : "缺少数据或分母为 0，得 0 分 / no data or zero denominator: 0 points";
                } else if (ind.cap() != null && pts >= ind.cap()) {
                    note = "已封顶 / capped";
                }
                items.add(new Explanation.Item(ind.code(), ind.name(), ind.family(), num, den, v, st.reference,
                        ind.weight(), pts, note));
            }
            List<Explanation.Adjusted> adjusted = new ArrayList<>();
            for (Scheme.Adjustment a : c.adjustments()) {
                double count = input.column(a.metric())[i];
                double p = a.points(count);
                if (p != 0) {
                    adjusted.add(new Explanation.Adjusted(a.code(), a.name(), count, p));
                }
            }
            List<String> vetoes = new ArrayList<>();
            for (Scheme.Veto v : c.vetoes()) {
                if (v.action() != Scheme.VetoAction.EXCLUDE && input.column(v.metric())[i] > 0) {
                    vetoes.add(v.name() + (v.action() == Scheme.VetoAction.FORCE_CLASS ? "：定为 " : "：最高 ")
                            + v.klass() + " / " + v.code());
                }
            }
            List<String> cutoffs = new ArrayList<>();
            int n = cc.members.length;
            String groupNote = null;
            if (!c.groups().isEmpty() && input.industries != null) {
                int g = c.groupOf(input.industries[i]);
                n = 0;
                for (int m : cc.members) {
                    if (c.groupOf(input.industries[m]) == g) {
                        n++;
                    }
                }
                groupNote = "行业组：" + c.groups().get(g).name() + " / industry group: " + c.groups().get(g).code();
            }
            for (Band b : c.bands()) {
                cutoffs.add(b.minScore() != null ? b.klass() + ": 得分 ≥ " + b.minScore()
                        : c.bands().stream().anyMatch(x -> x.minScore() != null) ? b.klass() + ": 其余"
                        : b.klass() + ": 名次 ≤ " + b.cut(n));
            }
            if (unrated != null && unrated[i]) {
                groupNote = "不定等级（" + c.unrated().klass() + "），按 " + c.unrated().managedAs() + " 类管理，不参与排名"
                        + " / unrated (" + c.unrated().klass() + "), managed as " + c.unrated().managedAs()
                        + ", not ranked";
            }
            return new Explanation(input.ids[i], input.names[i], c.code(), c.name(), items, adjusted, vetoes, total[i],
                    rank[i], n, klass[i], cutoffs, groupNote);
        }
    }

    /** Work is split into this many fixed chunks (run in parallel), so results never depend on the thread count. */
    private static final int CHUNKS = 8;

    /** What an indicator's points depend on besides the enterprise's own value, per cohort. */
    static final class Stats {
        double reference = Double.NaN;
        double min;
        double max;
        int present;
        double fill;          // points for a missing value: 0, or the cohort's average
        double[] sorted;      // present values, ascending (RANK only)
    }

    /** One cohort: its members and, per indicator, the statistics its points depend on. */
    static final class CohortColumns {
        final int[] members;
        final Stats[] stats;

        CohortColumns(int[] members, int indicators) {
            this.members = members;
            stats = new Stats[indicators];
        }
    }

    /** numerator ÷ denominator × factor, or NaN when there is no data or no positive denominator. */
    static double value(double num, double den, double factor) {
        double v = num / den * factor;
        return !(den > 0) || Double.isInfinite(v) ? Double.NaN : v;
    }

    static double pointsFor(Indicator ind, Stats st, double v) {
        double w = ind.weight();
        double p = switch (ind.family()) {
            case BENCHMARK_RATIO, COHORT_MEAN_RATIO, COHORT_MEDIAN_RATIO, BEST_EQUALS_FULL -> v / st.reference * w;
            case MIN_MAX -> st.max == st.min ? w : (20 + 80 * (v - st.min) / (st.max - st.min)) * w / 100;
            case RANK -> w * (st.present - countGreater(st.sorted, v)) / (double) st.present;
            case LOWER_IS_BETTER -> v <= 0 ? w : st.reference / v * w;
        };
        if (ind.floor() != null && p < ind.floor()) {
            p = ind.floor();
        }
        return ind.cap() != null && p > ind.cap() ? ind.cap() : p;
    }

    private static double median(double[] ascending) {
        int n = ascending.length;
        return n % 2 == 1 ? ascending[n / 2] : (ascending[n / 2 - 1] + ascending[n / 2]) / 2;
    }

    Result run(Scheme scheme, EvaluationInput input) {
        Result r = new Result(scheme, input);
        for (int c = 0; c < scheme.cohorts().size(); c++) {
            Cohort cohort = scheme.cohorts().get(c);
            int[] members = members(cohort, input, r);
            for (int m = 0; m < members.length; m++) {
                r.cohort[members[m]] = c;
                r.position[members[m]] = m;
            }
            CohortColumns cc = new CohortColumns(members, cohort.indicators().size());
            r.columns[c] = cc;
            score(cohort, input, cc, r);
            int[] ranked = members;
            if (cohort.unrated() != null) {
                int[] keep = new int[members.length];
                int k = 0;
                for (int i : members) {
                    if (unrated(cohort.unrated(), input, i)) {
                        r.klass[i] = cohort.unrated().klass();
                        r.unrated = r.unrated == null ? new boolean[input.size()] : r.unrated;
                        r.unrated[i] = true;
                    } else {
                        keep[k++] = i;
                    }
                }
                ranked = Arrays.copyOf(keep, k);
            }
            if (cohort.groups().isEmpty()) {
                rankAndBand(cohort, ranked, r);
            } else {
                if (input.industries == null) {
                    throw new IllegalArgumentException("对象组 " + cohort.code() + " 按行业分组排名，数据中须有行业代码"
                            + " / cohort " + cohort.code() + " ranks within industry groups: the data need industry codes");
                }
                for (int[] group : groups(cohort, input, ranked)) {
                    rankAndBand(cohort, group, r);
                }
            }
            applyVetoes(cohort, input, members, r);
        }
        return r;
    }

    private static int[] members(Cohort cohort, EvaluationInput in, Result r) {
        int[] out = new int[in.size()];
        int m = 0;
        Scheme.Membership ms = cohort.membership();
        Boolean above = ms.aboveScale();
        double minMu = ms.minLandMu();
        double[] revenue = ms.minRevenue() == null ? null : in.column("REVENUE");
        double[] leased = ms.minLeasedM2() == null ? null : in.column("LEASED_M2");
        for (int i = 0; i < in.size(); i++) {
            if (r.cohort[i] >= 0) {
                continue; // the first cohort that takes an enterprise keeps it
            }
            boolean scale = revenue == null ? above == null || in.aboveScale[i] == above
                    : (revenue[i] >= ms.minRevenue()) == (above == null || above);
            boolean land = in.landMu[i] > 0 && (in.landMu[i] >= minMu || leased != null && leased[i] >= ms.minLeasedM2());
            if (scale && land) {
                String veto = exclusion(cohort, in, i);
                if (veto == null) {
                    out[m++] = i;
                } else {
                    if (r.excluded == null) {
                        r.excluded = new String[in.size()];
                    }
                    r.excluded[i] = "否决项：" + veto + "，不参与排名 / vetoed: left out of the ranking";
                }
            }
        }
        return Arrays.copyOf(out, m);
    }

    /** The cohort's members split by industry group, each in member order. */
    private static List<int[]> groups(Cohort cohort, EvaluationInput in, int[] members) {
        int g = cohort.groups().size();
        int[] sizes = new int[g];
        int[] of = new int[members.length];
        for (int m = 0; m < members.length; m++) {
            of[m] = cohort.groupOf(in.industries[members[m]]);
            sizes[of[m]]++;
        }
        int[][] out = new int[g][];
        for (int k = 0; k < g; k++) {
            out[k] = new int[sizes[k]];
        }
        int[] fill = new int[g];
        for (int m = 0; m < members.length; m++) {
            out[of[m]][fill[of[m]]++] = members[m];
        }
        return java.util.Arrays.asList(out);
    }

    static boolean unrated(Scheme.Unrated rule, EvaluationInput in, int i) {
        if (in.industries != null && in.industries[i] != null) {
            for (String prefix : rule.industryPrefixes()) {
                if (in.industries[i].startsWith(prefix)) {
                    return true;
                }
            }
        }
        for (String flag : rule.flags()) {
            if (in.metrics.containsKey(flag) && in.metrics.get(flag)[i] > 0) {
                return true;
            }
        }
        return false;
    }

    private static String exclusion(Cohort cohort, EvaluationInput in, int i) {
        for (Scheme.Veto v : cohort.vetoes()) {
            if (v.action() == Scheme.VetoAction.EXCLUDE && in.column(v.metric())[i] > 0) {
                return v.name();
            }
        }
        return null;
    }

    private static void score(Cohort cohort, EvaluationInput in, CohortColumns cc, Result r) {
        int[] members = cc.members;
        int size = members.length;
        double[] totals = new double[size];
        double[] values = new double[size];
        for (int j = 0; j < cohort.indicators().size(); j++) {
            Indicator ind = cohort.indicators().get(j);
            double[] num = in.column(ind.numerator());
            double[] den = in.column(ind.denominator());
            double factor = ind.factor();
            Stats st = new Stats();
            cc.stats[j] = st;
            // fixed chunks merged in a fixed order: the same sums whatever the number of threads
            double[][] part = new double[CHUNKS][4];
            java.util.stream.IntStream.range(0, CHUNKS).parallel().forEach(c -> {
                int from = (int) ((long) size * c / CHUNKS), to = (int) ((long) size * (c + 1) / CHUNKS);
                double cnt = 0, sm = 0, mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
                for (int m = from; m < to; m++) {
                    int i = members[m];
                    double v = value(num[i], den[i], factor);
                    values[m] = v;
                    if (v == v) { // not NaN
                        cnt++;
                        sm += v;
                        if (v < mn) {
                            mn = v;
                        }
                        if (v > mx) {
                            mx = v;
                        }
                    }
                }
                part[c][0] = cnt;
                part[c][1] = sm;
                part[c][2] = mn;
                part[c][3] = mx;
            });
            int present = 0;
            double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
            for (double[] pc : part) {
                present += (int) pc[0];
                sum += pc[1];
                min = Math.min(min, pc[2]);
                max = Math.max(max, pc[3]);
            }
            st.present = present;
            st.min = min;
            st.max = max;
            if (ind.family() == Family.RANK || ind.family() == Family.LOWER_IS_BETTER
                    || ind.family() == Family.COHORT_MEDIAN_RATIO) {
                double[] sorted = new double[present];
                int q = 0;
                for (int m = 0; m < size; m++) {
                    if (values[m] == values[m]) {
                        sorted[q++] = values[m];
                    }
                }
                Arrays.sort(sorted);
                st.sorted = sorted;
            }
            st.reference = switch (ind.family()) {
                case BENCHMARK_RATIO -> ind.benchmark();
                case COHORT_MEAN_RATIO -> present == 0 ? Double.NaN : ind.benchmark() * sum / present;
                case COHORT_MEDIAN_RATIO -> present == 0 ? Double.NaN : ind.benchmark() * median(st.sorted);
                case MIN_MAX, RANK -> Double.NaN;
                case LOWER_IS_BETTER -> present == 0 ? Double.NaN : firstPositive(st.sorted);
                case BEST_EQUALS_FULL -> present == 0 ? Double.NaN : max;
            };
            boolean simple = (ind.family() == Family.BENCHMARK_RATIO || ind.family() == Family.COHORT_MEAN_RATIO
                    || ind.family() == Family.COHORT_MEDIAN_RATIO) && ind.floor() == null;
            double scale = ind.weight() / st.reference;
            double cap = ind.cap() == null ? Double.POSITIVE_INFINITY : ind.cap();
            double[] sums = new double[CHUNKS];
            java.util.stream.IntStream.range(0, CHUNKS).parallel().forEach(c -> {
                int from = (int) ((long) size * c / CHUNKS), to = (int) ((long) size * (c + 1) / CHUNKS);
                double ps = 0;
                for (int m = from; m < to; m++) {
                    double v = values[m];
                    if (v != v) {
                        continue;
                    }
                    double p = simple ? Math.min(v * scale, cap) : pointsFor(ind, st, v);
                    values[m] = p;
                    ps += p;
                }
                sums[c] = ps;
            });
            double pointsSum = 0;
            for (double x : sums) {
                pointsSum += x;
            }
            st.fill = ind.missing() == Missing.COHORT_AVERAGE && present > 0 ? pointsSum / present : 0;
            for (int m = 0; m < size; m++) {
                double p = values[m];
                totals[m] += p == p ? p : st.fill;
            }
        }
        for (Scheme.Adjustment a : cohort.adjustments()) {
            double[] count = in.column(a.metric());
            for (int m = 0; m < size; m++) {
                totals[m] += a.points(count[members[m]]);
            }
        }
        for (int m = 0; m < size; m++) {
            r.total[members[m]] = totals[m];
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
     * Competition ranking by total (1, 2, 2, 4); totals equal to 1e-6 points tie, so that sums taken in a different
     * order still tie. The class is the first band whose rounded-up cut-off the rank reaches.
     */
    private static void rankAndBand(Cohort cohort, int[] members, Result r) {
        int n = members.length;
        int[] cut = new int[cohort.bands().size()];
        String[] labels = new String[cut.length];
        boolean byScore = cohort.bands().stream().anyMatch(b -> b.minScore() != null);
        r.scoreCuts = byScore ? new Double[cut.length] : null;
        for (int b = 0; b < cut.length; b++) {
            cut[b] = byScore ? n : cohort.bands().get(b).cut(n);
            labels[b] = cohort.bands().get(b).klass();
            if (byScore) {
                r.scoreCuts[b] = cohort.bands().get(b).minScore();
            }
        }
        if (n == 0) {
            return;
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (int i : members) {
            min = Math.min(min, r.total[i]);
            max = Math.max(max, r.total[i]);
        }
        long[] scaled = new long[n];
        for (int m = 0; m < n; m++) {
            scaled[m] = Math.round((r.total[members[m]] - min) * 1e6);
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long top = Math.round((max - min) * 1e6);
        if (64 - Long.numberOfLeadingZeros(Math.max(1, top)) + indexBits <= 62) {
            // one primitive sort of (score, position) keys, then a single sweep from the best
            long[] keys = new long[n];
            for (int m = 0; m < n; m++) {
                keys[m] = scaled[m] << indexBits | m;
            }
            Arrays.parallelSort(keys); // deterministic: keys are distinct
            int rank = 0;
            long previous = -1;
            for (int k = n - 1, seen = 1; k >= 0; k--, seen++) {
                long score = keys[k] >>> indexBits;
                if (score != previous) {
                    rank = seen;
                    previous = score;
                }
                assign(r, members[(int) (keys[k] & ((1L << indexBits) - 1))], rank, cut, labels);
            }
        } else {
            long[] asc = scaled.clone();
            Arrays.sort(asc);
            for (int m = 0; m < n; m++) {
                assign(r, members[m], 1 + countGreater(asc, scaled[m]), cut, labels);
            }
        }
    }

    /** Class vetoes after ranking: a forced class replaces the banded one; a capped class never improves on it. */
    private static void applyVetoes(Cohort cohort, EvaluationInput in, int[] members, Result r) {
        for (Scheme.Veto v : cohort.vetoes()) {
            if (v.action() == Scheme.VetoAction.EXCLUDE) {
                continue;
            }
            int band = 0;
            while (!cohort.bands().get(band).klass().equals(v.klass())) {
                band++;
            }
            double[] flag = in.column(v.metric());
            for (int i : members) {
                if (flag[i] > 0 && (v.action() == Scheme.VetoAction.FORCE_CLASS || r.band[i] < band)) {
                    r.band[i] = (byte) band;
                    r.klass[i] = v.klass();
                }
            }
        }
    }

    private static void assign(Result r, int i, int rank, int[] cut, String[] labels) {
        r.rank[i] = rank;
        if (r.scoreCuts != null) {
            for (int b = 0; b < labels.length; b++) {
                if (r.scoreCuts[b] == null || r.total[i] >= r.scoreCuts[b] - 1e-9) {
                    r.klass[i] = labels[b];
                    r.band[i] = (byte) b;
                    return;
                }
            }
        }
        for (int b = 0; b < cut.length; b++) {
            if (rank <= cut[b]) {
                r.klass[i] = labels[b];
                r.band[i] = (byte) b;
                return;
            }
        }
    }

    /** How many values in an ascending array are strictly greater than v. */
    static int countGreater(long[] ascending, long v) {
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

}
