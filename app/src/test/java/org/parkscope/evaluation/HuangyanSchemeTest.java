package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkscope.core.evaluation.Engine;
import org.parkscope.core.evaluation.EvaluationInput;
import org.parkscope.core.evaluation.Explanation;
import org.parkscope.core.evaluation.Scheme;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Example 1 of shared/domain/evaluation.md, reproduced by the shipped Huangyan 2022 scheme. */
class HuangyanSchemeTest {

    @Test
    void example1IsReproducedExactly() {
        Scheme scheme = SchemeFile.classpath("huangyan-2022");
        double nan = Double.NaN;
        EvaluationInput in = new EvaluationInput(new String[] {"up", "down"}, new String[] {"规上企业", "规下企业"},
                new boolean[] {true, false}, new double[] {40, 8})
                .metric("TAX", new double[] {1200, 60})
                .metric("VALUE_ADDED", new double[] {6000, nan})
                .metric("ENERGY", new double[] {2000, nan})
                .metric("EMISSIONS", new double[] {1.5, nan})
                .metric("STAFF", new double[] {300, nan})
                .metric("RD", new double[] {450, nan})
                .metric("REVENUE", new double[] {15000, nan})
                .metric("ELECTRICITY", new double[] {nan, 300}); // 3 000 000 kWh = 300 万千瓦时

        Engine.Result r = new Engine().run(scheme, in);

        Explanation up = r.explain(0);
        assertThat(up.cohort()).isEqualTo("ABOVE");
        Map<String, String> expected = Map.of("TAX_PER_MU", "37.35", "VA_PER_MU", "22.03", "VA_PER_ENERGY", "22.27",
                "VA_PER_EMISSION", "8.11", "LABOUR_PROD", "11.03", "RD_RATIO", "9.93");
        for (Explanation.Item item : up.items()) {
            assertThat(item.shownPoints()).as(item.code()).isEqualByComparingTo(expected.get(item.code()));
        }
        assertThat(up.items()).extracting(Explanation.Item::value).containsExactly(30.0, 150.0, 3.0, 4000.0, 20.0, 0.03);
        assertThat(up.shownTotal()).isEqualByComparingTo("110.73");

        Explanation down = r.explain(1);
        assertThat(down.cohort()).isEqualTo("BELOW");
        assertThat(down.items().get(0).shownPoints()).isEqualByComparingTo("32.35");
        assertThat(down.items().get(1).shownPoints()).isEqualByComparingTo("42.52");
        assertThat(down.shownTotal()).isEqualByComparingTo("74.86");
    }

