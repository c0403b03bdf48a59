package org.parkscope.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.PlatformTest;
import org.parkscope.importing.ImportKind;
import org.parkscope.importing.ImportReport;
import org.parkscope.importing.ImportRequest;
import org.parkscope.importing.ImportService;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The land facts V018 keeps (parcel_fact, building_fact, parcel_year_fact) and those V022 keeps (low_efficiency_finding,
 * vacant_unit_fact) equal their from-scratch computation after every kind of change — an occupancy import, a
 * figures import, their roll-backs, edits of occupancy, firms, buildings and contracts, a change of criteria — and the
 * map's version moves with them (ETag, 304 while nothing changed).
 */
@PlatformTest
class LandFactsIT {

    /** Every stored row missing from the recomputation, or recomputed row missing from the store, with its table. */
    private static final String DIFFERENCES = """
            with stored as (
                select 'parcel' as t, f.as_of::text || '/' || f.parcel_id as k, row(f.floor_area_m2, f.leased_m2,
                       f.leased_outside_m2, f.occupants, f.vacant_m2, f.vacant_units)::text as v from parcel_fact f
                union all
                select 'building', b.building_id::text, row(b.parcel_id, b.vacant_m2)::text from building_fact b
                union all
                select 'year', y.parcel_id || '/' || y.year, row(y.occupants, y.tax, y.revenue, y.output, y.sales,
                       y.activity)::text from parcel_year_fact y
                union all
                select 'finding', f.year || '/' || f.parcel_id, row(f.tax_per_mu, f.output_per_mu, f.reasons)::text
                from low_efficiency_finding f
                union all
                select 'vacant', v.floor_space_id::text, v.parcel_id::text from vacant_unit_fact v
            ), fresh as (
                select 'parcel' as t, d.d::text || '/' || c.parcel_id as k, row(c.floor_area_m2, c.leased_m2,
                       c.leased_outside_m2, c.occupants, c.vacant_m2, c.vacant_units)::text as v
                from land_fact_dates() d(d) cross join lateral parcel_facts_computed(d.d) c
                union all
                select 'building', b.id::text, row(b.parcel_id, coalesce(v.m2, 0))::text from building b
                left join (select fs.building_id, sum(fs.area_m2) as m2 from vacant_floor_space(land_as_of()) fs
                           group by fs.building_id) v on v.building_id = b.id
                union all
                select 'year', s.parcel_id || '/' || s.year, row(s.occupants, s.tax, s.revenue, s.output, s.sales,
                       s.activity)::text
                from land_figure_years() y cross join lateral parcel_site_years(y.first_year, y.last_year, null) s
                union all
                select 'finding', c.year || '/' || c.parcel_id, row(c.tax_per_mu, c.output_per_mu, c.reasons)::text
                from low_efficiency_computed(land_reference_year(), null) c
                union all
                select 'vacant', fs.id::text, b.parcel_id::text from vacant_floor_space(land_as_of()) fs
                join building b on b.id = fs.building_id
            )
            (select 'stored ' || t || ' ' || k || ' ' || v from stored except select 'stored ' || t || ' ' || k || ' ' || v from fresh)
            union all
            (select 'fresh ' || t || ' ' || k || ' ' || v from fresh except select 'fresh ' || t || ' ' || k || ' ' || v from stored)
            """;

    @Autowired JdbcClient jdbc;
    @Autowired ImportService imports;
    @Autowired TransactionTemplate tx;
    @Autowired Environment env;

    private List<String> differences() {
        return jdbc.sql(DIFFERENCES).query(String.class).list();
    }

    private void assertFactsEqualRecomputation(String after) {
        assertThat(differences()).as("stored land facts after " + after).isEmpty();
    }

    private long version() {
        return jdbc.sql("select version from land_data_version").query(Long.class).single();
    }

    private List<String> findings(long parcel) {
        return jdbc.sql("select reasons::text from low_efficiency_finding where parcel_id = ?").param(parcel)
                .query(String.class).list();
    }

