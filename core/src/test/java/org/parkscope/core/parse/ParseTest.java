package org.parkscope.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ParseTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1234.5|1234.5", "'1,234.50'|1234.50", "１２３４|1234", "'１，２３４．５'|1234.5", "' 3500 '|3500",
            "(200)|-200", "1.2E+07|12000000", "-0.5|-0.5", "'12 345'|12345"})
    void numbersAsTyped(String raw, BigDecimal expected) {
        assertThat(Numbers.parse(raw).value()).isEqualByComparingTo(expected);
        assertThat(Numbers.parse(raw).ok()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12a", "1.2.3", "--1", "一百", "1,2,3", "12,34", "1,2345", "NaN", "Infinity",
            "-Infinity", "0x10", "1e99999"})
    void notNumbers(String raw) {
        assertThat(Numbers.parse(raw).ok()).isFalse();
        assertThat(Numbers.parse(raw).errors().get(0).messageZh()).contains("不是数字");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e308", "1E+31", "-1e300", "1e-40", "0.0000000000000000000000000000001"})
    void numbersOutOfRangeAreRefusedBeforeAnyArithmetic(String raw) {
        assertThat(Numbers.parse(raw).ok()).isFalse();
        assertThat(Numbers.parse(raw).errors().get(0).code()).isEqualTo("number.range");
    }

    @Test
    void blankIsNoValueAndNoProblem() {
        assertThat(Numbers.parse("  ").value()).isNull();
        assertThat(Numbers.parse("\u3000").ok()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"2024-03-14,2024-03-14", "2024/3/14,2024-03-14", "2024.3.14,2024-03-14", "20240314,2024-03-14",
            "2024年3月14日,2024-03-14", "45365,2024-03-14", "45365.5,2024-03-14", "１９９５－０１－０１,1995-01-01",
            "2024-03-14 00:00:00,2024-03-14", "59,1900-02-28", "61,1900-03-01", "1,1900-01-01"})
    void datesAsTyped(String raw, LocalDate expected) {
        assertThat(Dates.parse(raw).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2024-02-30", "yesterday", "14/03/2024x"})
    void notDates(String raw) {
        assertThat(Dates.parse(raw).ok()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"税收(元),YUAN", "营业收入（万元）,WAN_YUAN", "产值(亿元),YI_YUAN", "千元,THOUSAND_YUAN"})
    void unitsInHeaders(String header, MoneyUnit unit) {
        assertThat(MoneyUnit.find(header)).contains(unit);
    }

    @Test
    void unitConversionIsExact() {
        assertThat(MoneyUnit.YUAN.toWan(new BigDecimal("35000000"))).isEqualByComparingTo("3500");
        assertThat(MoneyUnit.YI_YUAN.toWan(new BigDecimal("50"))).isEqualByComparingTo("500000");
        assertThat(MoneyUnit.find("面积(平方米)")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"元,YUAN", "千元,THOUSAND_YUAN", "万元,WAN_YUAN", "万,WAN_YUAN", "' 亿 ',YI_YUAN", "亿元,YI_YUAN",
            "万　元,WAN_YUAN"})
    void unitCellsNameOneMoneyUnitAsAWhole(String cell, MoneyUnit unit) {
        assertThat(MoneyUnit.parse(cell)).contains(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "元/千瓦时", "税收(元)", "美元", "万千瓦时", "千"})
    void textThatOnlyContainsAMoneyUnitIsNotOne(String cell) {
        assertThat(MoneyUnit.parse(cell)).isEmpty();
    }

    @Test
    void factorsToWanYuan() {
        assertThat(MoneyUnit.YUAN.wanFactor()).isEqualByComparingTo("0.0001");
        assertThat(MoneyUnit.THOUSAND_YUAN.wanFactor()).isEqualByComparingTo("0.1");
        assertThat(MoneyUnit.WAN_YUAN.wanFactor()).isEqualByComparingTo("1");
        assertThat(MoneyUnit.YI_YUAN.wanFactor()).isEqualByComparingTo("10000");
        for (MoneyUnit u : MoneyUnit.values()) {
            assertThat(u.toWan(new BigDecimal("12.5"))).isEqualByComparingTo(new BigDecimal("12.5").multiply(u.wanFactor()));
        }
    }

    @Test
    void textCleaning() {
        assertThat(Text.clean("（上海）ＡＢＣ\u3000")).isEqualTo("(上海)ABC");
        assertThat(Text.clean("\uFEFF统一社会信用代码")).isEqualTo("统一社会信用代码");
        assertThat(Text.headerKey(" 统一社会 信用代码* ")).isEqualTo("统一社会信用代码");
    }
}