    @Test
    void theOfflineCommandScoresAWorkbook(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path data = dir.resolve("data.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var os = java.nio.file.Files.newOutputStream(data)) {
            var sheet = wb.createSheet("数据");
            String[][] rows = {
                {"统一社会信用代码", "企业名称", "是否规上", "用地面积(亩)", "税收(万元)", "工业增加值", "综合能耗", "主要污染物排放",
                    "从业人员", "研发费用", "营业收入", "用电量(千瓦时)"},
                {"E1", "规上企业", "是", "40", "1200", "6000", "2000", "1.5", "300", "450", "15000", ""},
                {"E2", "规下企业", "否", "8", "60", "", "", "", "", "", "", "3,000,000"},
                {"E3", "小企业", "否", "2", "10", "", "", "", "", "", "", "100000"}};
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    if (!rows[i][j].isEmpty()) {
                        row.createCell(j).setCellValue(rows[i][j]);
                    }
                }
            }
            wb.write(os);
        }
        java.nio.file.Path out = dir.resolve("result.xlsx");
        EvaluateCli cli = new EvaluateCli();
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        cli.console = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = new picocli.CommandLine(cli).execute("--scheme", "huangyan-2022", "--data", data.toString(),
                "--out", out.toString(), "--lang", "zh");
        assertThat(code).as(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(out))) {
            var sheet = wb.getSheet("评价结果");
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(110.73);
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(74.86);
            assertThat(sheet.getRow(3).getCell(2).getStringCellValue()).isEqualTo("—"); // 2 亩: outside the scope
            assertThat(sheet.getRow(3).getCell(sheet.getRow(0).getLastCellNum() - 1).getStringCellValue())
                    .contains("不在评价范围");
            assertThat(wb.getSheet("方案").getRow(0).getCell(0).getStringCellValue()).contains("huangyan-2022");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("统一社会信用代码");
        }
        // the same workbook for an English reader: its own words in English, the scheme's names as they are
        assertThat(new picocli.CommandLine(cli).execute("--scheme", "huangyan-2022", "--data", data.toString(),
                "--out", out.toString(), "--lang", "en")).isZero();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(out))) {
            assertThat(wb.getSheet("评价结果")).isNull();
            assertThat(wb.getSheet("Results").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Credit code");
            assertThat(wb.getSheet("Results").getRow(1).getCell(3).getNumericCellValue()).isEqualTo(110.73);
            assertThat(wb.getSheet("Scheme").getRow(0).getCell(0).getStringCellValue()).isEqualTo("Scheme: huangyan-2022");
        }
    }

    @Test
    void aBrokenSchemeFileNamesEveryProblemAndWhere() {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: x
                region: 测试
                year: 2023
                source: test
                cohorts:
                  - code: A
                    name: a
                    indicators:
                      - {code: T, name: t, numerator: TAXX, denominator: LAND_MU, weight: 10, family: BENCHMARK_RATIO}
                      - {code: U, name: u, numerator: TAX, denominator: LAND_MU, weight: 10, family: SOMETHING}
                """);
        assertThatThrownBy(() -> SchemeFile.parse(yaml, "x.yaml"))
                .hasMessageContaining("cohorts[0].indicators[0]").hasMessageContaining("TAXX")
                .hasMessageContaining("cohorts[0].indicators[1].family");
    }

    @Test
    void capsOnIndicatorsItemsAndTotalAreReadFromYaml() {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: caps
                region: 测试
                year: 2023
                source: test
                cohorts:
                  - code: A
                    name: a
                    caps: {adjustments: {min: -20}, total: {min: 0, max: 120}}
                    indicators:
                      - {code: T, name: t, numerator: TAX, denominator: LAND_MU, weight: 40, family: BENCHMARK_RATIO, benchmark: 1, cap_of_weight: 1.5}
                    bands: [{class: A, up_to: 1.0}]
                """);
        Scheme.Cohort c = SchemeFile.parse(yaml, "caps.yaml").cohorts().get(0);
        assertThat(c.indicators().get(0).cap()).isEqualTo(60.0);
        assertThat(c.caps()).isEqualTo(new Scheme.Caps(-20.0, null, 0.0, 120.0));
        Object bad = new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: caps
                region: 测试
                year: 2023
                source: test
                cohorts:
                  - code: A
                    name: a
                    caps: {total: {min: 100, max: 20}}
                    indicators:
                      - {code: T, name: t, numerator: TAX, denominator: LAND_MU, weight: 40, family: BENCHMARK_RATIO, benchmark: 1, cap: 50, cap_of_weight: 1.5}
                    bands: [{class: A, up_to: 1.0}]
                """);
        assertThatThrownBy(() -> SchemeFile.parse(bad, "bad.yaml")).hasMessageContaining("cohorts[0].caps.total")
                .hasMessageContaining("cohorts[0].indicators[0]");
    }

    @Test
    void aMisspeltKeyIsAnErrorNamingTheNearestKnownOne() {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: strict
                region: 测试
                year: 2023
                sourse: test
                cohorts:
                  - code: A
                    name: a
                    members: {min_land_muu: 3}
                    indicators:
                      - {code: T, name: t, numerator: TAX, denominator: LAND_MU, weight: 10, family: BENCHMARK_RATIO, benchmark: 1, cpa: 15}
                      - {code: U, name: u, numerator: TAX, denominator: LAND_MU, weight: 10, family: BENCHMARK_RATIO, benchmark: 1, cap: 1.5x}
                    bands: [{class: A, up_to: 1.0, colour: red}]
                """);
        assertThatThrownBy(() -> SchemeFile.parse(yaml, "strict.yaml")).satisfies(e -> {
            String zh = ((SchemeFile.Invalid) e).inBothLanguages();
            assertThat(zh).contains("sourse: 未知的键，是否应为“source”？")
                    .contains("cohorts[0].members.min_land_muu: unknown key; did you mean \"min_land_mu\"?")
                    .contains("cohorts[0].indicators[0].cpa: 未知的键，是否应为“cap”？")
                    .contains("cohorts[0].indicators[1].cap: 须是数字")
                    .contains("cohorts[0].bands[0].colour: unknown key (known: [class, min_score, up_to, up_to_count])");
        });
        for (String shipped : SchemeCatalogue.shipped()) {
            assertThat(SchemeFile.classpath(shipped)).as("%s loads under the strict loader", shipped).isNotNull();
        }
    }

    @Test
    void bandingRulesAreReadFromTheSchemeAndEachCohort() {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: banding
                region: 测试
                year: 2023
                source: test
                banding: {rounding: rank_share}
                cohorts:
                  - code: A
                    name: a
                    indicators:
                      - {code: T, name: t, numerator: TAX, denominator: LAND_MU, weight: 10, family: BENCHMARK_RATIO, benchmark: 1}
                    bands: [{class: A, up_to: 0.2}, {class: B, up_to: 1.0}]
                  - code: B
                    name: b
                    banding: {rounding: nearest, ties: worse}
                    indicators:
                      - {code: T, name: t, numerator: TAX, denominator: LAND_MU, weight: 10, family: BENCHMARK_RATIO, benchmark: 1}
                    bands: [{class: A, up_to: 0.2}, {class: B, up_to: 1.0}]
                  - code: C
                    name: c
                    indicators:
                      - {code: T, name: t, numerator: TAX, denominator: LAND_MU, weight: 10, family: BENCHMARK_RATIO, benchmark: 1}
                    bands: [{class: A, up_to: 0.2}, {class: B, up_to: 1.0}]
                """);
        Scheme s = SchemeFile.parse(yaml, "b.yaml");
        assertThat(s.cohorts().get(0).banding()).isEqualTo(new Scheme.Banding(Scheme.Rounding.RANK_SHARE, Scheme.Ties.BETTER));
        assertThat(s.cohorts().get(1).banding()).isEqualTo(new Scheme.Banding(Scheme.Rounding.NEAREST, Scheme.Ties.WORSE));
        assertThat(s.cohorts().get(2).banding().rounding()).isEqualTo(Scheme.Rounding.RANK_SHARE);
        assertThat(SchemeFile.classpath("huangyan-2022").cohorts()).allSatisfy(c ->
                assertThat(c.banding()).as("a scheme that says nothing keeps rounding up").isEqualTo(Scheme.Banding.DEFAULT));
        Object bad = new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: banding
                region: 测试
                year: 2023
                source: test
                cohorts:
                  - code: A
                    name: a
                    banding: {rounding: round, ties: worst}
                    indicators:
                      - {code: T, name: t, numerator: TAX, denominator: LAND_MU, weight: 10, family: BENCHMARK_RATIO, benchmark: 1}
                    bands: [{class: A, up_to: 1.0}]
                """);
        assertThatThrownBy(() -> SchemeFile.parse(bad, "bad.yaml"))
                .hasMessageContaining("cohorts[0].banding.rounding").hasMessageContaining("rank_share")
                .hasMessageContaining("cohorts[0].banding.ties").hasMessageContaining("worse");
    }

    @Test
    void industryGroupsAdjustmentsAndVetoesAreReadFromYaml() {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: wenling-like
                region: 测试
                year: 2022
                source: test
                cohorts:
                  - code: BELOW
                    name: 规下
                    members: {above_scale: false}
                    indicators:
                      - {code: T, name: 亩均税收, numerator: TAX, denominator: LAND_MU, weight: 100, family: MIN_MAX}
                    adjustments:
                      - {code: LEASE, name: 厂房出租扣分, metric: TENANTS_BELOW, first: -10, each: -5}
                    vetoes:
                      - {code: SAFETY, name: 重大安全事故, metric: SAFETY_ACCIDENT, action: FORCE_CLASS, class: D}
                    groups:
                      - {code: TEX, name: 纺织鞋帽橡塑, industries: ["17", "18", "19", "29"]}
                      - {code: OTHER, name: 其他}
                    bands: [{class: A, up_to: 0.05}, {class: B, up_to: 0.75}, {class: C, up_to: 0.95}, {class: D, up_to: 1}]
                """);
        Scheme s = SchemeFile.parse(yaml, "w.yaml");
        Scheme.Cohort c = s.cohorts().get(0);
        assertThat(c.adjustments()).singleElement().satisfies(a -> assertThat(a.points(3)).isEqualTo(-20));
        assertThat(c.vetoes()).singleElement().satisfies(v -> assertThat(v.action()).isEqualTo(Scheme.VetoAction.FORCE_CLASS));
        assertThat(c.groupOf("2929")).isZero();
        assertThat(c.groupOf("6513")).isEqualTo(1);

        Object bad = new Yaml(new SafeConstructor(new LoaderOptions())).load("""
                id: x
                region: x
                year: 2022
                source: x
                cohorts:
                  - code: C
                    name: c
                    indicators:
                      - {code: T, name: t, numerator: TAX, denominator: LAND_MU, weight: 1, family: MIN_MAX}
                    adjustments:
                      - {code: L, name: l, metric: PROFIT, first: 1}
                    groups:
                      - {code: G, name: g, industries: ["17"]}
                """);
        assertThatThrownBy(() -> SchemeFile.parse(bad, "x.yaml")).hasMessageContaining("PROFIT")
                .hasMessageContaining("groups");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"huangyan-2021", "huangyan-2022", "sijing-demo-2023",
        "huaian-2023", "anhui-zone-2023", "linhai-2016", "shandong-2022", "shandong-2023"})
    void everyShippedSchemeLoadsAndStatesItsAssumptions(String name) {
        Scheme s = SchemeFile.classpath(name);
        assertThat(s.id()).isEqualTo(name);
        assertThat(s.assumptions()).isNotEmpty();
        assertThat(s.cohorts()).allSatisfy(c -> assertThat(c.bands()).isNotEmpty());
    }

    @Test
    void aNewLocalityIsAFileNotCode(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path scheme = dir.resolve("wujin-draft.yaml");
        java.nio.file.Files.writeString(scheme, """
                id: wujin-draft
                region: 江苏省常州市武进区
                year: 2023
                source: 武进区工业企业资源集约利用综合评价办法（征求意见稿）(R26)
                assumptions: ["计分方式未读到：按 指标值 ÷ 本组最优值（RANK 以外）——此处用 MIN_MAX。"]
                cohorts:
                  - code: ABOVE
                    name: 规上一般工业企业
                    members: {above_scale: true}
                    indicators:
                      - {code: TAX_MU, name: 亩均实缴税收, numerator: TAX, denominator: LAND_MU, weight: 40, family: MIN_MAX}
                      - {code: REV_MU, name: 亩均开票销售, numerator: REVENUE, denominator: LAND_MU, weight: 20, family: MIN_MAX}
                      - {code: TAX_ENERGY, name: 单位能耗税收, numerator: TAX, denominator: ENERGY, weight: 10, family: MIN_MAX}
                      - {code: TAX_EM, name: 单位主要污染物税收, numerator: TAX, denominator: EMISSIONS, weight: 10, family: MIN_MAX}
                      - {code: LP, name: 全员劳动生产率, numerator: VALUE_ADDED, denominator: STAFF, weight: 10, family: MIN_MAX}
                      - {code: RD, name: 研发经费占销售比重, numerator: RD, denominator: REVENUE, weight: 10, family: MIN_MAX}
                    bands: [{class: A, up_to: 0.5}, {class: B, up_to: 1}]
                """, java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path data = dir.resolve("data.csv");
        java.nio.file.Files.writeString(data, """
                统一社会信用代码,企业名称,是否规上,用地面积(平方米),税收(万元),营业收入,综合能耗,主要污染物排放,工业增加值,从业人员,研发费用
                A,甲,是,6666.67,100,1000,50,1,300,30,40
                B,乙,是,13333.33,100,3000,80,2,500,60,60
                """, java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path out = dir.resolve("out.xlsx");
        EvaluateCli cli = new EvaluateCli();
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        cli.console = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        int code = new picocli.CommandLine(cli).execute("--scheme", scheme.toString(), "--data", data.toString(),
                "--out", out.toString(), "--lang", "zh");
        assertThat(code).as(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).isZero();
        assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("wujin-draft", "A=1", "B=1");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(java.nio.file.Files.newInputStream(out))) {
            var sheet = wb.getSheet("评价结果");
            // A: 10 亩 and 100 tax (10/亩) beats B: 20 亩 (5/亩) on tax per mu, loses elsewhere; all scores in 20–100 × w
            double a = sheet.getRow(1).getCell(3).getNumericCellValue();
            double b = sheet.getRow(2).getCell(3).getNumericCellValue();
            assertThat(a + b).isGreaterThan(0);
            assertThat(a).isNotEqualTo(b);
        }
    }
}
