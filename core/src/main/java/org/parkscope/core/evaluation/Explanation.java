package org.parkscope.core.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Why an enterprise got its result: its cohort, each indicator's inputs, value, reference and points, the total, its
 * rank among how many, the class and the cut-offs.
 */
public record Explanation(String id, String name, String cohort, String cohortName, List<Item> items,
        List<Adjusted> adjustments, List<String> vetoes, double total, int rank, int of, String klass,
        List<String> cutoffs, String note) {

    /** A bonus or penalty item: the count it applies to and its points. */
    public record Adjusted(String code, String name, double count, double points) {}

    /**
     * One indicator's step. {@code basis} says where the reference comes from when it is not the evaluated year's
     * own (e.g. 2 × the cohort's 2022 mean over 180 firms), else null.
     */
    public record Item(String code, String name, Scheme.Family family, double numerator, double denominator,
            double value, double reference, double weight, double points, String note, String basis) {

        public Item(String code, String name, Scheme.Family family, double numerator, double denominator, double value,
                double reference, double weight, double points, String note) {
            this(code, name, family, numerator, denominator, value, reference, weight, points, note, null);
        }

        /** Points rounded half-up to two decimals, as published. */
        public BigDecimal shownPoints() {
            return round2(points);
        }
    }

    public BigDecimal shownTotal() {
        return round2(total);
    }

    public static BigDecimal round2(double v) {
        return Double.isNaN(v) ? null : BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }
}
