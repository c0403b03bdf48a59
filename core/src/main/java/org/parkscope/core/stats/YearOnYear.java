package org.parkscope.core.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * 同比: a yearly figure against the same figure of the year before. The change is a signed percentage of the previous
 * year's figure, rounded to one decimal; there is none when there is nothing to compare with (either year has no
 * figure, or the previous one is zero). A figure that is itself a percentage (a share) changes in percentage points
 * instead: {@link #points()}.
 *
 * @param current  this year's figure, or null when it has none
 * @param previous the previous year's figure, or null when it has none
 */
public record YearOnYear(BigDecimal current, BigDecimal previous) {

    /** The figures of two years; either may be null. */
    public static YearOnYear of(BigDecimal current, BigDecimal previous) {
        return new YearOnYear(current, previous);
    }

    /** The change in percent of the previous year's figure, or empty when there is no prior figure to compare with. */
    public Optional<BigDecimal> percent() {
        if (current == null || previous == null || previous.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(current.subtract(previous).multiply(BigDecimal.valueOf(100))
                .divide(previous.abs(), 1, RoundingMode.HALF_UP));
    }

    /** The difference of two shares in percentage points (one decimal), or empty when either year has none. */
    public Optional<BigDecimal> points() {
        if (current == null || previous == null) {
            return Optional.empty();
        }
        return Optional.of(current.subtract(previous).setScale(1, RoundingMode.HALF_UP));
    }

    /** Plain getters for templates: the percentage, or null when there is none. */
    public BigDecimal percentOrNull() {
        return percent().orElse(null);
    }

    public BigDecimal pointsOrNull() {
        return points().orElse(null);
    }
}