    private Map<String, Object> parcelFact(long parcel) {
        return jdbc.sql("select * from parcel_fact where parcel_id = ? and as_of = land_as_of()").param(parcel).query()
                .singleRow();
    }

    private List<Map<String, Object>> yearFacts(long parcel) {
        return jdbc.sql("select * from parcel_year_fact where parcel_id = ? order by year").param(parcel).query()
                .listOfRows();
    }

    private ImportReport run(ImportKind kind, Path dir, String name, String csv) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, csv.getBytes(StandardCharsets.UTF_8));
        ImportReport r = imports.run(kind, file, name, ImportRequest.Options.defaults(), "test");
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        return r;
    }

    @Test
    void storedFactsEqualTheirRecomputationAfterImportsRollBacksAndEdits(@TempDir Path dir) throws Exception {
        assertFactsEqualRecomputation("the demo town was built");

        // The check can fail: a stored fact put wrong is reported, and a full refresh puts it right.
        long anyParcel = jdbc.sql("select min(parcel_id) from parcel_fact").query(Long.class).single();
        jdbc.sql("update parcel_fact set leased_m2 = leased_m2 + 1 where parcel_id = ?").param(anyParcel).update();
        jdbc.sql("update parcel_year_fact set tax = tax + 1 where parcel_id = (select min(parcel_id) from parcel_year_fact)")
                .update();
        assertThat(jdbc.sql("select count(*) from low_efficiency_finding").query(Integer.class).single())
                .as("the demo town has low-efficiency land").isPositive();
        jdbc.sql("update low_efficiency_finding set tax_per_mu = tax_per_mu + 1"
                + " where parcel_id = (select min(parcel_id) from low_efficiency_finding)").update();
        assertThat(differences()).anyMatch(d -> d.startsWith("stored parcel")).anyMatch(d -> d.startsWith("stored year"))
                .anyMatch(d -> d.startsWith("stored finding"));
        tx.executeWithoutResult(s -> jdbc.sql("select refresh_land_facts(null)").query().listOfRows());
        assertFactsEqualRecomputation("a full refresh");

        // A firm with figures moves onto a parcel with vacant space as its owner-occupier: the parcel is no longer
        // vacant, and the firm's figures are now split between its parcels.
        Map<String, Object> target = jdbc.sql("""
                select pa.id, pa.certificate_no from parcel pa join parcel_fact f on f.parcel_id = pa.id
                where f.as_of = land_as_of() and f.vacant_m2 > 0 order by f.vacant_m2 desc, pa.id limit 1""")
                .query().singleRow();
        long parcel = (Long) target.get("id");
        Map<String, Object> firm = jdbc.sql("""
                select e.id, e.uscc from enterprise e
                where exists (select 1 from indicator_value v where v.enterprise_id = e.id and v.metric = 'TAX'
                              and v.period = '2023')
                  and exists (select 1 from occupancy_at(land_as_of()) o where o.enterprise_id = e.id
                              and o.parcel_id <> :p)
                  and not exists (select 1 from occupancy o where o.enterprise_id = e.id and o.parcel_id = :p)
                order by e.id limit 1""").param("p", parcel).query().singleRow();
        long firmId = (Long) firm.get("id");
        List<Long> firmParcels = jdbc.sql("select distinct parcel_id from occupancy where enterprise_id = ?")
                .param(firmId).query(Long.class).list();
        Map<String, Object> before = parcelFact(parcel);
        List<Map<String, Object>> yearsBefore = yearFacts(firmParcels.get(0));
        long v0 = version();

        ImportReport occupancy = run(ImportKind.OCCUPANCY, dir, "o.csv", "统一社会信用代码,不动产权证号,身份,起租日期\n"
                + firm.get("uscc") + "," + target.get("certificate_no") + ",自用,2020-01-01\n");
        assertFactsEqualRecomputation("an occupancy import");
        assertThat(parcelFact(parcel).get("vacant_m2")).isNotEqualTo(before.get("vacant_m2"));
        assertThat(((Number) parcelFact(parcel).get("vacant_units")).intValue()).isZero();
        assertThat(yearFacts(firmParcels.get(0))).as("the firm's figures are split with its new parcel")
                .isNotEqualTo(yearsBefore);
        long v1 = version();
        assertThat(v1).isGreaterThan(v0);

        // Its 2023 tax is corrected by a figures import: every parcel it occupies shows the new figure.
        ImportReport figures = run(ImportKind.INDICATORS, dir, "f.csv", "统一社会信用代码,期间,指标,数值,单位,来源部门\n"
                + firm.get("uscc") + ",2023,TAX,98765.4321,万元,TAX\n");
        assertFactsEqualRecomputation("a figures import");
        assertThat(version()).isGreaterThan(v1);

        // Roll-backs, newest first: the facts are as they were.
        assertThat(imports.rollback(figures.batchId(), "test").done()).isTrue();
        assertFactsEqualRecomputation("a figures roll-back");
        assertThat(imports.rollback(occupancy.batchId(), "test").done()).isTrue();
        assertFactsEqualRecomputation("an occupancy roll-back");
        assertThat(parcelFact(parcel)).isEqualTo(before);
        assertThat(yearFacts(firmParcels.get(0))).isEqualTo(yearsBefore);

        // Edits: a tenant now pays its tax outside the town, a lease grows, a building's floor area and a unit change.
        Map<String, Object> tenancy = jdbc.sql("""
                select o.id, o.enterprise_id, e.tax_region_code, o.leased_area_m2 from occupancy_at(land_as_of()) o
                join enterprise e on e.id = o.enterprise_id where o.role = 'TENANT' order by o.id limit 1""")
                .query().singleRow();
        Map<String, Object> unit = jdbc.sql("select id, area_m2, building_id from floor_space order by id limit 1")
                .query().singleRow();
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql("update enterprise set tax_region_code = '320506001000' where id = ?")
                        .param(tenancy.get("enterprise_id")).update();
                jdbc.sql("update occupancy set leased_area_m2 = leased_area_m2 + 150 where id = ?")
                        .param(tenancy.get("id")).update();
                jdbc.sql("update building set floor_area_m2 = floor_area_m2 + 10 where id = ?")
                        .param(unit.get("building_id")).update();
                jdbc.sql("update floor_space set area_m2 = area_m2 + 5 where id = ?").param(unit.get("id")).update();
            });
            assertFactsEqualRecomputation("edits");
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("update enterprise set tax_region_code = ? where id = ?")
                        .params(tenancy.get("tax_region_code"), tenancy.get("enterprise_id")).update();
                jdbc.sql("update occupancy set leased_area_m2 = ? where id = ?")
                        .params(tenancy.get("leased_area_m2"), tenancy.get("id")).update();
                jdbc.sql("update building set floor_area_m2 = floor_area_m2 - 10 where id = ?")
                        .param(unit.get("building_id")).update();
                jdbc.sql("update floor_space set area_m2 = ? where id = ?").params(unit.get("area_m2"), unit.get("id"))
                        .update();
            });
        }
        assertFactsEqualRecomputation("the edits were undone");

        // A contract whose completion is three years overdue lists its parcel; a per-亩 tax target far above what the
        // parcel pays adds a second reason; deleting the contract takes both away again.
        long unlisted = jdbc.sql("""
                select min(pa.id) from parcel pa where not exists (select 1 from low_efficiency_finding f
                where f.parcel_id = pa.id) and not exists (select 1 from land_contract c where c.parcel_id = pa.id)
                and exists (select 1 from parcel_year_fact y where y.parcel_id = pa.id and y.year = land_reference_year()
                            and y.tax > 0)""")
                .query(Long.class).single();
        tx.executeWithoutResult(s -> {
            long contract = jdbc.sql("""
                    insert into land_contract(parcel_id, contract_no, kind, signed_on, completion_due)
                    values (?, 'IT-LOW-1', 'GRANT', date '2010-01-01', date '2012-06-30') returning id""")
                    .param(unlisted).query(Long.class).single();
            jdbc.sql("""
                    insert into land_obligation(contract_id, metric, label, target, unit, event, offset_years)
                    values (?, 'TAX', '亩均税收', 100000, '万元/亩', 'SIGNING', 0)""").param(contract).update();
        });
        assertFactsEqualRecomputation("a contract and its target were recorded");
        assertThat(findings(unlisted)).singleElement().asString().contains("COMPLETION_OVERDUE");
        tx.executeWithoutResult(s -> jdbc.sql("update land_contract set completed_on = date '2011-01-01'"
                + " where contract_no = 'IT-LOW-1'").update());
        assertFactsEqualRecomputation("a contract's completion was recorded");
        assertThat(findings(unlisted)).singleElement().asString().contains("BELOW_CONTRACT_TAX")
                .doesNotContain("COMPLETION_OVERDUE");
        tx.executeWithoutResult(s -> jdbc.sql("delete from land_contract where contract_no = 'IT-LOW-1'").update());
        assertFactsEqualRecomputation("the contract was deleted");
        assertThat(findings(unlisted)).isEmpty();

        // New criteria (the platform writes its configured ones on start): every finding follows, then back again.
        int listed = jdbc.sql("select count(*) from low_efficiency_finding").query(Integer.class).single();
        java.util.function.Consumer<Double> raise = by -> tx.executeWithoutResult(s -> {
            jdbc.sql("update low_efficiency_criterion set standard_per_mu = standard_per_mu * ?"
                    + " where kind = 'BELOW_STANDARD'").param(by).update();
            jdbc.sql("select refresh_low_efficiency(null)").query().listOfRows();
        });
        try {
            raise.accept(4.0);
            assertFactsEqualRecomputation("the criteria changed");
            assertThat(jdbc.sql("select count(*) from low_efficiency_finding").query(Integer.class).single())
                    .isGreaterThan(listed);
        } finally {
            raise.accept(0.25);
        }
        assertFactsEqualRecomputation("the criteria were restored");
    }

    @Test
    void theMapLayersAreVersionedAnsweredNotModifiedUntilTheDataChangeAndCompressed() throws Exception {
        int port = Integer.parseInt(env.getProperty("local.server.port"));
        Browser admin = Browser.signedIn(port, "admin", "Parkscope2024");
        String cookie = "JSESSIONID=" + admin.sessionId().orElseThrow();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/map?zoom=0"))
                .header("Cookie", cookie);

        HttpResponse<byte[]> first = http.send(get.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache");
        assertThat(new String(first.body(), StandardCharsets.UTF_8)).contains("\"FeatureCollection\"")
                .doesNotContain("lowEfficiencyEn");

        HttpResponse<byte[]> again = http.send(get.copy().header("If-None-Match", etag).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        // A finer level is another payload, larger than the coarsest one.
        HttpResponse<byte[]> exact = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/map?zoom=4")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(exact.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        assertThat(exact.body().length).isGreaterThan(first.body().length);

        // Compressed when the client asks for it.
        HttpResponse<byte[]> gzip = http.send(get.copy().header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gzip.body().length).isLessThan(first.body().length / 2);

        // A change to what the map shows gives a new version: the old tag is answered with the new layers.
        long p = jdbc.sql("select min(id) from parcel").query(Long.class).single();
        String use = jdbc.sql("select land_use from parcel where id = ?").param(p).query(String.class).single();
        try {
            jdbc.sql("update parcel set land_use = '仓储用地' where id = ?").param(p).update();
            HttpResponse<byte[]> changed = http.send(get.copy().header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        } finally {
            jdbc.sql("update parcel set land_use = ? where id = ?").params(use, p).update();
        }

        // A parcel's details come on demand, as a small fragment.
        HttpResponse<String> panel = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/map/parcels/" + p)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(panel.statusCode()).isEqualTo(200);
        assertThat(panel.body()).contains("data-parcel=\"" + p + "\"").doesNotContain("<html");
        assertFactsEqualRecomputation("the map test's edit");
    }
}
