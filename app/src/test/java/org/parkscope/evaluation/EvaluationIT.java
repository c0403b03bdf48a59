package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A run on the demo town through the yearly process: score, 公示, objection, decision, recalculation, final. */
@PlatformTest
class EvaluationIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    @Test
    void theYearlyProcessOnTheDemoTown() throws Exception {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        admin.get("/evaluations");
        HttpResponse<String> created = admin.post("/evaluations", Map.of("scheme", "huangyan-2022"));
        long run = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/evaluations/", ""));
        awaitFinished(jdbc, run);

        // population: active industrial enterprises with land; land attributed once per parcel
        long rated = jdbc.sql("select count(*) from evaluation_result where run_id = ? and cohort is not null")
                .param(run).query(Long.class).single();
        assertThat(rated).isGreaterThan(100);
        BigDecimal allocated = jdbc.sql("select sum(land_m2) from evaluation_input where run_id = ?").param(run)
                .query(BigDecimal.class).single();
        BigDecimal parcels = jdbc.sql("select sum(area_m2) from parcel").query(BigDecimal.class).single();
        assertThat(allocated).isLessThanOrEqualTo(parcels);
        assertThat(jdbc.sql("""
                select count(*) from evaluation_input i join occupancy o on o.enterprise_id = i.enterprise_id
                join parcel p on p.id = o.parcel_id where i.run_id = ? and o.role = 'OWNER_OCCUPIER'
                  and abs(i.land_m2 - p.area_m2) > 0.01
                  and not exists (select 1 from occupancy t where t.parcel_id = p.id and t.role = 'TENANT')
                """).param(run).query(Long.class).single()).isZero();

        // every class of the 规上 cohort follows the bands: A is the top 20 % (rounded up)
        long above = jdbc.sql("select count(*) from evaluation_result where run_id = ? and cohort = 'ABOVE'").param(run)
                .query(Long.class).single();
        long a = jdbc.sql("select count(*) from evaluation_result where run_id = ? and cohort = 'ABOVE' and klass = 'A'")
                .param(run).query(Long.class).single();
        assertThat(a).isBetween(1L, (long) Math.ceil(above * 0.2));
        String page = admin.get("/evaluations/" + run).body();
        assertThat(page).contains("黄岩区", "id=\"ranking\"", "chart-classes", "分档比例说明中不可读");
        assertThat(admin.get("/evaluations/" + run + "?industry=3922").body()).contains("上海移远通信技术股份有限公司")
                .doesNotContain("柯马(上海)工程有限公司");

        long quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        long otherFirm = jdbc.sql("select enterprise_id from evaluation_result where run_id = ? and cohort = 'ABOVE'"
                + " and enterprise_id <> ? order by enterprise_id limit 1").params(run, quectel).query(Long.class).single();
        String explanation = admin.get("/evaluations/" + run + "/enterprises/" + quectel).body();
        assertThat(explanation).contains("上海移远通信技术股份有限公司", "亩均税收", "单位能耗增加值", "id=\"total\"");

        // no objections before the 公示
        Browser enterprise = Browser.signedIn(port(), "enterprise", "Parkscope2024");
        assertThat(enterprise.get("/evaluations/" + run + "/enterprises/" + otherFirm).statusCode()).isEqualTo(404);
        assertThat(enterprise.get("/evaluations/" + run + "/enterprises/" + quectel).statusCode())
                .as("a scored draft's explanation is not shown to the firm").isEqualTo(404);
        enterprise.get("/evaluations");
        enterprise.post("/evaluations/" + run + "/enterprises/" + quectel + "/objections",
                Map.of("metric", "TAX", "claimed", "99999", "reason", "漏计税款"));
        assertThat(jdbc.sql("select count(*) from evaluation_objection where run_id = ?").param(run).query(Long.class)
                .single()).as("no objection to a draft").isZero();
        assertThat(enterprise.get("/evaluations").body()).as("a scored draft is the office's own")
                .contains("我的亩均评价").doesNotContain("id=\"run-" + run + "\"");

        admin.get("/evaluations/" + run);
        Findings.acknowledgeAll(evaluations, run);
        admin.post("/evaluations/" + run + "/publicise", Map.of("days", "5", "confirm", "yes"));
        assertThat(admin.get("/evaluations/" + run).body()).contains("公示中");
        double before = jdbc.sql("select total::float8 from evaluation_result where run_id = ? and enterprise_id = ?")
                .params(run, quectel).query(Double.class).single();

        enterprise.get("/evaluations/" + run + "/enterprises/" + quectel);
        enterprise.post("/evaluations/" + run + "/enterprises/" + quectel + "/objections",
                Map.of("metric", "TAX", "claimed", "99999", "reason", "漏计一笔税款", "evidence", "完税证明"));
        long objection = jdbc.sql("select id from evaluation_objection where run_id = ? and enterprise_id = ?")
                .params(run, quectel).query(Long.class).single();
        String mine = enterprise.get("/evaluations").body();
        String klass = jdbc.sql("select klass from evaluation_result where run_id = ? and enterprise_id = ?")
                .params(run, quectel).query(String.class).single();
        assertThat(mine.substring(mine.indexOf("id=\"run-" + run + "\""))).as("the firm's home for its 亩均 result")
                .contains("公示中", "截止前可对数据提出异议", "已提出异议 1 件，其中待复核 1 件", ">" + klass + "<",
                        "/evaluations/" + run + "/enterprises/" + quectel);
        // the park operator of another park cannot object for this firm
        Browser park = Browser.signedIn(port(), "park", "Parkscope2024");
        park.get("/evaluations/" + run);
        assertThat(park.post("/evaluations/" + run + "/enterprises/" + quectel + "/objections",
                Map.of("metric", "TAX", "claimed", "1", "reason", "x")).statusCode()).isEqualTo(404);

        // cannot be made final while an objection is open
        admin.get("/evaluations/" + run);
        admin.post("/evaluations/" + run + "/finalise", Map.of("confirm", "yes"));
        assertThat(admin.get("/evaluations/" + run).body()).contains("未处理");
        admin.post("/evaluations/" + run + "/objections/" + objection + "/decide",
                Map.of("accept", "true", "decision", "经核实采纳", "confirm", "yes"));
        HttpResponse<String> recalculated = admin.post("/evaluations/" + run + "/recalculate", Map.of());
        long next = Long.parseLong(recalculated.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/evaluations/(\\d+)/diff", "$1"));
        String diff = admin.get("/evaluations/" + next + "/diff").body();
        assertThat(diff).contains("上海移远通信技术股份有限公司");
        double after = jdbc.sql("select total::float8 from evaluation_result where run_id = ? and enterprise_id = ?")
                .params(next, quectel).query(Double.class).single();
        assertThat(after).isGreaterThan(before);
        assertThat(jdbc.sql("select status from evaluation_run where id = ?").param(run).query(String.class).single())
                .isEqualTo("SUPERSEDED");
        admin.get("/evaluations/" + next);
        // 定稿 is irreversible: the first press only asks, stating the consequence; the confirmation does it
        HttpResponse<String> asked = admin.post("/evaluations/" + next + "/finalise", Map.of());
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("id=\"consequence\"", "不能再修改", "不可撤销");
        assertThat(jdbc.sql("select status from evaluation_run where id = ?").param(next).query(String.class).single())
                .isEqualTo("PUBLICISED");
        assertThat(admin.post("/evaluations/" + next + "/finalise?lang=en", Map.of()).body())
                .contains("cannot be undone").doesNotContain("不可撤销");
        admin.get("/evaluations/" + next + "?lang=zh_CN");
        assertThat(admin.confirm(asked).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select status from evaluation_run where id = ?").param(next).query(String.class).single())
                .isEqualTo("FINAL");
        assertThat(enterprise.get("/evaluations?lang=en").body()).contains("My per-mu evaluation",
                "id=\"run-" + next + "\"").doesNotContain("id=\"run-" + run + "\"");

        HttpResponse<byte[]> xlsx = admin.download("/evaluations/" + next + "/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(wb.getSheet("公示名单").getLastRowNum()).isEqualTo((int) rated);
        }
        List<String> actions = jdbc.sql("select distinct action from audit_log where entity in ('evaluation_run',"
                + " 'evaluation_objection')").query(String.class).list();
        assertThat(actions).contains("EVALUATE", "PUBLISH", "OBJECT", "DECIDE", "RECALCULATE", "FINALISE");
    }

    @Test
    void aRunIsReproducibleFromItsSnapshot() {
        long run = evaluations.create("huangyan-2021", "test");
        Findings.acknowledgeAll(evaluations, run);
        evaluations.publicise(run, 3, "test");
        long again = evaluations.recalculate(run, "test"); // no accepted objections: the same inputs
        assertThat(jdbc.sql("""
                select count(*) from evaluation_result a join evaluation_result b
                  on b.run_id = ? and b.enterprise_id = a.enterprise_id
                where a.run_id = ? and (a.total is distinct from b.total or a.klass is distinct from b.klass
                                        or a.explanation <> b.explanation)
                """).params(again, run).query(Long.class).single()).isZero();
    }

    @Test
    void theDemoRankingStaysWithinTheSchemesCaps() {
        long run = evaluations.create("sijing-demo-2023", "test");
        org.parkscope.core.evaluation.Scheme scheme = SchemeFile.classpath("sijing-demo-2023");
        for (org.parkscope.core.evaluation.Scheme.Cohort c : scheme.cohorts()) {
            double most = 0;
            for (org.parkscope.core.evaluation.Scheme.Indicator i : c.indicators()) {
                assertThat(i.cap()).as("%s is capped", i.code()).isNotNull();
                most += i.cap();
            }
            for (org.parkscope.core.evaluation.Scheme.Adjustment a : c.adjustments()) {
                most += Math.max(0, a.first());
            }
            Double least = c.caps().adjustmentsMin();
            assertThat(least).as("the deductions of cohort %s are capped", c.code()).isNotNull();
            Map<String, Object> range = jdbc.sql("""
                    select max(total) as top, min(total) as bottom, count(*) as n from evaluation_result
                    where run_id = ? and cohort = ? and total is not null""").params(run, c.code()).query().singleRow();
            assertThat(((Number) range.get("n")).intValue()).isPositive();
            assertThat(((Number) range.get("top")).doubleValue()).as("the top of %s", c.code()).isLessThanOrEqualTo(most + 1e-6);
            assertThat(((Number) range.get("bottom")).doubleValue()).as("the bottom of %s", c.code())
                    .isGreaterThanOrEqualTo(least - 1e-6);
        }
        // The landlord with the most 规下 tenants keeps each item's own points, counted within the cap.
        Long landlord = jdbc.sql("""
                select i.enterprise_id from evaluation_input i join evaluation_result r
                  on r.run_id = i.run_id and r.enterprise_id = i.enterprise_id and r.cohort is not null
                where i.run_id = ? order by cast(i.metrics ->> 'TENANTS_BELOW' as int) desc nulls last limit 1""")
                .param(run).query(Long.class).single();
        EvaluationService.ExplanationView e = evaluations.explanation(org.parkscope.shared.Scope.town(), run, landlord)
                .orElseThrow();
        assertThat(String.valueOf(e.explanation().get("note"))).contains("加减分合计");
    }

    @Test
    void theDemoSchemeDeductsForSublettingAndAddsForTitles() {
        long run = evaluations.create("sijing-demo-2023", "test");
        // a 规下 landlord with 规下 tenants, evaluated in the 规下 cohort: −10 for the first tenant, −5 for each further
        List<Map<String, Object>> landlords = jdbc.sql("""
                select i.enterprise_id, cast(i.metrics ->> 'TENANTS_BELOW' as int) as tenants
                from evaluation_input i join evaluation_result r on r.run_id = i.run_id and r.enterprise_id = i.enterprise_id
                where i.run_id = ? and r.cohort = 'BELOW' and cast(i.metrics ->> 'TENANTS_BELOW' as int) >= 2
                order by i.enterprise_id limit 1
                """).param(run).query().listOfRows();
        assertThat(landlords).isNotEmpty();
        long landlord = ((Number) landlords.get(0).get("enterprise_id")).longValue();
        int tenants = ((Number) landlords.get(0).get("tenants")).intValue();
        EvaluationService.ExplanationView e = evaluations.explanation(org.parkscope.shared.Scope.town(), run, landlord)
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> adjustments = (List<Map<String, Object>>) e.explanation().get("adjustments");
        assertThat(adjustments).anySatisfy(a -> {
            assertThat(a.get("code")).isEqualTo("LEASE");
            assertThat(new BigDecimal(String.valueOf(a.get("points")))).isEqualByComparingTo(
                    BigDecimal.valueOf(-10 - 5L * (tenants - 1)));
        });
        long hnteBonus = jdbc.sql("""
                select count(*) from evaluation_result where run_id = ?
                  and jsonb_path_exists(explanation, '$.adjustments[*] ? (@.code == "HNTE")')
                """).param(run).query(Long.class).single();
        assertThat(hnteBonus).isGreaterThan(10);
    }

    @Test
    void newEnterprisesAreUnratedUnderHuaian() {
        long run = evaluations.create("huaian-2023", "test");
        long unrated = jdbc.sql("select count(*) from evaluation_result where run_id = ? and klass = 'T'").param(run)
                .query(Long.class).single();
        long young = jdbc.sql("""
                select count(*) from evaluation_result r join enterprise e on e.id = r.enterprise_id
                where r.run_id = ? and r.cohort is not null and e.registered_on > date '2021-12-31'
                """).param(run).query(Long.class).single();
        assertThat(unrated).isEqualTo(young).isGreaterThan(0);
        assertThat(jdbc.sql("select count(*) from evaluation_result where run_id = ? and klass = 'T' and rank <> 0")
                .param(run).query(Long.class).single()).isZero();
    }

    @Test
    void shandongSurchargeCountsConsecutiveYearsInD() {
        long first = evaluations.create("shandong-2022", "test");
        Findings.acknowledgeAll(evaluations, first);
        evaluations.publicise(first, 5, "test");
        evaluations.finalise(first, "test");
        long second = evaluations.create("shandong-2023", "test");
        List<EvaluationService.PolicyRow> rows = evaluations.policies(org.parkscope.shared.Scope.town(), second);
        long d = jdbc.sql("select count(*) from evaluation_result where run_id = ? and klass = 'D'").param(second)
                .query(Long.class).single();
        assertThat(rows).hasSize((int) d);
        long both = jdbc.sql("""
                select count(*) from evaluation_result a join evaluation_result b on b.enterprise_id = a.enterprise_id
                where a.run_id = ? and b.run_id = ? and a.klass = 'D' and b.klass = 'D'
                """).params(first, second).query(Long.class).single();
        assertThat(rows.stream().filter(r -> r.consecutiveYears() == 2)).hasSize((int) both)
                .allSatisfy(r -> assertThat(r.amount()).isEqualTo(0.10));
        assertThat(rows.stream().filter(r -> r.consecutiveYears() == 1))
                .allSatisfy(r -> assertThat(r.amount()).isEqualTo(0.05));
        assertThat(both).isGreaterThan(0);
    }

    @Test
    void landAreasArePublishedAndSettledBeforeScoring() throws Exception {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        admin.get("/evaluations");
        long run = Long.parseLong(admin.post("/evaluations", Map.of("scheme", "huangyan-2022", "landDays", "5",
                "workingDays", "true")).headers().firstValue("Location").orElseThrow().replaceAll(".*/evaluations/", ""));
        awaitFinished(jdbc, run);
        assertThat(jdbc.sql("select count(*) from evaluation_result where run_id = ?").param(run).query(Long.class)
                .single()).isZero();
        String page = admin.get("/evaluations/" + run).body();
        assertThat(page).contains("用地面积公示中", "id=\"land\"", "上海移远通信技术股份有限公司");
        long quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        Browser enterprise = Browser.signedIn(port(), "enterprise", "Parkscope2024");
        assertThat(enterprise.get("/evaluations/" + run + "/enterprises/" + quectel).body()).contains("id=\"object\"");
        enterprise.post("/evaluations/" + run + "/enterprises/" + quectel + "/objections",
                Map.of("metric", "TAX", "claimed", "1", "reason", "税收有误"));
        assertThat(enterprise.get("/evaluations/" + run + "/enterprises/" + quectel).body()).contains("只能对用地面积");
        enterprise.post("/evaluations/" + run + "/enterprises/" + quectel + "/objections",
                Map.of("metric", "LAND_M2", "claimed", "40000", "reason", "部分土地已退还"));
        long objection = jdbc.sql("select id from evaluation_objection where run_id = ?").param(run).query(Long.class)
                .single();
        admin.get("/evaluations/" + run);
        admin.post("/evaluations/" + run + "/score", Map.of());
        assertThat(admin.get("/evaluations/" + run).body()).contains("未处理");
        admin.post("/evaluations/" + run + "/objections/" + objection + "/decide", Map.of("accept", "true",
                "decision", "核实采纳", "confirm", "yes"));
        admin.post("/evaluations/" + run + "/score", Map.of());
        assertThat(jdbc.sql("select status from evaluation_run where id = ?").param(run).query(String.class).single())
                .isEqualTo("SCORED");
        assertThat(jdbc.sql("select land_m2 from evaluation_input where run_id = ? and enterprise_id = ?")
                .params(run, quectel).query(BigDecimal.class).single()).isEqualByComparingTo("40000");
        assertThat(admin.get("/evaluations/" + run + "/enterprises/" + quectel).body()).contains("id=\"total\"");
    }

    @Test
    void workingDayWindowsSkipWeekends() {
        java.time.LocalDate friday = java.time.LocalDate.of(2026, 11, 27);
        assertThat(EvaluationService.windowEnd(friday, 5, true)).isEqualTo(java.time.LocalDate.of(2026, 12, 3));
        assertThat(EvaluationService.windowEnd(friday, 5, false)).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
        java.time.LocalDate saturday = friday.plusDays(1);
        assertThat(EvaluationService.windowEnd(saturday, 1, true)).isEqualTo(java.time.LocalDate.of(2026, 11, 30));
    }

    /** Waits until a run started in the background has finished (scored, land publicised or failed). */
    static void awaitFinished(JdbcClient jdbc, long run) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            if (!"RUNNING".equals(jdbc.sql("select status from evaluation_run where id = ?").param(run)
                    .query(String.class).single())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + run + " did not finish");
    }

    static String withAttribution(String shipped, String mode) throws java.io.IOException {
        try (var in = EvaluationIT.class.getResourceAsStream("/schemes/" + shipped + ".yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8) + "\nattribution: " + mode + "\n";
        }
    }

    @Test
    void parcelUnitsCountEveryTaxOnceAndTenantsFollowTheirHolder() throws Exception {
        long run = evaluations.createFrom(withAttribution("sijing-demo-2023", "PARCEL_AGGREGATE"), "sijing-demo-2023",
                "test", 0, false);
        // each unit's land is its parcels' area; the units' tax is the tax of their members, each counted once
        BigDecimal unitsTax = jdbc.sql("select coalesce(sum(cast(metrics ->> 'TAX' as numeric)), 0) from evaluation_input"
                + " where run_id = ?").param(run).query(BigDecimal.class).single();
        BigDecimal membersTax = jdbc.sql("""
                with holders as (select distinct on (o.parcel_id) o.parcel_id, o.enterprise_id from occupancy o
                                 where o.role in ('LANDLORD', 'OWNER_OCCUPIER') order by o.parcel_id, o.role, o.enterprise_id),
                units as (select i.enterprise_id from evaluation_input i where i.run_id = ?),
                members as (select h.enterprise_id as m from holders h join units u on u.enterprise_id = h.enterprise_id
                            union
                            select t.enterprise_id from (select distinct on (o.enterprise_id) o.enterprise_id, h.enterprise_id as unit
                              from occupancy o join holders h on h.parcel_id = o.parcel_id where o.role = 'TENANT'
                              and o.enterprise_id <> h.enterprise_id order by o.enterprise_id, o.parcel_id) t
                            join units u on u.enterprise_id = t.unit)
                select coalesce(sum(v.value), 0) from indicator_value v join members on members.m = v.enterprise_id
                where v.period = '2023' and v.metric = 'TAX'
                """).param(run).query(BigDecimal.class).single();
        assertThat(unitsTax).isEqualByComparingTo(membersTax);
        assertThat(jdbc.sql("""
                select count(*) from evaluation_input i where i.run_id = ? and i.land_m2 <> (select sum(pa.area_m2)
                  from parcel pa where pa.id in (select distinct on (o.parcel_id) o.parcel_id from occupancy o
                  where o.role in ('LANDLORD', 'OWNER_OCCUPIER') and o.enterprise_id = i.enterprise_id
                  order by o.parcel_id))
                """).param(run).query(Long.class).single()).isZero();
        long followers = jdbc.sql("select count(*) from evaluation_result r join evaluation_result h"
                + " on h.run_id = r.run_id and h.enterprise_id = cast(r.explanation ->> 'follows' as bigint)"
                + " where r.run_id = ? and r.cohort is null and r.klass = h.klass").param(run).query(Long.class).single();
        assertThat(followers).isGreaterThan(100);

        long own = evaluations.createFrom(withAttribution("sijing-demo-2023", "LANDLORD_ONLY_TENANT_FOLLOWS"),
                "sijing-demo-2023", "test", 0, false);
        long quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        assertThat(jdbc.sql("select cast(metrics ->> 'TAX' as numeric) from evaluation_input where run_id = ?"
                + " and enterprise_id = ?").params(own, quectel).query(BigDecimal.class).single())
                .isEqualByComparingTo(jdbc.sql("select value from indicator_value where enterprise_id = ?"
                        + " and period = '2023' and metric = 'TAX'").param(quectel).query(BigDecimal.class).single());
    }

    @Test
    void theAnhuiZoneAdmitsFirmsThatLeaseEnoughFloorSpace() {
        long run = evaluations.create("anhui-zone-2023", "test");
        long leasers = jdbc.sql("""
                select count(*) from evaluation_result r join evaluation_input i on i.run_id = r.run_id
                  and i.enterprise_id = r.enterprise_id
                where r.run_id = ? and r.cohort = 'BELOW' and i.land_m2 * 3 / 2000 < 5
                  and cast(i.metrics ->> 'LEASED_M2' as numeric) >= 3000
                """).param(run).query(Long.class).single();
        long outside = jdbc.sql("""
                select count(*) from evaluation_result r join evaluation_input i on i.run_id = r.run_id
                  and i.enterprise_id = r.enterprise_id
                where r.run_id = ? and r.cohort = 'BELOW' and i.land_m2 * 3 / 2000 < 5
                  and cast(i.metrics ->> 'LEASED_M2' as numeric) < 3000
                """).param(run).query(Long.class).single();
        assertThat(leasers).isGreaterThan(0);
        assertThat(outside).isZero();
    }
}
