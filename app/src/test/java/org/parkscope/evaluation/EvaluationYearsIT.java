package org.parkscope.evaluation;

import java.util.Locale;
import org.parkscope.shared.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.shared.Scope;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmarks from another year's cohort (Huai'an: 2 × last year's mean), schemes in effect for several years, and
 * surcharges that never stack, on the demo town.
 */
@PlatformTest
class EvaluationYearsIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(EvaluationService.ExplanationView explanation, String code) {
        return ((List<Map<String, Object>>) explanation.explanation().get("items"))
                .stream().filter(i -> code.equals(i.get("code"))).findFirst().orElseThrow();
    }

    @Test
    void huaianTakesItsBenchmarksFromTheYearBeforeAndKeepsThemWithTheRun() {
        long run = evaluations.create("huaian-2023", "test");
        // the 2022 cohort data are stored with the run, as the registry had them
        long stored = jdbc.sql("select count(*) from evaluation_reference_input where run_id = ? and year = 2022")
                .param(run).query(Long.class).single();
        assertThat(stored).isGreaterThan(100);
        assertThat(jdbc.sql("""
                select count(*) from evaluation_reference_input r join indicator_value v
                  on v.enterprise_id = r.enterprise_id and v.period = '2022' and v.metric = 'TAX'
                where r.run_id = ? and r.year = 2022 and cast(r.metrics ->> 'TAX' as numeric) <> v.value
                """).param(run).query(Long.class).single()).isZero();
        // benchmark = 2 × the 2022 mean of tax per 亩 over the cohort (all firms with land), not the 2023 one
        double mean2022 = jdbc.sql("""
                select avg(cast(metrics ->> 'TAX' as float8) / (land_m2::float8 * 3 / 2000))
                from evaluation_reference_input where run_id = ? and year = 2022 and land_m2 > 0 and metrics ->> 'TAX' is not null
                """).param(run).query(Double.class).single();
        double mean2023 = jdbc.sql("""
                select avg(cast(metrics ->> 'TAX' as float8) / (land_m2::float8 * 3 / 2000))
                from evaluation_input where run_id = ? and land_m2 > 0 and metrics ->> 'TAX' is not null
                """).param(run).query(Double.class).single();
        assertThat(mean2022).isNotCloseTo(mean2023, within(mean2023 * 1e-6));
        long firm = jdbc.sql("select min(enterprise_id) from evaluation_result where run_id = ? and cohort = 'ALL'"
                + " and klass <> 'T'").param(run).query(Long.class).single();
        EvaluationService.ExplanationView e = evaluations.explanation(Scope.town(), run, firm).orElseThrow();
        Map<String, Object> tax = item(e, "TAX_PER_MU");
        assertThat(((Number) tax.get("reference")).doubleValue()).isCloseTo(2 * mean2022, within(mean2022 * 1e-9));
        assertThat((String) tax.get("basis")).contains("2 × 2022 年度本组平均值", "2 × the cohort's mean of 2022");
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        assertThat(admin.get("/evaluations/" + run + "/enterprises/" + firm).body()).contains("2 × 2022 年度本组平均值");
        assertThat(admin.get("/evaluations/" + run).body()).contains("上一年度（2022 年）平均值的 2 倍");

        // reproducible: a recalculation without corrections scores from the stored 2022 data alike
        Findings.acknowledgeAll(evaluations, run);
        evaluations.publicise(run, 3, "test");
        long again = evaluations.recalculate(run, "test");
        assertThat(jdbc.sql("select count(*) from evaluation_reference_input where run_id = ? and year = 2022")
                .param(again).query(Long.class).single()).isEqualTo(stored);
        assertThat(jdbc.sql("""
                select count(*) from evaluation_result a join evaluation_result b
                  on b.run_id = ? and b.enterprise_id = a.enterprise_id
                where a.run_id = ? and (a.total is distinct from b.total or a.explanation <> b.explanation)
                """).params(again, run).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select after::text from audit_log where action = 'EVALUATE' and entity = 'evaluation_run'"
                + " and entity_id = ?")
                .param(String.valueOf(run)).query(String.class).single()).contains("referenceYears", "2022");
    }

    static String shipped(String name) throws java.io.IOException {
        try (var in = EvaluationYearsIT.class.getResourceAsStream("/schemes/" + name + ".yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSchemeInEffectForSeveralYearsEvaluatesAnyOfThemAndNoOther() throws Exception {
        String yaml = shipped("huangyan-2022").replace("year: 2022", "year: 2022\neffective: {from: 2021, to: 2023}");
        long run = evaluations.createFrom(yaml, "huangyan-2022", "test", 0, false, 2021);
        assertThat(jdbc.sql("select year from evaluation_run where id = ?").param(run).query(Integer.class).single())
                .isEqualTo(2021);
        assertThat(evaluations.scheme(run).year()).isEqualTo(2021);
        Browser page = Browser.signedIn(port(), "admin", "Parkscope2024");
        assertThat(page.get("/evaluations/" + run).body()).contains("id=\"effective\">2021–2023<", "浙江省台州市黄岩区 2021");
        long quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        assertThat(jdbc.sql("select cast(metrics ->> 'TAX' as numeric) from evaluation_input where run_id = ?"
                + " and enterprise_id = ?").params(run, quectel).query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo(jdbc.sql("select value from indicator_value where enterprise_id = ?"
                        + " and period = '2021' and metric = 'TAX'").param(quectel)
                        .query(java.math.BigDecimal.class).single());
        long before = jdbc.sql("select count(*) from evaluation_run").query(Long.class).single();
        assertThatThrownBy(() -> evaluations.createFrom(yaml, "huangyan-2022", "test", 0, false, 2024))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.userMessage().text(Locale.SIMPLIFIED_CHINESE)
                        + r.userMessage().text(Locale.ENGLISH)).contains("适用于 2021–2023 年度的数据，不能评价 2024 年度",
                                "applies to data years 2021–2023"));
        // a benchmark from a year the registry has no figures for: refused, nothing kept
        String early = shipped("huaian-2023").replace("year: 2023", "year: 2023\neffective: {from: 2019, to: 2023}");
        assertThatThrownBy(() -> evaluations.createFrom(early, "huaian-2023", "test", 0, false, 2019))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.userMessage().text(Locale.SIMPLIFIED_CHINESE))
                        .contains("没有 2018 年度的企业数据"));
        assertThat(jdbc.sql("select count(*) from evaluation_run").query(Long.class).single()).isEqualTo(before);
        // a scheme of one year, asked for another through the page: refused, nothing created
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        admin.get("/evaluations");
        admin.post("/evaluations", Map.of("scheme", "huangyan-2022", "year", "2020"));
        assertThat(admin.get("/evaluations").body()).contains("不能评价 2020 年度");
        assertThat(jdbc.sql("select count(*) from evaluation_run").query(Long.class).single()).isEqualTo(before);
        // the year field left blank: the scheme's own year
        String location = admin.post("/evaluations", Map.of("scheme", "huangyan-2022", "year", ""))
                .headers().firstValue("Location").orElseThrow();
        long blank = Long.parseLong(location.replaceAll(".*/evaluations/", ""));
        EvaluationIT.awaitFinished(jdbc, blank);
        assertThat(jdbc.sql("select year from evaluation_run where id = ?").param(blank).query(Integer.class).single())
                .isEqualTo(2022);
    }

    @Test
    void aPunitivePowerPriceAndTheDSurchargeDoNotStack() {
        long probe = evaluations.create("shandong-2023", "test");
        List<Long> d = jdbc.sql("select enterprise_id from evaluation_result where run_id = ? and klass = 'D'"
                + " order by enterprise_id limit 2").param(probe).query(Long.class).list();
        long a = jdbc.sql("select min(enterprise_id) from evaluation_result where run_id = ? and klass = 'A'")
                .param(probe).query(Long.class).single();
        assertThat(d).hasSize(2);
        // the power company's figures: a punitive price above any D surcharge, one below, and one for an A firm
        Map<Long, Double> punitive = Map.of(d.get(0), 0.30, d.get(1), 0.02, a, 0.08);
        try {
            punitive.forEach((firm, amount) -> jdbc.sql("insert into indicator_value(enterprise_id, period, metric, value,"
                    + " unit, source_department) values (?, '2023', 'POWER_PUNITIVE', ?, '元/千瓦时', 'POWER')")
                    .params(firm, amount).update());
            long run = evaluations.create("shandong-2023", "test");
            List<EvaluationService.PolicyRow> rows = evaluations.policies(Scope.town(), run);
            List<EvaluationService.PolicyRow> first = rows.stream().filter(r -> r.enterpriseId() == d.get(0)).toList();
            assertThat(first).extracting(EvaluationService.PolicyRow::measure, EvaluationService.PolicyRow::charged)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("差别电价加价", false),
                            org.assertj.core.groups.Tuple.tuple("惩罚性电价加价", true));
            assertThat(first.get(0).note()).isEqualTo("eval.policy.notStacked");
            List<EvaluationService.PolicyRow> second = rows.stream().filter(r -> r.enterpriseId() == d.get(1)).toList();
            assertThat(second).extracting(EvaluationService.PolicyRow::measure, EvaluationService.PolicyRow::charged)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("差别电价加价", true),
                            org.assertj.core.groups.Tuple.tuple("惩罚性电价加价", false));
            assertThat(second.get(0).amount()).isGreaterThan(0.02);
            assertThat(rows.stream().filter(r -> r.enterpriseId() == a).toList())
                    .singleElement().satisfies(r -> {
                        assertThat(r.charged()).isTrue();
                        assertThat(r.amount()).isEqualTo(0.08);
                    });
            // every firm is charged exactly one item of the group at most
            assertThat(rows.stream().filter(EvaluationService.PolicyRow::charged)
                    .collect(java.util.stream.Collectors.groupingBy(EvaluationService.PolicyRow::enterpriseId,
                            java.util.stream.Collectors.counting())).values()).allMatch(n -> n == 1);
            String page = Browser.signedIn(port(), "admin", "Parkscope2024").get("/evaluations/" + run + "/policies")
                    .body();
            assertThat(page).contains("惩罚性电价加价", "不叠加，取最高", "not-charged");
        } finally {
            jdbc.sql("delete from indicator_value where metric = 'POWER_PUNITIVE'").update();
        }
    }

    @Test
    void tenantsFollowingAHolderInDBearItsMeasuresToo() throws Exception {
        long run = evaluations.createFrom(EvaluationIT.withAttribution("shandong-2023", "LANDLORD_ONLY_TENANT_FOLLOWS"),
                "shandong-2023", "test", 0, false);
        long inD = jdbc.sql("select count(*) from evaluation_result where run_id = ? and klass = 'D'").param(run)
                .query(Long.class).single();
        long followersInD = jdbc.sql("select count(*) from evaluation_result where run_id = ? and klass = 'D'"
                + " and cohort is null").param(run).query(Long.class).single();
        assertThat(followersInD).isGreaterThan(0);
        List<EvaluationService.PolicyRow> rows = evaluations.policies(Scope.town(), run);
        assertThat(rows.stream().filter(r -> r.measure().equals("差别电价加价"))).hasSize((int) inD);
    }
}
