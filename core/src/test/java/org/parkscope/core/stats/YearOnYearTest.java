package org.parkscope.core.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class YearOnYearTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void changeIsASignedPercentageOfThePreviousYear() {
        assertThat(YearOnYear.of(d("110"), d("100")).percent()).contains(d("10.0"));
        assertThat(YearOnYear.of(d("90"), d("100")).percent()).contains(d("-10.0"));
        assertThat(YearOnYear.of(d("1"), d("3")).percent()).contains(d("-66.7"));
        assertThat(YearOnYear.of(d("100"), d("100")).percent()).contains(d("0.0"));
    }

    @Test
    void aNegativePreviousFigureStillGivesTheDirectionOfTheChange() {
        assertThat(YearOnYear.of(d("-50"), d("-100")).percent()).contains(d("50.0"));
    }

    @Test
    void noPriorFigureNoChange() {
        assertThat(YearOnYear.of(d("10"), null).percent()).isEmpty();
        assertThat(YearOnYear.of(null, d("10")).percent()).isEmpty();
        assertThat(YearOnYear.of(d("10"), BigDecimal.ZERO).percent()).isEmpty();
        assertThat(YearOnYear.of(d("10"), null).percentOrNull()).isNull();
    }

    @Test
    void sharesChangeInPoints() {
        assertThat(YearOnYear.of(d("80.25"), d("78.5")).points()).contains(d("1.8"));
        assertThat(YearOnYear.of(d("80"), BigDecimal.ZERO).points()).contains(d("80.0"));
        assertThat(YearOnYear.of(null, d("1")).points()).isEmpty();
    }
}
