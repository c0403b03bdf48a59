package org.parkscope.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.parkscope.core.unit.Area;

/** Display helpers for areas stored in m². */
public final class Areas {

    private Areas() {}

    /** m² → 亩, exact (m² × 3 / 2000). */
    public static BigDecimal mu(BigDecimal squareMetres) {
        return new Area(squareMetres).toMu();
    }

    /** m² → 亩 rounded to two decimals for display. */
    public static BigDecimal muDisplay(BigDecimal squareMetres) {
        return mu(squareMetres).setScale(2, RoundingMode.HALF_UP);
    }
}
