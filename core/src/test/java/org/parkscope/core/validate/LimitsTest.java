package org.parkscope.core.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
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

    @Test
    void eachCheckNamesTheLimitItBreaksAndNothingWithinIt() {
        assertThat(Limits.checkText("x".repeat(Limits.MAX_TEXT_LENGTH))).isEmpty();
        assertThat(Limits.checkText("x".repeat(Limits.MAX_TEXT_LENGTH + 1))).contains("limit.text");
        assertThat(Limits.checkDecimal(Limits.MAX_AREA_M2, Limits.MAX_AREA_M2)).isEmpty();
        assertThat(Limits.checkDecimal(new BigDecimal("1.0000000001"), Limits.MAX_AREA_M2)).contains("limit.scale");
        assertThat(Limits.checkDecimal(new BigDecimal("-2E10"), Limits.MAX_AREA_M2)).contains("limit.magnitude");
        assertThat(Limits.checkDecimal(new BigDecimal("1E-10"), Limits.MAX_AREA_M2)).contains("limit.scale");
        assertThat(Limits.checkScale(new BigDecimal("1.500000000"))).isEmpty(); // trailing zeros are no precision
        assertThat(Limits.checkMinimum(new BigDecimal("0.05"), new BigDecimal("0.1"))).contains("limit.minimum");
        assertThat(Limits.checkYear(1899)).contains("limit.year");
        assertThat(Limits.checkYear(2024)).isEmpty();
        assertThat(Limits.checkColumns(Limits.MAX_COLUMNS)).isEmpty();
        assertThat(Limits.checkColumns(100_000)).contains("limit.columns");
        assertThat(Limits.checkLine(Limits.MAX_LINE_CHARS + 1)).contains("limit.line");
        assertThat(Limits.checkRows(Limits.MAX_ROWS + 1)).contains("limit.rows");
        assertThat(Limits.checkFileSize(Limits.MAX_FILE_BYTES)).isEqualTo(Optional.empty());
        assertThat(Limits.checkFileSize(Limits.MAX_FILE_BYTES + 1)).contains("limit.fileSize");
    }

    @Test
    void magnitudesFitTheColumnsThatKeepThem() {
        // numeric(14,2) areas, numeric(20,4) figures, int whole numbers, numeric(6,1)/(5,2)/(8,2) floor space
        assertThat(Limits.MAX_AREA_M2).isLessThan(new BigDecimal("1E12"));
        assertThat(Limits.MAX_FIGURE).isLessThan(new BigDecimal("1E16"));
        assertThat(Limits.MAX_WHOLE).isLessThan(BigDecimal.valueOf(Integer.MAX_VALUE));
        assertThat(Limits.MAX_FLOOR_LOAD).isLessThan(new BigDecimal("1E5"));
        assertThat(Limits.MAX_CLEAR_HEIGHT).isLessThan(new BigDecimal("1E3"));
        assertThat(Limits.MAX_RENT).isLessThan(new BigDecimal("1E6"));
    }
}
