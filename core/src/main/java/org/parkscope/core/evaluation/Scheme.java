package org.parkscope.core.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An evaluation scheme as published by a place for one year: cohorts (规上 / 规下 …), each with its indicators,
 * weights, scoring family and bands. Everything a run needs to be reproduced is in here; nothing is hard-coded in the
 * engine.
 *
 * @param id          stable identifier, e.g. {@code huangyan-2022}
 * @param region      the place that publishes it
 * @param year        the data year it evaluates (a run may choose another one within the effective years)
 * @param source      the document it follows
 * @param assumptions what the scheme file assumes where the source is silent
 * @param effective   the data years it may evaluate (a method in force for several years); {@code year}–{@code year}
 *                    for a scheme of one year
 * @param checks      the thresholds of the checks a run must pass before its 公示 ({@link PublicationChecks})
 */
public record Scheme(String id, String region, int year, String source, List<String> assumptions,
        List<Cohort> cohorts, List<Policy> policies, Effective effective, PublicationChecks.Thresholds checks) {

    public Scheme(String id, String region, int year, String source, List<String> assumptions, List<Cohort> cohorts,
            List<Policy> policies, Effective effective) {
        this(id, region, year, source, assumptions, cohorts, policies, effective, PublicationChecks.Thresholds.DEFAULT);
    }

    public Scheme(String id, String region, int year, String source, List<String> assumptions, List<Cohort> cohorts) {
        this(id, region, year, source, assumptions, cohorts, List.of());
    }

    public Scheme(String id, String region, int year, String source, List<String> assumptions, List<Cohort> cohorts,
            List<Policy> policies) {
        this(id, region, year, source, assumptions, cohorts, policies, new Effective(year, year));
    }

    /** A cohort's name by its code, as a page shows it (the code itself if the scheme has no such cohort). */
    public String cohortName(String code) {
        return cohorts.stream().filter(c -> c.code().equals(code)).map(Cohort::name).findFirst().orElse(code);
    }

    /** Each cohort's name by its code, in the scheme's order (for charts). */
    public java.util.Map<String, String> cohortNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        cohorts.forEach(c -> names.put(c.code(), c.name()));
        return names;
    }

    /** The data years (inclusive) a scheme may evaluate. */
    public record Effective(int from, int to) {
        public Effective {
            if (from > to) {
                throw new IllegalArgumentException("有效年度起始晚于结束（" + from + "–" + to + "）/ effective years start after"
                        + " they end (" + from + "–" + to + ")");
            }
        }

        public boolean covers(int year) {
            return year >= from && year <= to;
        }

        @Override
        public String toString() {
            return from == to ? String.valueOf(from) : from + "–" + to;
        }
    }

    /** A run asked for a data year outside the scheme's effective years. */
    public static final class NotInEffect extends IllegalArgumentException {
        private final String zh;
        private final String en;
        private final String schemeId;
        private final int year;
        private final Effective effective;

        public NotInEffect(String id, int year, Effective effective) {
            this(id, year, effective, "评价方案 " + id + " 适用于 " + effective + " 年度的数据，不能评价 " + year + " 年度",
                    "scheme " + id + " applies to data years " + effective + ", not to " + year);
        }

        private NotInEffect(String id, int year, Effective effective, String zh, String en) {
            super(zh + " / " + en);
            this.zh = zh;
            this.en = en;
            this.schemeId = id;
            this.year = year;
            this.effective = effective;
        }

        public String schemeId() {
            return schemeId;
        }

        /** The data year asked for. */
        public int year() {
            return year;
        }

        public Effective effective() {
            return effective;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }
    }

    /** This scheme evaluating another data year within its effective years. */
    public Scheme forYear(int dataYear) {
        if (!effective.covers(dataYear)) {
            throw new NotInEffect(id, dataYear, effective);
        }
        return dataYear == year ? this
                : new Scheme(id, region, dataYear, source, assumptions, cohorts, policies, effective, checks);
    }

    /**
     * The absolute year an indicator's benchmark is taken from when this scheme evaluates its {@code year}: that year
     * itself, an offset from it ({@code -1}: the year before) or a year named outright.
     */
    public int benchmarkYear(Indicator indicator) {
        Integer y = indicator.benchmarkYear();
        return y == null ? year : y <= 0 ? year + y : y;
    }

    /** The years, other than the one evaluated, whose cohort data the indicators' benchmarks need, ascending. */
    public java.util.SortedSet<Integer> referenceYears() {
        java.util.SortedSet<Integer> out = new java.util.TreeSet<>();
        for (Cohort c : cohorts) {
            for (Indicator i : c.indicators()) {
                if (benchmarkYear(i) != year) {
                    out.add(benchmarkYear(i));
                }
            }
        }
        return out;
    }

    /**
     * A differentiated measure for a class (§1.9), graded by how many consecutive years the enterprise has been in
     * it: {@code amounts[k]} applies in the (k+1)-th consecutive year, the last one from then on — e.g. Shandong's
     * electricity surcharge for class D: 0.05 / 0.10 / 0.15 元/kWh. Instead of a class, an item may name a
     * {@code metric} of the year's data: it applies to every firm with a positive value, which is its amount (a
     * punitive or tiered power price set by the power company, say). Items of the same {@code group} never stack: a
     * firm to which several apply is charged the highest only (Shandong: 不叠加，取最高); see {@link #charged}.
     */
    public record Policy(String klass, String name, String unit, List<Double> amounts, String group, String metric) {
        public Policy {
            amounts = List.copyOf(amounts);
            if ((klass == null) == (metric == null)) {
                throw new IllegalArgumentException("差别化措施 " + name + " 须指定等级或数据项之一 / measure " + name
                        + " needs either a class or a metric");
            }
        }

        public Policy(String klass, String name, String unit, List<Double> amounts) {
            this(klass, name, unit, amounts, null, null);
        }

        /**
         * Which of the items applying to one firm are charged, given their amounts: in each group the highest one
         * (the first of equal ones, in scheme order), and every item that belongs to no group.
         */
        public static boolean[] charged(List<Policy> applying, double[] amounts) {
            boolean[] out = new boolean[applying.size()];
            for (int k = 0; k < out.length; k++) {
                String g = applying.get(k).group();
                out[k] = true;
                if (g == null) {
                    continue;
                }
                for (int o = 0; o < out.length && out[k]; o++) {
                    if (o != k && g.equals(applying.get(o).group())
                            && (amounts[o] > amounts[k] || amounts[o] == amounts[k] && o < k)) {
                        out[k] = false;
                    }
                }
            }
            return out;
        }

        public double amount(int consecutiveYears) {
            if (consecutiveYears <= 0 || amounts.isEmpty()) {
                return 0;
            }
            return amounts.get(Math.min(consecutiveYears, amounts.size()) - 1);
        }
    }

    public Scheme {
        Objects.requireNonNull(id, "id");
        assumptions = List.copyOf(assumptions);
        cohorts = List.copyOf(cohorts);
        policies = List.copyOf(policies);
        Objects.requireNonNull(effective, "effective");
        checks = checks == null ? PublicationChecks.Thresholds.DEFAULT : checks;
        List<String> problems = problems(cohorts);
        if (!effective.covers(year)) {
            problems.add("评价年度 " + year + " 不在有效年度 " + effective + " 内 / year " + year + " lies outside the effective"
                    + " years " + effective);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /**
     * Who belongs to a cohort: 规上 or 规下 (the registry's flag, or a revenue threshold in 万元 instead), and a minimum
     * land area in 亩 — or, where a place also takes firms that lease enough floor space, a minimum leased area in m²
     * (Anhui: ≥ 5 亩 or leasing ≥ 3 000 m²).
     */
    public record Membership(Boolean aboveScale, double minLandMu, Double minRevenue, Double minLeasedM2) {
        public Membership(Boolean aboveScale, double minLandMu) {
            this(aboveScale, minLandMu, null, null);
        }
    }

    public record Cohort(String code, String name, Membership membership, List<Indicator> indicators,
            List<Band> bands, List<Adjustment> adjustments, List<Veto> vetoes, List<Group> groups, Unrated unrated,
            Banding banding, Caps caps) {
        public Cohort {
            banding = banding == null ? Banding.DEFAULT : banding;
            caps = caps == null ? Caps.NONE : caps;
            indicators = List.copyOf(indicators);
            bands = List.copyOf(bands);
            adjustments = List.copyOf(adjustments);
            vetoes = List.copyOf(vetoes);
            groups = List.copyOf(groups);
        }

        public Cohort(String code, String name, Membership membership, List<Indicator> indicators, List<Band> bands,
                List<Adjustment> adjustments, List<Veto> vetoes, List<Group> groups, Unrated unrated) {
            this(code, name, membership, indicators, bands, adjustments, vetoes, groups, unrated, Banding.DEFAULT, Caps.NONE);
        }

        public Cohort(String code, String name, Membership membership, List<Indicator> indicators, List<Band> bands,
                List<Adjustment> adjustments, List<Veto> vetoes, List<Group> groups, Unrated unrated, Banding banding) {
            this(code, name, membership, indicators, bands, adjustments, vetoes, groups, unrated, banding, Caps.NONE);
        }

        public Cohort(String code, String name, Membership membership, List<Indicator> indicators, List<Band> bands,
                List<Adjustment> adjustments, List<Veto> vetoes, List<Group> groups) {
            this(code, name, membership, indicators, bands, adjustments, vetoes, groups, null);
        }

        public Cohort(String code, String name, Membership membership, List<Indicator> indicators, List<Band> bands) {
            this(code, name, membership, indicators, bands, List.of(), List.of(), List.of());
        }

        public Cohort(String code, String name, Membership membership, List<Indicator> indicators, List<Band> bands,
                List<Adjustment> adjustments, List<Veto> vetoes) {
            this(code, name, membership, indicators, bands, adjustments, vetoes, List.of());
        }

        /** The group an industry code falls in: the first whose prefixes match, else the last (the "others"). */
        public int groupOf(String industryCode) {
            for (int g = 0; g < groups.size(); g++) {
                for (String prefix : groups.get(g).industryPrefixes()) {
                    if (industryCode != null && industryCode.startsWith(prefix)) {
                        return g;
                    }
                }
            }
            return groups.size() - 1;
        }
    }

    /**
     * Enterprises that are scored but not ranked (T / 不定等级 / 暂不评价类): utilities by industry prefix, and any flag
     * (e.g. {@code NEW_ENTERPRISE}); they get class {@code klass} and are managed as {@code managedAs}.
     */
    public record Unrated(String klass, String managedAs, List<String> industryPrefixes, List<String> flags) {
        public Unrated {
            industryPrefixes = List.copyOf(industryPrefixes);
            flags = List.copyOf(flags);
        }
    }

    /**
     * An industry group inside a cohort (Wenling ranks within five): enterprises are scored together with the whole
     * cohort but ranked and banded within their group. A group with no prefixes takes everyone the others do not.
     */
    public record Group(String code, String name, List<String> industryPrefixes) {
        public Group {
            industryPrefixes = List.copyOf(industryPrefixes);
        }
    }

    /**
     * Bonus or penalty points from a count in the input (tenants, titles held …): {@code first} for the first unit,
     * {@code each} for every further one, e.g. Wenling's lease rule (规下 landlord: −10, then −5 per tenant). Negative
     * points are penalties. An optional {@code limit} bounds the total of the item in absolute value.
     */
    public record Adjustment(String code, String name, String metric, double first, double each, Double limit) {
        public double points(double count) {
            if (!(count > 0)) {
                return 0;
            }
            double p = first + each * (Math.floor(count) - 1);
            return limit == null ? p : Math.max(-limit, Math.min(limit, p));
        }
    }

    /** What a veto does to an enterprise whose flag ({@code metric} > 0) is set. */
    public enum VetoAction {
        /** the class is set to {@code klass}, whatever the score */
        FORCE_CLASS,
        /** the class is at best {@code klass} */
        CAP_CLASS,
        /** the enterprise is left out of the cohort's ranking */
        EXCLUDE
    }

    /** A veto item (一票否决), e.g. a major safety accident forces class D. */
    public record Veto(String code, String name, String metric, VetoAction action, String klass) {}

    /** How one indicator is scored. */
    public enum Family {
        /** value ÷ benchmark × weight; the benchmark is published (or fixed). */
        BENCHMARK_RATIO,
        /** value ÷ (k × cohort mean) × weight. */
        COHORT_MEAN_RATIO,
        /** value ÷ (k × cohort median) × weight. */
        COHORT_MEDIAN_RATIO,
        /** 20 + 80 × (value − min) ÷ (max − min), scaled by weight ÷ 100; 100 when max = min. */
        MIN_MAX,
        /** best value scores full weight, others in proportion of their rank. */
        RANK,
        /** lower is better: best (lowest) ÷ value × weight. */
        LOWER_IS_BETTER,
        /** the best value in the cohort scores the full weight, others value ÷ best × weight. */
        BEST_EQUALS_FULL
    }

    /** What to do when an enterprise lacks the data for an indicator or its denominator is zero. */
    public enum Missing {
        /** the item scores 0, flagged. */
        ZERO,
        /** the item scores the cohort's average score on it (Huangyan's 2022 rule for emissions). */
        COHORT_AVERAGE
    }

    /**
     * An indicator: numerator ÷ denominator (metrics, or {@code LAND_MU}), times {@code factor}; scored by its family.
     */
    public record Indicator(String code, String name, String numerator, String denominator, double factor,
            double weight, Family family, double benchmark, Missing missing, Double cap, Double floor,
            Integer benchmarkYear) {

        public Indicator(String code, String name, String numerator, String denominator, double factor, double weight,
                Family family, double benchmark, Missing missing, Double cap) {
            this(code, name, numerator, denominator, factor, weight, family, benchmark, missing, cap, null);
        }

        public Indicator(String code, String name, String numerator, String denominator, double factor, double weight,
                Family family, double benchmark, Missing missing, Double cap, Double floor) {
            this(code, name, numerator, denominator, factor, weight, family, benchmark, missing, cap, floor, null);
        }

        public Indicator {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(family, "family");
            if (missing == null) {
                missing = Missing.ZERO;
            }
        }
    }

    /**
     * A class band: the enterprises ranked within {@code upToShare} of the cohort (cumulative, from the top) get
     * {@code klass}; the count at each cut-off is rounded up ({@code ceil(n × share)}), ties take the better class.
     * A quota ({@code upToCount}, cumulative) replaces the share where a place fixes numbers rather than percentages.
     */
    public record Band(String klass, double upToShare, Integer upToCount, Double minScore) {
        public Band(String klass, double upToShare) {
            this(klass, upToShare, null, null);
        }

        public Band(String klass, double upToShare, Integer upToCount) {
            this(klass, upToShare, upToCount, null);
        }

        /** The last rank in this band for a cohort of n, the share rounded up. */
        public int cut(int n) {
            return cut(n, Rounding.CEIL);
        }

        /** The last rank in this band for a cohort of n, the share's count of firms rounded as the scheme says. */
        public int cut(int n, Rounding rounding) {
            return upToCount != null ? Math.min(n, upToCount) : Math.min(n, rounding.firms(n * upToShare));
        }
    }

    /**
     * How a band's share of a cohort becomes a number of firms: "up to 20 %" of 11 firms is 2.2 firms, and published
     * rules differ on what that means.
     */
    public enum Rounding {
        /** Rounded up: 3 firms (at least the share). */
        CEIL,
        /** Rounded down: 2 firms (at most the share). */
        FLOOR,
        /** To the nearest, halves up: 2 firms (2.5 would be 3). */
        NEAREST,
        /** A firm is in the band when its rank ÷ N ≤ the share: ranks 1 and 2 (2 ÷ 11 ≤ 20 % < 3 ÷ 11). */
        RANK_SHARE;

        int firms(double exact) {
            return switch (this) {
                case CEIL -> (int) Math.ceil(exact - 1e-9);
                case FLOOR, RANK_SHARE -> (int) Math.floor(exact + 1e-9);
                case NEAREST -> (int) Math.floor(exact + 0.5 + 1e-9);
            };
        }
    }

    /** Which class firms tied across a band's cut-off take: the better one (all of them) or the worse one. */
    public enum Ties { BETTER, WORSE }

    /**
     * Bounds on a firm's points beyond each indicator's own cap: the sum of its bonus and penalty items (e.g. deductions
     * at most 20 points in all), and its total. {@code null} is no bound.
     */
    public record Caps(Double adjustmentsMin, Double adjustmentsMax, Double totalMin, Double totalMax) {
        public static final Caps NONE = new Caps(null, null, null, null);

        public double adjustments(double sum) {
            return clamp(sum, adjustmentsMin, adjustmentsMax);
        }

        public double total(double sum) {
            return clamp(sum, totalMin, totalMax);
        }

        public boolean any() {
            return adjustmentsMin != null || adjustmentsMax != null || totalMin != null || totalMax != null;
        }

        private static double clamp(double v, Double min, Double max) {
            double out = min != null && v < min ? min : v;
            return max != null && out > max ? max : out;
        }
    }

    /** A cohort's banding rules: the rounding of share cut-offs and the class of firms tied across one. */
    public record Banding(Rounding rounding, Ties ties) {
        public static final Banding DEFAULT = new Banding(Rounding.CEIL, Ties.BETTER);
    }

    private static List<String> problems(List<Cohort> cohorts) {
        List<String> out = new ArrayList<>();
        if (cohorts.isEmpty()) {
            out.add("方案没有任何评价对象组 / the scheme has no cohort");
        }
        for (Cohort c : cohorts) {
            if (c.indicators().isEmpty()) {
                out.add("对象组 " + c.code() + " 没有指标 / cohort " + c.code() + " has no indicator");
            }
            for (Indicator i : c.indicators()) {
                if (i.weight() <= 0) {
                    out.add("指标 " + i.code() + " 的权重须大于 0 / weight of " + i.code() + " must be positive");
                }
                if (i.family() == Family.BENCHMARK_RATIO && !(i.benchmark() > 0)) {
                    out.add("指标 " + i.code() + " 缺少基准值 / " + i.code() + " needs a benchmark");
                }
                if ((i.family() == Family.COHORT_MEAN_RATIO || i.family() == Family.COHORT_MEDIAN_RATIO)
                        && !(i.benchmark() > 0)) {
                    out.add("指标 " + i.code() + " 缺少系数 k / " + i.code() + " needs k");
                }
                if (i.benchmarkYear() != null && i.family() != Family.COHORT_MEAN_RATIO
                        && i.family() != Family.COHORT_MEDIAN_RATIO) {
                    out.add("指标 " + i.code() + " 的基准年度只用于本组平均值或中位数 / the benchmark year of " + i.code()
                            + " applies to a cohort mean or median only");
                }
                if (i.benchmarkYear() != null && i.benchmarkYear() > 0 && i.benchmarkYear() < 1900) {
                    out.add("指标 " + i.code() + " 的基准年度须为 0、负数（相对）或公历年份 / the benchmark year of " + i.code()
                            + " must be 0, negative (relative) or a calendar year");
                }
            }
            for (Veto v : c.vetoes()) {
                if (v.action() != VetoAction.EXCLUDE && c.bands().stream().noneMatch(b -> b.klass().equals(v.klass()))) {
                    out.add("否决项 " + v.code() + " 的等级 " + v.klass() + " 不在分档中 / veto " + v.code()
                            + " names a class the bands do not have");
                }
            }
            double last = 0;
            int lastCount = 0;
            boolean scores = c.bands().stream().anyMatch(b -> b.minScore() != null);
            for (Band b : c.bands()) {
                if (scores) {
                    continue; // absolute cut-offs: checked below
                }
                if (b.upToCount() != null) {
                    if (b.upToCount() <= lastCount) {
                        out.add("对象组 " + c.code() + " 的名额须递增 / quotas of " + c.code() + " must rise");
                    }
                    lastCount = b.upToCount();
                    continue;
                }
                if (b.upToShare() <= last || b.upToShare() > 1) {
                    out.add("对象组 " + c.code() + " 的分档比例须递增且不超过 100% / bands of " + c.code()
                            + " must rise and end at most at 100 %");
                }
                last = b.upToShare();
            }
            if (scores) {
                for (int k = 0; k < c.bands().size(); k++) {
                    boolean lastBand = k == c.bands().size() - 1;
                    if ((c.bands().get(k).minScore() == null) != lastBand
                            || (k > 0 && !lastBand && c.bands().get(k).minScore() >= c.bands().get(k - 1).minScore())) {
                        out.add("对象组 " + c.code() + " 的分数线须递减，最后一档不设分数线 / score cut-offs of " + c.code()
                                + " must fall, the last band having none");
                        break;
                    }
                }
            } else if (!c.bands().isEmpty() && (c.bands().get(c.bands().size() - 1).upToCount() != null || last < 1)) {
                out.add("对象组 " + c.code() + " 的分档须覆盖 100% / bands of " + c.code() + " must reach 100 %");
            }
        }
        return out;
    }
}
