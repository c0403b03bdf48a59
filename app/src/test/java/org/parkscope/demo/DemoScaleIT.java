package org.parkscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.parkscope.PlatformTest;
import org.parkscope.core.code.Uscc;
import org.parkscope.shared.GeoJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A scaled generation (three towns, 6 000 firms, in a database of its own) keeps the demo town's invariants: valid
 * unique 统一社会信用代码, parcels inside their county's outline, every firm in a park of its own town, occupancy that
 * adds up, five years of figures, qualifications and cluster members in every town.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoScaleIT {

    private static final String DB = "parkscope_scale_test";

    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;
    JdbcClient scaled;

    @BeforeAll
    void generateThreeTowns() {
        DataSource ds = FreshDatabase.create(jdbc, dataSource, DB);
        new DemoTownGenerator(ds, new TransactionTemplate(new DataSourceTransactionManager(ds)))
                .generate(DemoScale.parse("6000"));
        scaled = JdbcClient.create(ds);
    }

    @AfterAll
    void dropIt() {
        FreshDatabase.drop(jdbc, DB);
    }

    private long count(String sql) {
        return scaled.sql(sql).query(Long.class).single();
    }

    @Test
    void threeRealTownsOfSongjiangWithTheirOwnParks() {
        List<Map<String, Object>> towns = scaled.sql("select r.id, r.code, r.name, c.code as county from region r"
                + " join region c on c.id = r.parent_id where r.level = 'TOWN' order by r.id").query().listOfRows();
        assertThat(towns).hasSize(3);
        assertThat(towns.get(0)).containsEntry("code", "310117102000").containsEntry("name", "泗泾镇");
        for (Map<String, Object> t : towns) {
            assertThat((String) t.get("code")).startsWith((String) t.get("county"));
            assertThat(count("select count(*) from park where region_id = " + t.get("id"))).isEqualTo(23);
            assertThat(count("select count(*) from region where outline is not null and id = " + t.get("id"))).isOne();
        }
        assertThat(count("select count(distinct name) from park")).isEqualTo(69);
        assertThat(count("select count(*) from enterprise where status = 'ACTIVE'")).isEqualTo(6000);
    }

    @Test
    void codesAreValidUniqueAndOfTheFirmsOwnTownAndCounty() {
        List<String> codes = scaled.sql("select uscc from enterprise").query(String.class).list();
        assertThat(codes).doesNotHaveDuplicates().allSatisfy(c -> assertThat(Uscc.check(c, false).ok()).as(c).isTrue());
        assertThat(count("select count(*) from enterprise where park_id is null")).isZero();
        // Registered in the town of its park, with the county's code in the credit code (digits 3–8).
        assertThat(count("""
                select count(*) from enterprise e join park p on p.id = e.park_id join region t on t.id = p.region_id
                join region c on c.id = t.parent_id
                where e.registered_region_code <> t.code or substr(e.uscc, 3, 6) <> c.code""")).isZero();
        assertThat(count("select count(*) - count(distinct name) from enterprise")).isZero();
    }

    @Test
    void parcelsAndBuildingsLieInsideTheirCountyOutline() {
        GeometryFactory gf = new GeometryFactory();
        List<Map<String, Object>> rows = scaled.sql("""
                select pa.geometry::text as parcel, c.outline::text as county from parcel pa join park p on p.id = pa.park_id
                join region t on t.id = p.region_id join region c on c.id = t.parent_id""").query().listOfRows();
        assertThat(rows).hasSize((int) count("select count(*) from parcel"));
        Geometry county = GeoJson.readPolygonal((String) rows.get(0).get("county"), gf);
        for (Map<String, Object> r : rows) {
            assertThat(county.contains(GeoJson.readPolygonal((String) r.get("parcel"), gf))).isTrue();
        }
        assertThat(count("select count(*) from building where geometry is null")).isZero();
        assertThat(count("select count(*) - count(distinct certificate_no) from parcel")).isZero();
    }

    @Test
    void occupancyAddsUp() {
        // Every tenant rents a unit of a building on its parcel from someone, and no building is let above its floor area.
        assertThat(count("""
                select count(*) from occupancy o left join floor_space f on f.id = o.floor_space_id
                left join building b on b.id = f.building_id
                where o.role = 'TENANT' and (o.landlord_id is null or b.parcel_id is distinct from o.parcel_id
                                             or o.leased_area_m2 is null)""")).isZero();
        assertThat(count("""
                select count(*) from building b where b.floor_area_m2 < (select coalesce(sum(f.area_m2), 0)
                from floor_space f where f.building_id = b.id)""")).isZero();
        // Every parcel has a holder and each firm is placed in its own park.
        assertThat(count("select count(*) from parcel where rights_holder_name is null")).isZero();
        assertThat(count("select count(*) from occupancy o join enterprise e on e.id = o.enterprise_id"
                + " where o.park_id <> e.park_id and o.valid_to is null")).isZero();
        assertThat(count("select count(*) from enterprise e where e.status = 'ACTIVE' and not exists"
                + " (select 1 from occupancy o where o.enterprise_id = e.id)")).isZero();
    }

    @Test
    void fiveYearsOfFiguresQualificationsAndClustersInEveryTown() {
        assertThat(scaled.sql("select distinct period from indicator_value order by 1").query(String.class).list())
                .containsExactly("2019", "2020", "2021", "2022", "2023");
        // Each active firm reports its revenue in every year since it was registered.
        assertThat(count("""
                select count(*) from enterprise e cross join generate_series(2019, 2023) y
                where e.status = 'ACTIVE' and y >= extract(year from e.registered_on)
                  and not exists (select 1 from indicator_value v where v.enterprise_id = e.id and v.period = y::text
                                  and v.metric = 'REVENUE')""")).isZero();
        for (long town : scaled.sql("select id from region where level = 'TOWN'").query(Long.class).list()) {
            String firms = "(select e.id from enterprise e join park p on p.id = e.park_id where p.region_id = " + town + ")";
            assertThat(count("select count(distinct enterprise_id) from qualification where type = 'HNTE'"
                    + " and issued_on <= date '2024-03-14' and expires_on >= date '2024-03-14' and enterprise_id in " + firms))
                    .isEqualTo(DemoCatalog.QUALIFIED_HNTE);
            assertThat(count("select count(*) from cluster_member m join cluster c on c.id = m.cluster_id"
                    + " where c.code = 'CRYPTO' and m.enterprise_id in " + firms)).isEqualTo(DemoCatalog.CRYPTO_MEMBERS);
            assertThat(count("select count(*) from enterprise where business_scope is null and status = 'ACTIVE' and id in " + firms)).isZero();
        }
    }
}
