package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.Refusal;

/** Effective years, benchmarks from another year and grouped measures, in scheme files and offline. */
class SchemeYearsTest {

    static final String MULTI_YEAR = """
            id: jx-method
            region: 测试县
            effective: {from: 2022, to: 2024}
            source: 某县亩均评价办法（2022–2024 年适用）
            assumptions: ["测试用"]
            cohorts:
              - code: ALL
                name: 全部
                members: {min_land_mu: 0}
                indicators:
                  - {code: TAX_PER_MU, name: 亩均税收, numerator: TAX, denominator: LAND_MU, weight: 100, family: COHORT_MEAN_RATIO, k: 2, year: -1}
                bands: [{class: A, up_to: 0.5}, {class: B, up_to: 1}]
            policies:
              - {class: B, name: 差别电价加价, unit: 元/千瓦时, amounts: [0.05, 0.10], group: 电价}
              - {metric: POWER_PUNITIVE, name: 惩罚性电价加价, unit: 元/千瓦时, group: 电价}
            """;

    static Scheme parse(String yaml) {
        return EvaluationService.parse(yaml, "test");
    }

    @Test
    void aSchemeFileStatesTheYearsItIsInEffectFor() {
        Scheme s = parse(MULTI_YEAR);
        assertThat(s.effective()).isEqualTo(new Scheme.Effective(2022, 2024));
        assertThat(s.year()).isEqualTo(2024); // no year of its own: the last effective one
        assertThat(s.forYear(2022).referenceYears()).containsExactly(2021);
        assertThatThrownBy(() -> s.forYear(2025)).isInstanceOf(Scheme.NotInEffect.class)
                .hasMessageContaining("不能评价 2025 年度", "not to 2025");
        assertThat(s.policies()).extracting(Scheme.Policy::group).containsExactly("电价", "电价");
        assertThat(s.policies().get(1).metric()).isEqualTo("POWER_PUNITIVE");
        // one file per year keeps working: its effective years are its year
        Scheme huangyan = SchemeFile.classpath("huangyan-2022");
        assertThat(huangyan.effective()).isEqualTo(new Scheme.Effective(2022, 2022));
        assertThat(huangyan.referenceYears()).isEmpty();
        assertThat(SchemeFile.classpath("huaian-2023").referenceYears()).containsExactly(2022);
    }

    @Test
    void mistakesAboutYearsAreReportedWithTheirPlace() {
        assertThat(zh(() -> parse(MULTI_YEAR.replace("effective: {from: 2022, to: 2024}",
                "year: 2021\neffective: {from: 2022, to: 2024}")))).contains("year: 2021 不在有效年度 2022–2024 内");
        assertThat(zh(() -> parse(MULTI_YEAR.replace("to: 2024", "to: 2020"))))
                .contains("effective: 起始年度晚于结束年度");
        assertThat(zh(() -> parse(MULTI_YEAR.replace("year: -1}", "year: last}"))))
                .contains("cohorts[0].indicators[0].year: 须为整数");
        assertThat(zh(() -> parse(MULTI_YEAR.replace("{metric: POWER_PUNITIVE,", "{metric: POWER_PUNITIVE, class: D,"))))
                .contains("policies[1]: 须有 class（按等级）或 metric（按数据项）之一");
        assertThat(zh(() -> parse(MULTI_YEAR.replace("unit: 元/千瓦时, group: 电价}\n",
                "unit: 元/千瓦时, group: 电价, amounts: [0.1]}\n").replace("[0.05, 0.10], group: 电价, amounts: [0.1]}",
                "[0.05, 0.10], group: 电价}")))).contains("policies[1].amounts: 按数据项的措施金额取自数据");
    }

    /** What a refused scheme tells a Chinese reader. */
    static String zh(org.assertj.core.api.ThrowableAssert.ThrowingCallable parse) {
        return ((Refusal) catchThrowable(parse)).text(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void offlineTheSheetCarriesTheBenchmarkYearsRowsInAYearColumn(@TempDir Path dir) throws Exception {
        Path scheme = dir.resolve("jx.yaml");
        Files.writeString(scheme, MULTI_YEAR, StandardCharsets.UTF_8);
        Path data = dir.resolve("data.csv");
        // 2023: A 20/亩, B 10/亩. 2022: P 5/亩, Q 15/亩 — mean 10, benchmark 2 × 10 = 20 per 亩
        Files.writeString(data, """
                统一社会信用代码,企业名称,年度,是否规上,用地面积(亩),税收(万元)
                A,甲,2023,是,10,200
                B,乙,2023,否,10,100
                P,丙,2022,是,4,20
                Q,丁,2022年,否,2,30
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.xlsx");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        EvaluateCli cli = new EvaluateCli();
        cli.console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int code = new picocli.CommandLine(cli).execute("--scheme", scheme.toString(), "--data", data.toString(),
                "--out", out.toString(), "--year", "2023", "--lang", "zh");
        assertThat(code).as(printed.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("2 家企业");
        try (var wb = new XSSFWorkbook(Files.newInputStream(out))) {
            var sheet = wb.getSheet("评价结果");
            assertThat(sheet.getLastRowNum()).isEqualTo(2); // the 2022 rows are not scored
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("A");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(100.0); // 20 ÷ 20 × 100
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(50.0);
            assertThat(wb.getSheet("方案").getRow(2).getCell(0).getStringCellValue()).contains("2023");
        }

        // without the year before in the sheet, or for a year the scheme does not cover: a clear refusal
        printed.reset();
        assertThat(new picocli.CommandLine(cli).execute("--scheme", scheme.toString(), "--data", data.toString(),
                "--out", out.toString(), "--year", "2022")).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("数据中没有 2021 年度的数据");
        printed.reset();
        assertThat(new picocli.CommandLine(cli).execute("--scheme", scheme.toString(), "--data", data.toString(),
                "--out", out.toString(), "--year", "2021")).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("适用于 2022–2024 年度的数据，不能评价 2021 年度");
    }
}
