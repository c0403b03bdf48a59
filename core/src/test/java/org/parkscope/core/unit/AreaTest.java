package org.parkscope.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaTest {

    @Test
    void muRoundTripsAtTwoDecimals() {
        Area a = Area.mu(new BigDecimal("157"));
        assertThat(a.toMu().setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("157.00");
        assertThat(a.squareMetres().scale()).isLessThanOrEqualTo(Area.MU_SCALE);
    }

    @Test
    void twoThousandSquareMetresIsExactlyThreeMu() {
        assertThat(Area.squareMetres(new BigDecimal("2000")).toMu()).isEqualByComparingTo("3");
        assertThat(Area.squareMetres(2000.0).in(AreaUnit.MU)).isEqualByComparingTo("3");
    }

    @Test
    void oneHectareIsExactlyFifteenMu() {
        Area ha = Area.hectares(BigDecimal.ONE);
        assertThat(ha.squareMetres()).isEqualByComparingTo("10000");
        assertThat(ha.toMu()).isEqualByComparingTo("15");
        assertThat(ha.toHectares()).isEqualByComparingTo("1");
    }

    @Test
    void squareMetresToMuIsExactForAwkwardValues() {
        // 1 m² = 0.0015 亩 and 0.001 m² = 0.0000015 亩: terminating decimals, no rounding involved.
        assertThat(Area.squareMetres(BigDecimal.ONE).toMu()).isEqualTo(new BigDecimal("0.0015"));
        BigDecimal odd = new BigDecimal("12345.678");
        BigDecimal mu = Area.squareMetres(odd).toMu();
        assertThat(mu.multiply(BigDecimal.valueOf(2000))).isEqualByComparingTo(odd.multiply(BigDecimal.valueOf(3)));
    }

    @Test
    void muConversionRoundsSquareMetresToSixDecimals() {
        assertThat(Area.mu(BigDecimal.ONE).squareMetres()).isEqualTo(new BigDecimal("666.666667"));
    }

    @Test
    void negativeRejectedWithBilingualMessage() {
        assertThatThrownBy(() -> Area.squareMetres(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("负数").hasMessageContaining("negative");
        assertThatThrownBy(() -> Area.mu(new BigDecimal("-0.5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Area.squareMetres(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Area(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void plusAndEqualityIgnoreScale() {
        Area sum = Area.squareMetres(new BigDecimal("1000.50")).plus(Area.squareMetres(999.5));
        assertThat(sum).isEqualTo(Area.squareMetres(new BigDecimal("2000")));
        assertThat(Area.of(new BigDecimal("0.2"), AreaUnit.HECTARE)).isEqualTo(Area.of(new BigDecimal("3"),
                AreaUnit.MU));
    }

    @Test
    void hotPathDoubleConversionAgreesWithExactOne() {
        for (double m2 : new double[] {0, 1, 666.67, 2000, 104666.666667, 1e7}) {
            assertThat(Area.muOf(m2)).isCloseTo(Area.squareMetres(m2).toMu().doubleValue(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @ParameterizedTest
    @CsvSource({"m2,SQUARE_METRE", "M2,SQUARE_METRE", "m²,SQUARE_METRE", "㎡,SQUARE_METRE", "平方米,SQUARE_METRE",
            "平米,SQUARE_METRE", "mu,MU", "' 亩 ',MU", "ha,HECTARE", "Hectare,HECTARE", "公顷,HECTARE"})
    void parsesUnitSpellings(String text, AreaUnit expected) {
        assertThat(AreaUnit.parse(text)).contains(expected);
    }

    @Test
    void unknownUnitIsEmpty() {
        assertThat(AreaUnit.parse("acre")).isEmpty();
        assertThat(AreaUnit.parse(null)).isEmpty();
    }
}
