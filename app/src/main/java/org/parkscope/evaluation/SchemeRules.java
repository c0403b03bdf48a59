package org.parkscope.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.evaluation.PublicationChecks;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.UserMessage;

/** The small mappings of a scheme file that set rules: a cohort's banding and caps, the pre-publication checks. */
final class SchemeRules {

    private SchemeRules() {}

    /**
     * A {@code banding: {rounding: ceil|floor|nearest|rank_share, ties: better|worse}} mapping (either key may be left
     * out), over the banding it refines: the scheme's for a cohort, the default (ceil, better) for the scheme.
     */
    static Scheme.Banding banding(@Nullable Object node, String at, Scheme.Banding over,
            List<UserMessage> problems) {
        if (node == null) {
            return over;
        }
        if (!(node instanceof Map<?, ?> m)) {
            problems.add(UserMessage.of("scheme.mapping", at));
            return over;
        }
        SchemeKeys.check(m, at, SchemeKeys.BANDING, problems);
        Scheme.Rounding rounding = oneOf(m.get("rounding"), at + ".rounding", Scheme.Rounding.class, over.rounding(),
                problems);
        Scheme.Ties ties = oneOf(m.get("ties"), at + ".ties", Scheme.Ties.class, over.ties(), problems);
        return new Scheme.Banding(rounding, ties);
    }

    /** A cohort's {@code caps: {adjustments: {min, max}, total: {min, max}}} (any part may be left out). */
    static Scheme.Caps caps(@Nullable Object node, String at, List<UserMessage> problems) {
        if (node == null) {
            return Scheme.Caps.NONE;
        }
        if (!(node instanceof Map<?, ?> m)) {
            problems.add(UserMessage.of("scheme.mapping", at));
            return Scheme.Caps.NONE;
        }
        SchemeKeys.check(m, at, SchemeKeys.CAPS, problems);
        Double[] adjustments = range(m.get("adjustments"), at + ".adjustments", problems);
        Double[] total = range(m.get("total"), at + ".total", problems);
        return new Scheme.Caps(adjustments[0], adjustments[1], total[0], total[1]);
    }

    private static Double[] range(@Nullable Object node, String at, List<UserMessage> problems) {
        if (!(node instanceof Map<?, ?> m)) {
            if (node != null) {
                problems.add(UserMessage.of("scheme.mapping", at));
            }
            return new Double[2];
        }
        SchemeKeys.check(m, at, SchemeKeys.RANGE, problems);
        Double min = m.get("min") instanceof Number n ? n.doubleValue() : null;
        Double max = m.get("max") instanceof Number n ? n.doubleValue() : null;
        if (min != null && max != null && min > max) {
            problems.add(UserMessage.of("scheme.rangeOrder", at));
        }
        return new Double[] {min, max};
    }

    private static <E extends Enum<E>> E oneOf(@Nullable Object value, String at, Class<E> type, E otherwise,
            List<UserMessage> problems) {
        if (value == null) {
            return otherwise;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(String.valueOf(value))) {
                return e;
            }
        }
        problems.add(UserMessage.of("scheme.oneOf", at, String.valueOf(value), java.util.Arrays.stream(
                type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList().toString()));
        return otherwise;
    }

    /**
     * The optional {@code checks: {min_land_mu, benchmark_multiple, missing_share, leave_one_out}} thresholds of the
     * pre-publication checks, each over its default.
     */
    static PublicationChecks.Thresholds checks(@Nullable Object node, List<UserMessage> problems) {
        PublicationChecks.Thresholds d = PublicationChecks.Thresholds.DEFAULT;
        if (node == null) {
            return d;
        }
        if (!(node instanceof Map<?, ?> m)) {
            problems.add(UserMessage.of("scheme.mapping", "checks"));
            return d;
        }
        double[] v = {d.minLandMu(), d.benchmarkMultiple(), d.missingShare(), d.leaveOneOut()};
        String[] keys = {"min_land_mu", "benchmark_multiple", "missing_share", "leave_one_out"};
        int before = problems.size();
        SchemeKeys.check(m, "checks", java.util.Set.of(keys), problems);
        for (int k = 0; k < keys.length; k++) {
            Object given = m.get(keys[k]);
            if (given instanceof Number n) {
                v[k] = n.doubleValue();
            } else if (given != null) {
                problems.add(UserMessage.of("scheme.number", "checks." + keys[k]));
            }
        }
        try {
            return problems.size() > before ? d : new PublicationChecks.Thresholds(v[0], v[1], v[2], v[3]);
        } catch (IllegalArgumentException e) {
            problems.add(UserMessage.of("scheme.core", e.getMessage()));
            return d;
        }
    }
}
