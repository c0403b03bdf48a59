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

    @ParameterizedTest(name = "{0}, {1} 万元 -> {2}")
    @CsvSource({
            "3612, 2000, true",      // industry
            "5179, 2000, true",      // wholesale
            "5179, 1999, false",
            "5261, 500, true",       // retail
            "5261, 499.99, false",
            "6210, 200, true",       // catering
            "6513, 2000, true",      // software
            "6513, 1999, false",
            "7519, 1000, true",      // technical services
            "7519, 999, false",
            "8111, 500, true",       // repair
            "7010, 1, true",         // real-estate development: any activity
            "7040, 1000, true",      // real-estate leasing
            "6610, 1000000, false",  // banking: no such threshold
            "4710, 100000, false"})  // construction: decided by qualification
    void aboveScaleBySector(String code, BigDecimal revenue, boolean expected) {
        assertThat(AboveScale.isAboveScale(code, revenue)).isEqualTo(expected);
    }
}
