package org.parkscope.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AboveScaleTest {

    @ParameterizedTest(name = "{0}, {1} 万元 -> {2}")
    @CsvSource({
            "3612, 2000, true",
            "C3612, 2500, true",
            "3612, 1999.99, false",
            "0610, 2000, true",    // B: coal mining
            "4411, 10000, true",   // D: thermal power
            "6513, 50000, false",  // I: software, a service
            "5191, 50000, false",  // F: wholesale
            "36, 3000, true",
            "C, 3000, true"})
    void industrialAboveScale(String code, BigDecimal revenue, boolean expected) {
        assertThat(AboveScale.isIndustrialAboveScale(code, revenue)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999", "abc", ""})
    void invalidIndustryCodeIsNotSilentlyFalse(String code) {
        assertThatThrownBy(() -> AboveScale.isIndustrialAboveScale(code, BigDecimal.valueOf(5000)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
