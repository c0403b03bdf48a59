package org.parkscope.core.validate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The domain limits, one table for every way a value enters the platform (forms, imports, the API). Each {@link Kind}
 * says what a value of that kind may be; {@code check} answers with the first {@link Violation}, or empty.
 *
 * <p>The second half of the table bounds whole files as they come in (size, rows, columns, line length, the text of a
 * cell, decimals as typed); its checks answer the message code of the limit broken, taking the limit as argument {0}.
 *
 * <p>Numbers are parsed strictly by {@link #parse}: digits with an optional sign and decimal point, nothing else, so
 * {@code 1,2,3} is refused instead of being read as 123.
 */
public final class Limits {

    /** Earliest and latest plausible date of any record (registrations, contracts, certificates, figures). */
    public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
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
        /** a figure of any metric (money, energy, electricity, emissions, staff): below its numeric(20,4) column's bound */
        FIGURE("0", "1000000000000000", 4),
        /** a count of people, firms, days */
        COUNT("0", "10000000", 0),
        /** a percentage, 0–100 with two decimals */
        PERCENT("0", "100", 2),
        /** a calendar year */
        YEAR("1900", "2099", 0),
        /** a number of years (obligation offsets and periods) */
        YEARS("0", "99", 0),
        /** a page number in a list */
        PAGE("0", "1000000", 0),
        /** a floor of a building (basements negative) */
        FLOOR("-10", "300", 0),
        /** floor load in kN/m² (numeric(6,1)) */
        FLOOR_LOAD("0", "10000", 1),
        /** clear height in m (numeric(5,2)) */
        CLEAR_HEIGHT("0", "500", 2),
        /** rent in 元/m²/day (numeric(8,2)) */
        RENT("0", "100000", 2);

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

    // ---- Whole files and cells as they come in (imports) -------------------------------------------------------

    /** Largest file accepted for import (bytes). */
    public static final long MAX_FILE_BYTES = 100L << 20;
    /** Largest uncompressed part of an .xlsx (bytes): a zip bomb stops here. */
    public static final long MAX_UNCOMPRESSED_BYTES = 1L << 30;
    /** Smallest compressed/uncompressed ratio of an .xlsx part: below it the part is treated as a zip bomb. */
    public static final double MIN_INFLATE_RATIO = 0.01;
    /** Most data rows in one file. */
    public static final int MAX_ROWS = 2_000_000;
    /** Most columns in one row. */
    public static final int MAX_COLUMNS = 1_000;
    /** Longest row of a CSV file (characters). */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Longest text in one cell: the longest free text of the table. */
    public static final int MAX_TEXT_LENGTH = Kind.TEXT.maxLength();
    /** Most decimal places of a number as typed, before a unit conversion (元 → 万元 adds four). */
    public static final int MAX_SCALE = 6;
    /** Most digits a number may have before or after its decimal point (a bound on parsing work). */
    public static final int MAX_NUMBER_DIGITS = 30;
    /** Largest area (m²). */
    public static final BigDecimal MAX_AREA_M2 = Kind.AREA_M2.max();
    /** Largest figure (amounts, quantities, targets) in its canonical unit. */
    public static final BigDecimal MAX_FIGURE = Kind.FIGURE.max();
    /** Largest whole number (floors, years, counts) a file may give. */
    public static final BigDecimal MAX_WHOLE = new BigDecimal("1E9");
    /** Largest floor load (kN/m²). */
    public static final BigDecimal MAX_FLOOR_LOAD = Kind.FLOOR_LOAD.max();
    /** Largest clear height (m). */
    public static final BigDecimal MAX_CLEAR_HEIGHT = Kind.CLEAR_HEIGHT.max();
    /** Largest rent (元/m²/day). */
    public static final BigDecimal MAX_RENT = Kind.RENT.max();
    /** Dates outside these years are refused. */
    public static final int MIN_YEAR = Kind.YEAR.min().intValueExact();
    public static final int MAX_YEAR = Kind.YEAR.max().intValueExact();

    /** "limit.text" for text longer than {@link #MAX_TEXT_LENGTH}. */
    public static Optional<String> checkText(String text) {
        return text != null && text.length() > MAX_TEXT_LENGTH ? Optional.of("limit.text") : Optional.empty();
    }

    /**
     * "limit.scale" for more than {@link #MAX_SCALE} decimal places, "limit.magnitude" for a value whose absolute value
     * exceeds {@code max}.
     */
    public static Optional<String> checkDecimal(BigDecimal value, BigDecimal max) {
        Optional<String> scale = checkScale(value);
        if (scale.isPresent()) {
            return scale;
        }
        return value.abs().compareTo(max) > 0 ? Optional.of("limit.magnitude") : Optional.empty();
    }

    /** "limit.scale" for more than {@link #MAX_SCALE} decimal places. */
    public static Optional<String> checkScale(BigDecimal value) {
        return value.stripTrailingZeros().scale() > MAX_SCALE ? Optional.of("limit.scale") : Optional.empty();
    }

    /** "limit.minimum" for a value below {@code min} (a column's own lower bound). */
    public static Optional<String> checkMinimum(BigDecimal value, BigDecimal min) {
        return value.compareTo(min) < 0 ? Optional.of("limit.minimum") : Optional.empty();
    }

    /** "limit.year" for a year outside {@link #MIN_YEAR}–{@link #MAX_YEAR}. */
    public static Optional<String> checkYear(int year) {
        return year < MIN_YEAR || year > MAX_YEAR ? Optional.of("limit.year") : Optional.empty();
    }

    /** "limit.columns" for a row of more than {@link #MAX_COLUMNS} cells. */
    public static Optional<String> checkColumns(int columns) {
        return columns > MAX_COLUMNS ? Optional.of("limit.columns") : Optional.empty();
    }

    /** "limit.rows" past {@link #MAX_ROWS} rows. */
    public static Optional<String> checkRows(int rows) {
        return rows > MAX_ROWS ? Optional.of("limit.rows") : Optional.empty();
    }

    /** "limit.line" for a row longer than {@link #MAX_LINE_CHARS} characters. */
    public static Optional<String> checkLine(int chars) {
        return chars > MAX_LINE_CHARS ? Optional.of("limit.line") : Optional.empty();
    }

    /** "limit.fileSize" for a file larger than {@link #MAX_FILE_BYTES}. */
    public static Optional<String> checkFileSize(long bytes) {
        return bytes > MAX_FILE_BYTES ? Optional.of("limit.fileSize") : Optional.empty();
    }
}
