package org.parkscope.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parkscope.PlatformTest;
import org.parkscope.access.AccountStore;
import org.parkscope.access.Role;
import org.parkscope.evaluation.EvaluationService;
import org.parkscope.evaluation.Findings;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each role's home over real HTTP, its figures checked against sums the test takes itself from the registry's raw rows
 * (indicator values, parcels, floor space, occupancy, evaluation results) — not from the stored facts the pages read:
 * the town overview, a park operator's parks (one and several), an enterprise's own page, with the year selector and
 * 同比; an enterprise's home never links a run not published to the firms.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomesIT {

    static final String PASSWORD = "Parkscope2024";

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;
    @Autowired AccountStore accounts;

    int port;
    int reference;
    long quectel;
    long published;
    long draft;

    @BeforeAll
    void runs() {
        port = Integer.parseInt(env.getProperty("local.server.port"));
        reference = jdbc.sql("select cast(extract(year from land_as_of()) as int) - 1").query(Integer.class).single();
        quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        published = evaluations.create("sijing-demo-2023", "homes-it");
        Findings.acknowledgeAll(evaluations, published);
        evaluations.publicise(published, 10, "homes-it");
        Browser firm = Browser.signedIn(port, "enterprise", PASSWORD);
        firm.get("/evaluations/" + published + "/enterprises/" + quectel);
        HttpResponse<String> filed = firm.post("/evaluations/" + published + "/enterprises/" + quectel + "/objections",
                Map.of("metric", "TAX", "claimed", "1234.5", "reason", "homes-it: a refund was counted twice"));
        assertThat(filed.statusCode()).isEqualTo(302);
        draft = evaluations.create("sijing-demo-2023", "homes-it"); // scored, never publicised
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String figure(String html, String name) {
        Matcher m = Pattern.compile("data-figure=\"" + Pattern.quote(name) + "\"[\\s\\S]*?class=\"value\"[^>]*>([^<]*)<")
                .matcher(html);
        assertThat(m.find()).as("figure %s on the page", name).isTrue();
        return m.group(1).strip();
    }

    static BigDecimal number(String html, String name) {
        return new BigDecimal(figure(html, name).replace(",", ""));
    }

    /** The 同比 shown with a figure: its percentage, or null for "—" (data-yoy="none"). */
    static BigDecimal yoy(String html, String name) {
        Matcher m = Pattern.compile("data-figure=\"" + Pattern.quote(name) + "\"[\\s\\S]*?data-yoy=\"([^\"]*)\"")
                .matcher(html);
        assertThat(m.find()).as("同比 of %s on the page", name).isTrue();
        return m.group(1).equals("none") ? null : new BigDecimal(m.group(1));
    }

    static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_UP);
    }

    static void assertShown(BigDecimal shown, BigDecimal expected, int decimals) {
        assertThat(shown).isEqualByComparingTo(expected.setScale(decimals, RoundingMode.HALF_UP));
    }

    /** A sum of one metric's yearly values over the enterprises a condition picks (raw indicator rows). */
    BigDecimal metric(String metric, int year, String enterpriseCondition) {
        return jdbc.sql("select coalesce(sum(v.value), 0) from indicator_value v join enterprise e on e.id = v.enterprise_id"
                + " where v.metric = ? and v.period = ? and " + enterpriseCondition)
                .params(metric, String.valueOf(year)).query(BigDecimal.class).single();
    }

    long reporting(int year, String enterpriseCondition) {
        return jdbc.sql("select count(distinct v.enterprise_id) from indicator_value v join enterprise e on e.id = v.enterprise_id"
                + " where v.period = ? and " + enterpriseCondition).param(String.valueOf(year)).query(Long.class).single();
    }

    List<Integer> years() {
        return jdbc.sql("select distinct cast(period as int) from indicator_value where length(period) = 4 order by 1")
                .query(Integer.class).list();
    }

    // ------------------------------------------------------------------------------------------------ town

    @Test
    void townStaffSeeTheTownWithAYearSelectorAndYearOnYearChanges() {
        Browser analyst = Browser.signedIn(port, "analyst", PASSWORD);
        String html = analyst.get("/").body();
        assertThat(html).contains("泗泾镇产业经济概览", "id=\"year-pick\"");
        for (int y : years()) {
            assertThat(html).contains("<option value=\"" + y + "\"");
        }
        assertThat(html).containsPattern("<option value=\"" + reference + "\" selected");
        checkTown(html, reference);

        int earlier = reference - 2;
        String other = analyst.get("/?year=" + earlier).body();
        assertThat(other).containsPattern("<option value=\"" + earlier + "\" selected");
        checkTown(other, earlier);
        assertThat(number(other, "tax")).isNotEqualByComparingTo(number(html, "tax"));

        int first = years().get(0);
        String oldest = analyst.get("/?year=" + first).body();
        assertThat(yoy(oldest, "tax")).as("no year before the first: —").isNull();
        assertThat(oldest).contains("同比 —");
        assertThat(analyst.get("/?year=1999").body()).as("a year without figures opens the default")
                .containsPattern("<option value=\"" + reference + "\" selected");

        String en = analyst.get("/?lang=en").body();
        assertThat(en).contains("YoY", "Key figures " + reference, "share of above-scale industrial output (" + reference + ")")
                .doesNotContain("同比", "{0", "??");
    }

    private void checkTown(String html, int year) {
        BigDecimal tax = metric("TAX", year, "true");
        BigDecimal before = metric("TAX", year - 1, "true");
        assertShown(number(html, "tax"), tax, 0);
        assertThat(yoy(html, "tax")).isEqualByComparingTo(change(tax, before));
        BigDecimal revenue = metric("REVENUE", year, "true");
        assertShown(number(html, "revenue"), revenue.divide(BigDecimal.valueOf(10_000)), 2);
        assertThat(yoy(html, "revenue")).isEqualByComparingTo(change(revenue, metric("REVENUE", year - 1, "true")));
        long firms = reporting(year, "true");
        assertThat(number(html, "firms")).isEqualByComparingTo(BigDecimal.valueOf(firms));
        assertThat(yoy(html, "firms")).isEqualByComparingTo(
                change(BigDecimal.valueOf(firms), BigDecimal.valueOf(reporting(year - 1, "true"))));
        BigDecimal mu = jdbc.sql("select sum(area_m2) * 3 / 2000 from parcel").query(BigDecimal.class).single();
        BigDecimal parkTax = metric("TAX", year, "e.park_id is not null");
        assertShown(number(html, "tax-per-mu"), parkTax.divide(mu, 10, RoundingMode.HALF_UP), 2);
    }

    // ------------------------------------------------------------------------------------------------ park operator

    @Test
    void aParkOperatorSeesItsParkOnly() {
        long sls = jdbc.sql("select id from park where code = 'SLS'").query(Long.class).single();
        String inPark = "e.park_id = " + sls;
        LocalDate asOf = jdbc.sql("select land_as_of()").query(LocalDate.class).single();
        List<Long> tenancies = jdbc.sql("""
                select o.id from occupancy o where o.park_id = ? and o.role = 'TENANT' and o.valid_to is null
                  and o.valid_from <= ? order by o.id limit 2""").params(sls, asOf).query(Long.class).list();
        assertThat(tenancies).hasSize(2);
        jdbc.sql("update occupancy set valid_to = ? where id = ?").params(asOf.plusMonths(2), tenancies.get(0)).update();
        jdbc.sql("update occupancy set valid_to = ? where id = ?").params(asOf.plusMonths(9), tenancies.get(1)).update();
        try {
            Browser park = Browser.signedIn(port, "park", PASSWORD);
            String html = park.get("/").body();
            assertThat(html).contains("<h1 id=\"home-title\">手拉手汽车港</h1>", "我的园区")
                    .doesNotContain("泗泾镇产业经济概览");
            BigDecimal tax = metric("TAX", reference, inPark);
            assertShown(number(html, "tax"), tax, 0);
            assertThat(yoy(html, "tax")).isEqualByComparingTo(change(tax, metric("TAX", reference - 1, inPark)));
            assertThat(number(html, "firms")).isEqualByComparingTo(BigDecimal.valueOf(reporting(reference, inPark)));
            BigDecimal mu = jdbc.sql("select sum(area_m2) * 3 / 2000 from parcel where park_id = ?").param(sls)
                    .query(BigDecimal.class).single();
            assertShown(number(html, "tax-per-mu"), tax.divide(mu, 10, RoundingMode.HALF_UP), 2);

            long current = jdbc.sql("select count(*) from enterprise where park_id = ? and status in ('ACTIVE', 'SUSPENDED')")
                    .param(sls).query(Long.class).single();
            assertThat(number(html, "current-firms")).isEqualByComparingTo(BigDecimal.valueOf(current));
            assertThat(html).contains("href=\"/enterprises?park=" + sls + "\"");
            Map<String, Object> vacant = jdbc.sql("""
                    select count(*) as units, coalesce(sum(fs.area_m2), 0) as m2 from vacant_floor_space(?) fs
                    where fs.park_id = ?""").params(asOf, sls).query().singleRow();
            assertThat(number(html, "vacant-units")).isEqualByComparingTo(new BigDecimal(vacant.get("units").toString()));
            assertShown(number(html, "vacant-area"), (BigDecimal) vacant.get("m2"), 0);

            assertThat(number(html, "expiring-soon")).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(number(html, "expiring")).isEqualByComparingTo(BigDecimal.valueOf(2));
            String table = html.substring(html.indexOf("id=\"expiring\""));
            for (long id : tenancies) {
                String name = jdbc.sql("select e.name from occupancy o join enterprise e on e.id = o.enterprise_id where o.id = ?")
                        .param(id).query(String.class).single();
                assertThat(table).contains(name);
            }
            assertThat(table).contains(asOf.plusMonths(2).toString(), asOf.plusMonths(9).toString());

            // Only its own park: no other park's name, no firm of another park among the largest tax payers.
            for (String other : jdbc.sql("select name from park where id <> ?").param(sls).query(String.class).list()) {
                assertThat(html).doesNotContain(other);
            }
            for (String other : jdbc.sql("""
                    select e.name from enterprise e join indicator_value v on v.enterprise_id = e.id
                    where v.metric = 'TAX' and v.period = ? and park_key(e.park_id) <> ? order by v.value desc limit 30""")
                    .params(String.valueOf(reference), sls).query(String.class).list()) {
                assertThat(html).doesNotContain(other);
            }

            // The year selector changes the figures and their 同比.
            int earlier = reference - 1;
            String other = park.get("/?year=" + earlier).body();
            BigDecimal taxBefore = metric("TAX", earlier, inPark);
            assertShown(number(other, "tax"), taxBefore, 0);
            assertThat(yoy(other, "tax")).isEqualByComparingTo(change(taxBefore, metric("TAX", earlier - 1, inPark)));

            // The map opens on the park: its bbox holds every parcel of the park and none of the rest of the town.
            Matcher link = Pattern.compile("href=\"/map\\?bbox=([-0-9.,]+)\"").matcher(html);
            assertThat(link.find()).isTrue();
            double[] box = java.util.Arrays.stream(link.group(1).split(",")).mapToDouble(Double::parseDouble).toArray();
            for (String g : jdbc.sql("select geometry::text from parcel where park_id = ? and geometry is not null")
                    .param(sls).query(String.class).list()) {
                Matcher c = Pattern.compile("\\[\\s*(-?[0-9.]+)\\s*,\\s*(-?[0-9.]+)\\s*]").matcher(g);
                while (c.find()) {
                    double lon = Double.parseDouble(c.group(1));
                    double lat = Double.parseDouble(c.group(2));
                    assertThat(lon).isBetween(box[0] - 1e-5, box[2] + 1e-5);
                    assertThat(lat).isBetween(box[1] - 1e-5, box[3] + 1e-5);
                }
            }
            assertThat(park.get("/map").body()).contains("\"bbox\": \"" + link.group(1) + "\"");
            assertThat(Browser.signedIn(port, "analyst", PASSWORD).get("/map").body()).contains("\"bbox\": null");
        } finally {
            jdbc.sql("update occupancy set valid_to = null where id in (?, ?)").params(tenancies.get(0), tenancies.get(1))
                    .update();
        }
    }

    @Test
    void anOperatorOfSeveralParksSeesThemAllWithTheirClassesAndOpenObjections() {
        long jgzn = jdbc.sql("select id from park where code = 'JGZN'").query(Long.class).single();
        long sjbb = jdbc.sql("select id from park where code = 'SJBB'").query(Long.class).single();
        long operator = jdbc.sql("select operator_id from park where id = ?").param(jgzn).query(Long.class).single();
        long sjbbOperator = jdbc.sql("select operator_id from park where id = ?").param(sjbb).query(Long.class).single();
        if (accounts.find("homes-operator").isEmpty()) {
            accounts.create("homes-operator", "homes operator", PASSWORD, Role.PARK_OPERATOR, operator, null, false);
        }
        long objector = jdbc.sql("""
                select r.enterprise_id from evaluation_result r join enterprise e on e.id = r.enterprise_id
                where r.run_id = ? and e.park_id = ? and r.cohort is not null order by r.enterprise_id limit 1""")
                .params(published, sjbb).query(Long.class).single();
        jdbc.sql("update park set operator_id = ? where id = ?").params(operator, sjbb).update();
        try {
            Browser admin = Browser.signedIn(port, "admin", PASSWORD);
            admin.get("/evaluations/" + published + "/enterprises/" + objector);
            admin.post("/evaluations/" + published + "/enterprises/" + objector + "/objections",
                    Map.of("metric", "LAND_M2", "claimed", "5000", "reason", "homes-it: land area"));
            Browser park = Browser.signedIn(port, "homes-operator", PASSWORD);
            String html = park.get("/").body();
            List<String> names = jdbc.sql("select name from park where id in (?, ?) order by id").params(jgzn, sjbb)
                    .query(String.class).list();
            assertThat(html).contains("<h1 id=\"home-title\">" + String.join(" · ", names) + "</h1>", "id=\"park-years\"");
            String inParks = "e.park_id in (" + jgzn + ", " + sjbb + ")";
            assertShown(number(html, "tax"), metric("TAX", reference, inParks), 0);

            // Classes of the run the home names: the newest published to the firms.
            long run = jdbc.sql("""
                    select id from evaluation_run where status in ('PUBLICISED', 'FINAL') order by id desc limit 1""")
                    .query(Long.class).single();
            assertThat(html).contains("/evaluations/" + run + "\"");
            List<Map<String, Object>> classes = jdbc.sql("""
                    select r.klass, count(*) as n from evaluation_result r join enterprise e on e.id = r.enterprise_id
                    where r.run_id = ? and r.cohort is not null and r.klass is not null and %s group by r.klass"""
                    .formatted(inParks)).param(run).query().listOfRows();
            assertThat(classes).isNotEmpty();
            for (Map<String, Object> k : classes) {
                assertThat(number(html, "class-" + k.get("klass"))).isEqualByComparingTo(k.get("n").toString());
            }
            long open = jdbc.sql("""
                    select count(*) from evaluation_objection o join enterprise e on e.id = o.enterprise_id
                    join evaluation_run r on r.id = o.run_id
                    where o.status = 'OPEN' and r.status not in ('RUNNING', 'FAILED') and %s""".formatted(inParks))
                    .query(Long.class).single();
            assertThat(open).isPositive();
            Matcher count = Pattern.compile("data-figure=\"open-objections\"[^>]*>(\\d+)<").matcher(html);
            assertThat(count.find()).isTrue();
            assertThat(Long.parseLong(count.group(1))).isEqualTo(open);
            assertThat(html).contains("/evaluations/" + published + "/enterprises/" + objector, "用地面积")
                    .doesNotContain("上海移远通信技术股份有限公司");
        } finally {
            jdbc.sql("update park set operator_id = ? where id = ?").params(sjbbOperator, sjbb).update();
        }
    }

    // ------------------------------------------------------------------------------------------------ enterprise

    @Test
    void anEnterpriseSeesItsOwnFiguresResultWindowAndObjections() {
        Browser firm = Browser.signedIn(port, "enterprise", PASSWORD);
        String html = firm.get("/").body();
        assertThat(html).contains("我的企业", "上海移远通信技术股份有限公司");
        String own = "e.id = " + quectel;
        for (String m : List.of("REVENUE", "TAX", "STAFF")) {
            BigDecimal now = metric(m, reference, own);
            assertShown(number(html, m), now, now.abs().compareTo(BigDecimal.valueOf(100)) >= 0 ? 0 : 2);
            assertThat(yoy(html, m)).isEqualByComparingTo(change(now, metric(m, reference - 1, own)));
        }
        String earlier = firm.get("/?year=" + (reference - 2)).body();
        BigDecimal revenue = metric("REVENUE", reference - 2, own);
        assertShown(number(earlier, "REVENUE"), revenue, 0);
        assertThat(yoy(earlier, "REVENUE")).isEqualByComparingTo(change(revenue, metric("REVENUE", reference - 3, own)));

        // Its result in the newest run shown to enterprises that has one.
        Map<String, Object> result = jdbc.sql("""
                select r.id, x.klass, x.rank, x.of_count from evaluation_run r
                join evaluation_result x on x.run_id = r.id and x.enterprise_id = ?
                where r.status in ('LAND_PUBLICISED', 'PUBLICISED', 'FINAL') and (x.klass is not null or x.total is not null)
                order by r.year desc, r.id desc limit 1""").param(quectel).query().singleRow();
        assertThat(figure(html, "klass")).isEqualTo(result.get("klass") + " 类");
        assertThat(figure(html, "rank")).isEqualTo("第 " + result.get("rank") + " 名 / 共 " + result.get("of_count") + " 家");
        assertThat(html).contains("href=\"/evaluations/" + result.get("id") + "/enterprises/" + quectel + "\"");

        // The 公示 window of the run published here, its deadline and the way to object.
        LocalDate until = jdbc.sql("select publicised_until from evaluation_run where id = ?").param(published)
                .query(LocalDate.class).single();
        assertThat(html).contains("id=\"window\"", "截止 " + until,
                "href=\"/evaluations/" + published + "/enterprises/" + quectel + "#object\"");

        // Its objections with their status; nobody else's.
        List<Map<String, Object>> objections = jdbc.sql("""
                select o.status from evaluation_objection o join evaluation_run r on r.id = o.run_id
                where o.enterprise_id = ? and r.status in ('LAND_PUBLICISED', 'PUBLICISED', 'FINAL')""")
                .param(quectel).query().listOfRows();
        assertThat(objections).isNotEmpty();
        String table = html.substring(html.indexOf("id=\"objections\""));
        assertThat(Pattern.compile("data-status=\"OPEN\"").matcher(table).results().count())
                .isEqualTo(objections.stream().filter(o -> o.get("status").equals("OPEN")).count());
        assertThat(table).contains("待处理");
        assertThat(html).doesNotContain("homes-it: land area");
        for (String other : jdbc.sql("select name from park where id <> (select park_id from enterprise where id = ?)")
                .param(quectel).query(String.class).list()) {
            assertThat(html).doesNotContain(other);
        }

        String en = firm.get("/?lang=en").body();
        assertThat(en).contains("My enterprise", "Raise an objection", "Class " + result.get("klass"), "YoY")
                .doesNotContain("{0", "??", "同比");
        assertThat(Browser.signedIn(port, "park", PASSWORD).get("/?lang=en").body())
                .contains("My parks", "Leases ending within 12 months", "YoY").doesNotContain("{0", "??", "同比");
    }

    @Test
    void anEnterpriseHomeNeverLinksAnUnpublishedRun() {
        assertThat(Browser.signedIn(port, "enterprise", PASSWORD).get("/").body())
                .doesNotContain("/evaluations/" + draft + "/");
    }

    /** In a real browser: the year selector reloads the home for the chosen year; the maps open on the park. */
    @Test
    void inABrowserTheYearSelectorWorksAndTheMapsOpenOnTheOperatorsPark() throws Exception {
        String base = "http://127.0.0.1:" + port;
        long sls = jdbc.sql("select id from park where code = 'SLS'").query(Long.class).single();
        int parcels = jdbc.sql("select count(*) from parcel where park_id = ? and geometry is not null").param(sls)
                .query(Integer.class).single();
        try (org.parkscope.web.HeadlessChromium chrome = new org.parkscope.web.HeadlessChromium(1440, 900)) {
            chrome.signIn(base, "park", PASSWORD);
            chrome.open(base + "/");
            chrome.waitFor("const m = document.getElementById('home-map');"
                    + " return m && m.dataset.ready === 'true'", java.time.Duration.ofSeconds(20));
            assertThat(chrome.script("return document.querySelectorAll('#home-map svg path').length").asInt())
                    .isGreaterThanOrEqualTo(parcels);
            int earlier = reference - 1;
            chrome.script("const s = document.getElementById('year'); s.value = arguments[0];"
                    + " s.dispatchEvent(new Event('change'));", String.valueOf(earlier));
            chrome.waitFor("return location.search.includes('year=" + earlier + "') && document.readyState === 'complete'",
                    java.time.Duration.ofSeconds(20));
            assertThat(chrome.script("return document.getElementById('year').value").asString())
                    .isEqualTo(String.valueOf(earlier));

            // The town map opens on the park: the park's extent fills most of the map, inside it.
            chrome.open(base + "/map");
            chrome.waitFor("const m = document.getElementById('town-map');"
                    + " return m && m.dataset.ready === 'true' && !!m.dataset.fitted", java.time.Duration.ofSeconds(30));
            double share = chrome.script("""
                    const b = document.getElementById('town-map').dataset.fitted.split(',').map(Number);
                    const m = window.parkscopeMap;
                    const p = m.convertToPixel({geoIndex: 0}, [b[0], b[1]]), q = m.convertToPixel({geoIndex: 0}, [b[2], b[3]]);
                    const inside = [p, q].every(c => c[0] >= 0 && c[1] >= 0 && c[0] <= m.getWidth() && c[1] <= m.getHeight());
                    return inside ? Math.max(Math.abs(q[0] - p[0]) / m.getWidth(), Math.abs(q[1] - p[1]) / m.getHeight()) : -1;
                    """).asDouble();
            assertThat(share).as("share of the map the park's extent takes").isBetween(0.5, 1.0);
        }
    }

    @Test
    void theAuditorsHomeIsTheAuditTrail() {
        HttpResponse<String> r = Browser.signedIn(port, "auditor", PASSWORD).get("/");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/audit");
    }
}
