package org.parkscope.core.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A non-negative area, stored canonically in square metres so that 亩均 indicators never accumulate conversion
 * error.
 *
 * <p>Conversions: 1 亩 = 2000/3 m² and 1 ha = 10 000 m². From m² to 亩 ({@code × 3 / 2000}) and to hectares the
 * result is always a terminating decimal, so {@link #toMu()} and {@link #toHectares()} are exact. The other way,
 * 亩 → m² ({@code × 2000 / 3}) usually does not terminate: {@link #mu(BigDecimal)} rounds the m² value to
 * {@value #MU_SCALE} decimals, HALF_EVEN. Round for display only at the edges.
 *
 * <p>The stored value is normalised (trailing zeros stripped, scale at least 0), so equal areas are {@code equals}
 * regardless of how they were written.
 *
 * @param squareMetres area in m², not {@code null}, not negative
 */
public record Area(BigDecimal squareMetres) {

    /** Decimals of m² kept when converting from 亩. */
    public static final int MU_SCALE = 6;

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal TWO_THOUSAND = BigDecimal.valueOf(2000);

    public Area {
        Objects.requireNonNull(squareMetres, "面积不能为空 / area must not be null");
        if (squareMetres.signum() < 0) {
            throw new IllegalArgumentException("面积不能为负数：" + squareMetres.toPlainString()
                    + " / area must not be negative: " + squareMetres.toPlainString());
        }
        BigDecimal stripped = squareMetres.stripTrailingZeros();
        squareMetres = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** An area given in any unit; 亩 is converted as described for {@link #mu(BigDecimal)}. */
    public static Area of(BigDecimal value, AreaUnit unit) {
        Objects.requireNonNull(value, "面积不能为空 / area must not be null");
        Objects.requireNonNull(unit, "面积单位不能为空 / area unit must not be null");
        return switch (unit) {
            case SQUARE_METRE -> new Area(value);
            case MU -> mu(value);
            case HECTARE -> hectares(value);
        };
    }

    /** An area in m². The double is converted via its shortest decimal representation. */
    public static Area squareMetres(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("面积必须是有限数值 / area must be a finite number: " + value);
        }
        return new Area(BigDecimal.valueOf(value));
    }

    /** An area in m². */
    public static Area squareMetres(BigDecimal value) {
        return new Area(value);
    }

    /** An area in 亩; the m² value is {@code mu × 2000 / 3} rounded to {@value #MU_SCALE} decimals, HALF_EVEN. */
    public static Area mu(BigDecimal mu) {
        Objects.requireNonNull(mu, "面积不能为空 / area must not be null");
        return new Area(mu.multiply(TWO_THOUSAND).divide(THREE, MU_SCALE, RoundingMode.HALF_EVEN));
    }

    /** An area in hectares (exact). */
    public static Area hectares(BigDecimal hectares) {
        Objects.requireNonNull(hectares, "面积不能为空 / area must not be null");
        return new Area(hectares.movePointRight(4));
    }

    /** The area in 亩, exactly ({@code m² × 3 / 2000}). */
    public BigDecimal toMu() {
        return squareMetres.multiply(THREE).movePointLeft(3).divide(TWO);
    }

    /** The area in hectares, exactly. */
    public BigDecimal toHectares() {
        return squareMetres.movePointLeft(4);
    }

    /** The area expressed in the given unit, exactly. */
    public BigDecimal in(AreaUnit unit) {
        return switch (Objects.requireNonNull(unit, "unit")) {
            case SQUARE_METRE -> squareMetres;
            case MU -> toMu();
            case HECTARE -> toHectares();
        };
    }

    /** Sum of two areas. */
    public Area plus(Area other) {
        return new Area(squareMetres.add(other.squareMetres));
    }

    /** Fast 亩 conversion for bulk indicator computation where doubles are acceptable. */
    public static double muOf(double squareMetres) {
        return squareMetres * 3 / 2000;
    }

    /** Fast m² conversion of an area in 亩, where doubles are acceptable (generated data). */
    public static double squareMetresOfMu(double mu) {
        return mu * 2000.0 / 3.0;
    }
}
