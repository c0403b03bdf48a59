package org.parkscope.evaluation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parkscope.shared.UserMessage;

/**
 * The keys a scheme file may use at each level, so that a misspelt key ({@code cpa:} for {@code cap:}) is an error
 * naming its place and the nearest known key, not a rule silently left out.
 */
final class SchemeKeys {

    static final Set<String> ROOT = Set.of("id", "region", "year", "source", "assumptions", "effective", "attribution",
            "banding", "checks", "cohorts", "policies");
    static final Set<String> EFFECTIVE = Set.of("from", "to");
    static final Set<String> BANDING = Set.of("rounding", "ties");
    static final Set<String> COHORT = Set.of("code", "name", "members", "indicators", "bands", "adjustments", "vetoes",
            "groups", "unrated", "banding", "caps");
    static final Set<String> CAPS = Set.of("adjustments", "total");
    static final Set<String> RANGE = Set.of("min", "max");
    static final Set<String> MEMBERS = Set.of("above_scale", "min_land_mu", "min_revenue", "min_leased_m2");
    static final Set<String> INDICATOR = Set.of("code", "name", "numerator", "denominator", "family", "weight",
            "missing", "factor", "benchmark", "k", "cap", "cap_of_weight", "floor", "year");
    static final Set<String> BAND = Set.of("class", "up_to", "up_to_count", "min_score");
    static final Set<String> ADJUSTMENT = Set.of("code", "name", "metric", "first", "each", "limit");
    static final Set<String> VETO = Set.of("code", "name", "metric", "action", "class");
    static final Set<String> GROUP = Set.of("code", "name", "industries");
    static final Set<String> UNRATED = Set.of("class", "managed_as", "industries", "flags");
    static final Set<String> POLICY = Set.of("class", "metric", "name", "unit", "amounts", "group");

    /** Keys of these levels that must be numbers when given. */
    private static final Set<String> NUMBERS = Set.of("min_land_mu", "min_revenue", "min_leased_m2", "factor",
            "benchmark", "k", "cap", "floor", "weight", "up_to", "up_to_count", "min_score", "first", "each", "limit", "cap_of_weight", "min", "max");

    private SchemeKeys() {}

    /** Reports every key of {@code m} not in {@code known}, with the nearest known key, and non-numbers given as numbers. */
    static void check(Map<?, ?> m, String at, Set<String> known, List<UserMessage> problems) {
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String key = String.valueOf(e.getKey());
            String where = at.isEmpty() ? key : at + "." + key;
            if (!known.contains(key)) {
                String nearest = nearest(key, known);
                problems.add(nearest == null ? UserMessage.of("scheme.unknownKey", where, known.stream().sorted().toList())
                        : UserMessage.of("scheme.unknownKeyNear", where, nearest));
            } else if (NUMBERS.contains(key) && e.getValue() != null && !(e.getValue() instanceof Number)) {
                problems.add(UserMessage.of("scheme.number", where));
            }
        }
    }

    /** The known key within a third of the key's length of edits (at least 2), the closest first; none if none is. */
    static String nearest(String key, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known.stream().sorted().toList()) {
            int d = distance(key, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? best : null;
    }

    /** Edit distance with adjacent transpositions (cpa → cap is one edit). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
