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
                        ind.weight(), pts, note, st.basis));
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
                        : b.klass() + ": 名次 ≤ " + b.cut(n, c.banding().rounding()));
            }
            if (unrated != null && unrated[i]) {
                groupNote = "不定等级（" + c.unrated().klass() + "），按 " + c.unrated().managedAs() + " 类管理，不参与排名"
                        + " / unrated (" + c.unrated().klass() + "), managed as " + c.unrated().managedAs()
                        + ", not ranked";
            }
            String capped = cappedNote(c.caps(), items, adjusted, total[i]);
            if (capped != null) {
                groupNote = groupNote == null ? capped : groupNote + "；" + capped;
            }
            return new Explanation(input.ids[i], input.names[i], c.code(), c.name(), items, adjusted, vetoes, total[i],
                    rank[i], n, klass[i], cutoffs, groupNote);
        }
    }

    /** What the cohort's caps took off a firm's items or total, in words; null when they took nothing. */
    private static String cappedNote(Scheme.Caps caps, List<Explanation.Item> items, List<Explanation.Adjusted> adjusted,
            double total) {
        if (!caps.any()) {
            return null;
        }
        double itemSum = 0;
        for (Explanation.Adjusted a : adjusted) {
            itemSum += a.points();
        }
        List<String> notes = new ArrayList<>();
        double kept = caps.adjustments(itemSum);
        if (Math.abs(kept - itemSum) > 1e-9) {
            notes.add("加减分合计 " + fmt(itemSum) + " 按 " + fmt(kept) + " 计 / bonus and penalty items "
                    + fmt(itemSum) + " counted as " + fmt(kept));
        }
        double uncapped = kept;
        for (Explanation.Item it : items) {
            uncapped += it.points() == it.points() ? it.points() : 0;
        }
        if ((caps.totalMin() != null || caps.totalMax() != null) && Math.abs(uncapped - total) > 1e-6) {
            notes.add("总分 " + fmt(uncapped) + " 按 " + fmt(total) + " 计 / total " + fmt(uncapped) + " counted as "
                    + fmt(total));
        }
        return notes.isEmpty() ? null : String.join("；", notes);
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 100) / 100.0).stripTrailingZeros().toPlainString();
    }

    /**
     * Sums are taken over this many fixed chunks of a cohort, merged in a fixed order, so results never depend on the
     * number of threads; whether the chunks run in parallel is decided by the machine ({@link #PARALLEL}).
     */
    private static final int CHUNKS = 8;

    /** Below this many members a cohort is scored on one thread: forking costs more than it saves. */
    private static final int PARALLEL_FROM = 1 << 15;

    private static final boolean PARALLEL = Runtime.getRuntime().availableProcessors() > 1;

    private static java.util.stream.IntStream chunks(int size) {
        java.util.stream.IntStream s = java.util.stream.IntStream.range(0, CHUNKS);
        return PARALLEL && size >= PARALLEL_FROM ? s.parallel() : s;
    }

    private static int chunkStart(int size, int c) {
        return (int) ((long) size * c / CHUNKS);
    }

    /** What an indicator's points depend on besides the enterprise's own value, per cohort. */
    static final class Stats {
        double reference = Double.NaN;
        double min;
        double max;
        int present;
        double fill;          // points for a missing value: 0, or the cohort's average
        double[] sorted;      // present values, ascending (RANK only)
        String basis;         // where the reference comes from when it is another year's, else null
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

    public Result run(Scheme scheme, EvaluationInput input) {
        Result r = new Result(scheme, input);
        java.util.Map<Integer, int[][]> references = new java.util.HashMap<>();
        for (int year : scheme.referenceYears()) {
            EvaluationInput data = input.references.get(year);
            if (data == null) {
                throw new IllegalArgumentException("基准值取 " + year + " 年度本组数据，但数据中没有 " + year + " 年度的数据 / the"
                        + " benchmarks use the cohort of " + year + ", but the data have no figures for " + year);
            }
            references.put(year, referenceCohorts(scheme, data));
        }
        for (int c = 0; c < scheme.cohorts().size(); c++) {
            Cohort cohort = scheme.cohorts().get(c);
            int[] members = members(cohort, input, r);
            for (int m = 0; m < members.length; m++) {
                r.cohort[members[m]] = c;
            }
            CohortColumns cc = new CohortColumns(members, cohort.indicators().size());
            r.columns[c] = cc;
            score(scheme, c, input, cc, r, references);
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

    /**
     * The cohorts of another year's data, for benchmarks taken from them: each enterprise in the first cohort whose
     * membership rules (scale, land, revenue, leased floor space) it meets in that year. Vetoes and unrated rules are
     * not applied: they decide ranking, not who makes up a cohort's average.
     */
    private static int[][] referenceCohorts(Scheme scheme, EvaluationInput in) {
        int[] of = new int[in.size()];
        Arrays.fill(of, -1);
        int[][] out = new int[scheme.cohorts().size()][];
        for (int c = 0; c < out.length; c++) {
            Scheme.Membership ms = scheme.cohorts().get(c).membership();
            double[] revenue = ms.minRevenue() == null ? null : in.column("REVENUE");
            double[] leased = ms.minLeasedM2() == null ? null : in.column("LEASED_M2");
            int[] members = new int[in.size()];
            int m = 0;
            for (int i = 0; i < in.size(); i++) {
                if (of[i] < 0 && belongs(ms, in, i, revenue, leased)) {
                    of[i] = c;
                    members[m++] = i;
                }
            }
            out[c] = Arrays.copyOf(members, m);
        }
        return out;
    }

    private static boolean belongs(Scheme.Membership ms, EvaluationInput in, int i, double[] revenue, double[] leased) {
        Boolean above = ms.aboveScale();
        boolean scale = revenue == null ? above == null || in.aboveScale[i] == above
                : (revenue[i] >= ms.minRevenue()) == (above == null || above);
        return scale && in.landMu[i] > 0
                && (in.landMu[i] >= ms.minLandMu() || leased != null && leased[i] >= ms.minLeasedM2());
    }

    private static int[] members(Cohort cohort, EvaluationInput in, Result r) {
        int[] out = new int[in.size()];
        int m = 0;
        Scheme.Membership ms = cohort.membership();
        double[] revenue = ms.minRevenue() == null ? null : in.column("REVENUE");
        double[] leased = ms.minLeasedM2() == null ? null : in.column("LEASED_M2");
        for (int i = 0; i < in.size(); i++) {
            if (r.cohort[i] >= 0) {
                continue; // the first cohort that takes an enterprise keeps it
            }
            if (belongs(ms, in, i, revenue, leased)) {
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

    /**
     * Indicator points and totals of a cohort. Statistics first, for the indicators whose reference comes from the
     * cohort (mean, median, min–max, rank, best); then one fused pass computes every member's points and total, item
     * by item in scheme order — the same additions in the same order as scoring column by column, so the same bits.
     * A member missing an item scored at the cohort's average waits for that average and is totalled last.
     */
    private static void score(Scheme scheme, int cohortIndex, EvaluationInput in, CohortColumns cc, Result r,
            java.util.Map<Integer, int[][]> references) {
        Cohort cohort = scheme.cohorts().get(cohortIndex);
        int[] members = cc.members;
        int size = members.length;
        Indicator[] inds = cohort.indicators().toArray(new Indicator[0]);
        int k = inds.length;
        double[] factor = new double[k];
        double[][] num = new double[k][];
        double[][] den = new double[k][];
        boolean[] simple = new boolean[k];
        double[] scale = new double[k];
        double[] cap = new double[k];
        boolean[] deferred = new boolean[k];
        Stats[] stats = cc.stats;
        for (int j = 0; j < k; j++) {
            Indicator ind = inds[j];
            factor[j] = ind.factor();
            num[j] = in.column(ind.numerator());
            den[j] = in.column(ind.denominator());
            stats[j] = new Stats();
            int year = scheme.benchmarkYear(ind);
            if (year != scheme.year()) {
                EvaluationInput data = in.references.get(year);
                int[] then = references.get(year)[cohortIndex];
                cohortStats(ind, then, data.column(ind.numerator()), data.column(ind.denominator()), stats[j]);
                stats[j].basis = referenceBasis(ind, year, stats[j].present);
            } else if (ind.family() != Family.BENCHMARK_RATIO) {
                cohortStats(ind, members, num[j], den[j], stats[j]);
            } else {
                stats[j].reference = ind.benchmark();
            }
            simple[j] = (ind.family() == Family.BENCHMARK_RATIO || ind.family() == Family.COHORT_MEAN_RATIO
                    || ind.family() == Family.COHORT_MEDIAN_RATIO) && ind.floor() == null;
            scale[j] = ind.weight() / stats[j].reference;
            cap[j] = ind.cap() == null ? Double.POSITIVE_INFINITY : ind.cap();
            deferred[j] = ind.missing() == Missing.COHORT_AVERAGE;
        }
        Scheme.Adjustment[] adjustments = cohort.adjustments().toArray(new Scheme.Adjustment[0]);
        Scheme.Caps caps = cohort.caps();
        double[][] counts = new double[adjustments.length][];
        for (int a = 0; a < adjustments.length; a++) {
            counts[a] = in.column(adjustments[a].metric());
        }
        double[] total = r.total;
        int[][] present = new int[CHUNKS][k];
        double[][] sums = new double[CHUNKS][k];
        boolean[] waiting = new boolean[size];
        boolean[] anyWaiting = new boolean[CHUNKS];
        chunks(size).forEach(c -> {
            int[] cnt = present[c];
            double[] ps = sums[c];
            boolean wait = false;
            for (int m = chunkStart(size, c), to = chunkStart(size, c + 1); m < to; m++) {
                int i = members[m];
                double t = 0;
                for (int j = 0; j < k; j++) {
                    double v = value(num[j][i], den[j][i], factor[j]);
                    if (v != v) {
                        if (deferred[j]) {
                            waiting[m] = true;
                        }
                        continue; // 0 points, or the average once known
                    }
                    cnt[j]++;
                    double p = simple[j] ? Math.min(v * scale[j], cap[j]) : pointsFor(inds[j], stats[j], v);
                    ps[j] += p;
                    if (p == p) {
                        t += p;
                    } else {
                        waiting[m] = true; // no reference (e.g. a zero mean): treated as missing
                    }
                }
                total[i] = finish(caps, t, adjustments, counts, i);
                wait |= waiting[m];
            }
            anyWaiting[c] = wait;
        });
        for (int j = 0; j < k; j++) {
            int n = 0;
            double pointsSum = 0;
            for (int c = 0; c < CHUNKS; c++) {
                n += present[c][j];
                pointsSum += sums[c][j];
            }
            if (inds[j].family() == Family.BENCHMARK_RATIO) {
                stats[j].present = n;
            }
            stats[j].fill = deferred[j] && n > 0 ? pointsSum / n : 0;
        }
        for (int c = 0; c < CHUNKS; c++) {
            if (!anyWaiting[c]) {
                continue;
            }
            for (int m = chunkStart(size, c), to = chunkStart(size, c + 1); m < to; m++) {
                if (!waiting[m]) {
                    continue;
                }
                int i = members[m];
                double t = 0;
                for (int j = 0; j < k; j++) {
                    double v = value(num[j][i], den[j][i], factor[j]);
                    double p = v != v ? Double.NaN
                            : simple[j] ? Math.min(v * scale[j], cap[j]) : pointsFor(inds[j], stats[j], v);
                    t += p == p ? p : stats[j].fill;
                }
                total[i] = finish(caps, t, adjustments, counts, i);
            }
        }
    }

    /**
     * A firm's total from its indicators' points and its bonus and penalty items, within the cohort's caps (without
     * caps, summed in the order the items come, as always).
     */
    private static double finish(Scheme.Caps caps, double indicatorPoints, Scheme.Adjustment[] adjustments,
            double[][] counts, int i) {
        if (!caps.any()) {
            double t = indicatorPoints;
            for (int a = 0; a < adjustments.length; a++) {
                t += adjustments[a].points(counts[a][i]);
            }
            return t;
        }
        double adjusted = 0;
        for (int a = 0; a < adjustments.length; a++) {
            adjusted += adjustments[a].points(counts[a][i]);
        }
        return caps.total(indicatorPoints + caps.adjustments(adjusted));
    }

    private static String referenceBasis(Indicator ind, int year, int firms) {
        String k = java.math.BigDecimal.valueOf(ind.benchmark()).stripTrailingZeros().toPlainString();
        boolean mean = ind.family() == Family.COHORT_MEAN_RATIO;
        return "基准值 = " + k + " × " + year + " 年度本组" + (mean ? "平均值" : "中位数") + "（" + firms + " 家有数据）/ benchmark = "
                + k + " × the cohort's " + (mean ? "mean" : "median") + " of " + year + " (" + firms + " firms with data)";
    }

    /** Count, sum, min and max of an indicator's values over the cohort (fixed chunks), its sorted values where needed. */
    private static void cohortStats(Indicator ind, int[] members, double[] num, double[] den, Stats st) {
        int size = members.length;
        double factor = ind.factor();
        double[][] part = new double[CHUNKS][4];
        chunks(size).forEach(c -> {
            double cnt = 0, sm = 0, mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
            for (int m = chunkStart(size, c), to = chunkStart(size, c + 1); m < to; m++) {
                int i = members[m];
                double v = value(num[i], den[i], factor);
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
            for (int i : members) {
                double v = value(num[i], den[i], factor);
                if (v == v) {
                    sorted[q++] = v;
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
            cut[b] = byScore ? n : cohort.bands().get(b).cut(n, cohort.banding().rounding());
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
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long top = Math.round((max - min) * 1e6);
        int scoreBits = 64 - Long.numberOfLeadingZeros(Math.max(1, top));
        if (scoreBits + indexBits <= 62) {
            // (score, position) keys in position order, sorted stably on the score bits only: the order of one sort of
            // the whole keys, in a few linear passes; then one sweep from the best, ranks kept by position
            long[] keys = new long[n];
            for (int m = 0; m < n; m++) {
                keys[m] = Math.round((r.total[members[m]] - min) * 1e6) << indexBits | m;
            }
            radixSort(keys, indexBits, scoreBits);
            int[] rankOf = new int[n];
            int mask = (int) ((1L << indexBits) - 1);
            int rank = 0;
            long previous = -1;
            for (int k = n - 1, seen = 1; k >= 0; k--, seen++) {
                long score = keys[k] >>> indexBits;
                if (score != previous) {
                    rank = seen;
                    previous = score;
                }
                rankOf[(int) keys[k] & mask] = rank;
            }
            assignAll(r, members, rankOf, cut, labels, cohort.banding().ties());
        } else {
            long[] scaled = new long[n];
            for (int m = 0; m < n; m++) {
                scaled[m] = Math.round((r.total[members[m]] - min) * 1e6);
            }
            long[] asc = scaled.clone();
            Arrays.sort(asc);
            int[] rankOf = new int[n];
            for (int m = 0; m < n; m++) {
                rankOf[m] = 1 + countGreater(asc, scaled[m]);
            }
            assignAll(r, members, rankOf, cut, labels, cohort.banding().ties());
        }
    }

    /**
     * Sorts {@code keys} ascending by their bits {@code from} to {@code from + bits}, keeping the order of equal ones
     * (least-significant-digit radix sort, skipping digits that all keys share).
     */
    static void radixSort(long[] keys, int from, int bits) {
        int n = keys.length;
        if (n == 0) {
            return;
        }
        int passes = Math.max(1, (bits + 10) / 11);
        int width = (bits + passes - 1) / passes;
        int radix = 1 << width;
        int digitMask = radix - 1;
        int[][] counts = new int[passes][radix];
        for (long key : keys) {
            long s = key >>> from;
            for (int p = 0; p < passes; p++) {
                counts[p][(int) (s >>> (p * width)) & digitMask]++;
            }
        }
        long[] src = keys;
        long[] dst = new long[n];
        for (int p = 0; p < passes; p++) {
            int shift = from + p * width;
            int[] count = counts[p];
            if (count[(int) (src[0] >>> shift) & digitMask] == n) {
                continue; // every key has this digit
            }
            int[] offset = new int[radix];
            for (int d = 1; d < radix; d++) {
                offset[d] = offset[d - 1] + count[d - 1];
            }
            for (int k = 0; k < n; k++) {
                long key = src[k];
                dst[offset[(int) (key >>> shift) & digitMask]++] = key;
            }
            long[] t = src;
            src = dst;
            dst = t;
        }
        if (src != keys) {
            System.arraycopy(src, 0, keys, 0, n);
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

    /**
     * Ranks and classes of a cohort's members from their competition ranks. Firms tied across a cut-off all take the
     * better class ({@link Scheme.Ties#BETTER}: banded at their shared rank) or all the worse one (banded at the last
     * position of the tie).
     */
    private static void assignAll(Result r, int[] members, int[] rankOf, int[] cut, String[] labels, Scheme.Ties ties) {
        int n = members.length;
        int[] tied = new int[n + 1];
        if (ties == Scheme.Ties.WORSE) {
            for (int rank : rankOf) {
                tied[rank]++;
            }
        }
        for (int m = 0; m < n; m++) {
            int rank = rankOf[m];
            assign(r, members[m], rank, ties == Scheme.Ties.WORSE ? rank + tied[rank] - 1 : rank, cut, labels);
        }
    }

    private static void assign(Result r, int i, int rank, int bandRank, int[] cut, String[] labels) {
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
            if (bandRank <= cut[b]) {
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
