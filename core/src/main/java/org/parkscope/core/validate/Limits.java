package org.parkscope.core.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domain limits, one table for every way a value enters the platform (forms, imports, the API). Each {@link Kind}
 * says what a value of that kind may be; {@code check} answers with the first {@link Violation}, or empty.
 *
 * <p>Numbers are parsed strictly by {@link #parse}: digits with an optional sign and decimal point, nothing else, so
 * {@code 1,2,3} is refused instead of being read as 123.
 */
public final class Limits {

    /** Earliest and latest plausible date of any record (registrations, contracts, certificates, figures). */
    public static final LocalDate FIRST_DAY = LocalDate.of(1949, 10, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** What a value of each kind may be. Text kinds bound the length in characters; number kinds bound value and scale. */
    public enum Kind {
        /** names of parks, enterprises, chains, interventions, people */
        NAME(200),
        /** codes and numbers: certificate, contract, credit code, usernames */
        CODE(64),
        /** one-line free text: address, positioning, tags, levels, reasons */
        LINE(500),
        /** multi-line free text: descriptions, objections, YAML definitions */
        TEXT(20_000),
        /** a whole document typed or pasted into a form: chain and cluster definitions (YAML) */
        DOCUMENT(500_000),
        /** an area in m² (parcel, floor, lease): at least 0.01 m², below 1 000 km², two decimals */
        AREA_M2("0.01", "1000000000", 2),
        /** money in 万元 (tax, revenue, output, targets): up to 10¹² 万元, four decimals */
        MONEY_WAN("0", "1000000000000", 4),
        /** a figure of any metric (money, energy, electricity, emissions, staff): as its database column */
        FIGURE("0", "10000000000000000", 4),
        /** a count of people, firms, days */
        COUNT("0", "10000000", 0),
        /** a percentage, 0–100 with two decimals */
        PERCENT("0", "100", 2),
        /** a calendar year */
        YEAR("1949", "2099", 0),
        /** a number of years (obligation offsets and periods) */
        YEARS("0", "99", 0),
        /** a page number in a list */
        PAGE("0", "1000000", 0),
        /** a floor of a building (basements negative) */
        FLOOR("-10", "300", 0),
        /** per-square-metre technical data: floor load kN/m², clear height m, rent 元/m²/day */
        MEASURE("0", "100000", 2);

        private final int maxLength;
        private final BigDecimal min;
        private final BigDecimal max;
        private final int scale;

        Kind(int maxLength) {
            this.maxLength = maxLength;
            this.min = null;
            this.max = null;
            this.scale = 0;
        }

        Kind(String min, String max, int scale) {
            this.maxLength = 0;
            this.min = new BigDecimal(min);
            this.max = new BigDecimal(max);
            this.scale = scale;
        }

        public boolean isText() {
            return min == null;
        }

        public int maxLength() {
            return maxLength;
        }

        public BigDecimal min() {
            return min;
        }

        public BigDecimal max() {
            return max;
        }

        public int scale() {
            return scale;
        }
    }

    private Limits() {}

    /** A text value: not longer than its kind allows, and free of control characters (tab and line breaks only in TEXT). */
    public static Optional<Violation> check(Kind kind, String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!kind.isText()) {
            return parse(value).map(n -> check(kind, n)).orElseGet(() -> Optional.of(Violation.of("limit.number.format")));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(lineBreak && (kind == Kind.TEXT || kind == Kind.DOCUMENT))) {
                return Optional.of(Violation.of("limit.text.control"));
            }
        }
        int length = value.codePointCount(0, value.length());
        return length > kind.maxLength ? Optional.of(Violation.of("limit.text.length", kind.maxLength))
                : Optional.empty();
    }

    /** A number: within its kind's range and with no more decimals than it keeps. */
    public static Optional<Violation> check(Kind kind, BigDecimal value) {
        if (value == null) {
            return Optional.empty();
        }
        if (kind.isText()) {
            throw new IllegalArgumentException(kind + " is not a number kind");
        }
        if (value.compareTo(kind.min) < 0) {
            return Optional.of(Violation.of("limit.number.min", kind.min.toPlainString()));
        }
        if (value.compareTo(kind.max) > 0) {
            return Optional.of(Violation.of("limit.number.max", kind.max.toPlainString()));
        }
        if (value.stripTrailingZeros().scale() > kind.scale) {
            return Optional.of(Violation.of("limit.number.scale", kind.scale));
        }
        return Optional.empty();
    }

    /** A whole number (ids excluded: they are keys, not values). */
    public static Optional<Violation> check(Kind kind, long value) {
        return check(kind, BigDecimal.valueOf(value));
    }

    /** A date between {@link #FIRST_DAY} and {@link #LAST_DAY}. */
    public static Optional<Violation> check(LocalDate value) {
        if (value == null || (!value.isBefore(FIRST_DAY) && !value.isAfter(LAST_DAY))) {
            return Optional.empty();
        }
        return Optional.of(Violation.of("limit.date.range", FIRST_DAY.toString(), LAST_DAY.toString()));
    }

    /** Two dates in order: {@code start} not after {@code end} (either may be missing). */
    public static Optional<Violation> order(LocalDate start, LocalDate end) {
        if (start == null || end == null || !start.isAfter(end)) {
            return Optional.empty();
        }
        return Optional.of(Violation.of("limit.date.order", start.toString(), end.toString()));
    }

    /**
     * A number as typed: optional sign, digits, optional decimal point and digits; surrounding blanks are ignored.
     * Grouping commas, exponents, units and anything else make it no number. Empty for a blank or malformed value.
     */
    public static Optional<BigDecimal> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip();
        if (s.length() > 40 || !DECIMAL.matcher(s).matches()) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s));
    }
}
