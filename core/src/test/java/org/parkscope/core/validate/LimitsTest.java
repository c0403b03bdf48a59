package org.parkscope.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parkscope.core.validate.Limits.Kind;

class LimitsTest {

    @Test
    void numbersAreParsedStrictly() {
        assertThat(Limits.parse(" 12.50 ")).contains(new BigDecimal("12.50"));
        assertThat(Limits.parse("-3")).contains(new BigDecimal("-3"));
        assertThat(Limits.parse("1,2,3")).isEmpty();
        assertThat(Limits.parse("1e-10")).isEmpty();
        assertThat(Limits.parse("12 万元")).isEmpty();
        assertThat(Limits.parse("")).isEmpty();
        assertThat(Limits.parse("1\u00002")).isEmpty();
    }

    @Test
    void areasKeepTheirRangeAndTwoDecimals() {
        assertThat(Limits.check(Kind.AREA_M2, new BigDecimal("1200.5"))).isEmpty();
        assertThat(Limits.check(Kind.AREA_M2, new BigDecimal("1E-10")).map(Violation::code)).contains("limit.number.min");
        assertThat(Limits.check(Kind.AREA_M2, new BigDecimal("0.015")).map(Violation::code)).contains("limit.number.scale");
        assertThat(Limits.check(Kind.AREA_M2, new BigDecimal("1E308")).map(Violation::code)).contains("limit.number.max");
        assertThat(Limits.check(Kind.AREA_M2, new BigDecimal("1E12")).orElseThrow().args()).containsExactly("1000000000");
        assertThat(Limits.check(Kind.AREA_M2, "1,2,3").map(Violation::code)).contains("limit.number.format");
    }

    @Test
    void textsKeepTheirLengthAndNoControlCharacters() {
        assertThat(Limits.check(Kind.NAME, "上海移远通信技术股份有限公司")).isEmpty();
        assertThat(Limits.check(Kind.NAME, "x".repeat(201)).orElseThrow().args()).containsExactly(200);
        assertThat(Limits.check(Kind.NAME, "a\u0000b").map(Violation::code)).contains("limit.text.control");
        assertThat(Limits.check(Kind.NAME, "a\nb").map(Violation::code)).contains("limit.text.control");
        assertThat(Limits.check(Kind.TEXT, "line one\nline two\tend")).isEmpty();
        assertThat(Limits.check(Kind.NAME, "𠀀".repeat(200))).as("counted in characters, not UTF-16 units").isEmpty();
    }

    @Test
    void datesInRangeAndInOrder() {
        assertThat(Limits.check(LocalDate.of(2024, 3, 14))).isEmpty();
        assertThat(Limits.check(LocalDate.of(1800, 1, 1)).map(Violation::code)).contains("limit.date.range");
        assertThat(Limits.check(LocalDate.of(9999, 1, 1))).isPresent();
        assertThat(Limits.order(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 1)).map(Violation::code))
                .contains("limit.date.order");
        assertThat(Limits.order(LocalDate.of(2024, 1, 1), null)).isEmpty();
    }

    @Test
    void percentagesCountsAndYears() {
        assertThat(Limits.check(Kind.PERCENT, new BigDecimal("100.01"))).isPresent();
        assertThat(Limits.check(Kind.COUNT, new BigDecimal("2.5")).map(Violation::code)).contains("limit.number.scale");
        assertThat(Limits.check(Kind.YEAR, 2024)).isEmpty();
        assertThat(Limits.check(Kind.YEAR, 99999)).isPresent();
        assertThat(Limits.check(Kind.MONEY_WAN, new BigDecimal("-1"))).isPresent();
    }
}
