package org.parkscope.core.validate;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The limits of input, in one table. Each check answers the message code of the limit a value breaks (a key of the
 * application's message files, taking the limit as argument {0}), or nothing when the value is within bounds.
 */
public final class Limits {

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
    /** Longest text in one cell or field (characters). */
    public static final int MAX_TEXT_LENGTH = 4_000;
    /** Most decimal places of a number. */
    public static final int MAX_SCALE = 6;
    /** Most digits before, or after, the decimal point of any number read: beyond, it is refused before arithmetic. */
    public static final int MAX_NUMBER_DIGITS = 30;
    /** Largest area (m²): 10 000 km². */
    public static final BigDecimal MAX_AREA_M2 = new BigDecimal("1E10");
    /** Largest figure (amounts, quantities, targets) in its canonical unit. */
    public static final BigDecimal MAX_FIGURE = new BigDecimal("1E15");
    /** Largest whole number (floors, years, counts). */
    public static final BigDecimal MAX_WHOLE = new BigDecimal("1E9");
    /** Largest floor load (kN/m²). */
    public static final BigDecimal MAX_FLOOR_LOAD = new BigDecimal("1E4");
    /** Largest clear height (m). */
    public static final BigDecimal MAX_CLEAR_HEIGHT = new BigDecimal("500");
    /** Largest rent (元/m²/day). */
    public static final BigDecimal MAX_RENT = new BigDecimal("1E5");
    /** Dates outside these years are refused. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;

    private Limits() {}

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
