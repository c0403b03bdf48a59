package org.parkscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.junit.jupiter.api.Test;
import org.parkscope.shared.ClusterFigures;
import org.parkscope.PlatformTest;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.core.code.Uscc;
import org.parkscope.core.stats.AboveScale;
import org.parkscope.shared.GeoJson;
import org.parkscope.dashboard.QualificationGroup;
import org.parkscope.dashboard.TownDashboard;
import org.parkscope.shared.Scope;
import org.parkscope.shared.TownContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo town reproduces every figure the article states, computed the ordinary way from the stored rows, and its
 * data are internally consistent (valid codes, land inside 松江区, 规上 flags that agree with revenue).
 */
@PlatformTest
class DemoTownIT {

    @Autowired TownDashboard dashboard;
    @Autowired TownContext town;
    @Autowired JdbcClient jdbc;

    TownDashboard.Figures figures() {
        return dashboard.figures(Scope.town(), town.referenceYear(), town.asOf());
    }

    @Test
    void townIsSijingWithItsRealCodeAndTheArticleDate() {
        TownContext.Town t = town.town().orElseThrow();
        assertThat(t.name()).isEqualTo("泗泾镇");
        assertThat(t.code()).isEqualTo("310117102000");
        assertThat(town.referenceYear()).isEqualTo(2023);
    }

    @Test
    void articleFiguresComeOutOfTheData() {
        TownDashboard.Figures f = figures();
        assertThat(f.parkCount()).isEqualTo(23);

        assertThat(f.featured().name()).isEqualTo("手拉手汽车港");
        assertThat(f.featured().landMu().setScale(0, RoundingMode.HALF_UP)).isEqualByComparingTo("157");
        assertThat(f.featured().landMu().subtract(new BigDecimal("157")).abs()).isLessThan(new BigDecimal("0.001"));
        assertThat(f.featured().taxWan()).isEqualByComparingTo("3500");
        assertThat(f.featured().goodsSalesWan()).isEqualByComparingTo("500000"); // 50 亿元

        // SEI output is exactly 80 % of above-scale industrial output.
        assertThat(f.seiShare().seiOutputWan().multiply(BigDecimal.valueOf(5)))
                .isEqualByComparingTo(f.seiShare().totalOutputWan().multiply(BigDecimal.valueOf(4)));
        assertThat(f.seiShare().percent()).isEqualByComparingTo("80");

        // "近200亿元": just under 200 亿元.
        BigDecimal yi = f.keyClusterRevenueWan().divide(BigDecimal.valueOf(10_000));
        assertThat(yi).isGreaterThanOrEqualTo(new BigDecimal("190")).isLessThan(new BigDecimal("200"));

        // "50余家" in the commercial-cryptography cluster.
        ClusterFigures.ClusterFigure crypto = f.clusters().stream().filter(c -> c.tier().equals("SUB")).findFirst().orElseThrow();
        assertThat(crypto.name()).contains("商用密码");
        assertThat(crypto.members()).isBetween(50L, 59L);

        assertThat(f.qualified()).containsExactlyInAnyOrderEntriesOf(Map.of(
                QualificationGroup.HNTE, 142L,
                QualificationGroup.SRDI, 52L,
                QualificationGroup.LISTED, 40L,
                QualificationGroup.TECH_CENTER, 11L,
                QualificationGroup.CHAMPION_OR_TECH_GIANT, 9L,
                QualificationGroup.ACADEMICIAN_STATION, 5L,
                QualificationGroup.HARDCORE_TOP100, 2L));
    }

    @Test
    void qualificationCountsDependOnTheDateAsTheyShould() {
        // Certificates lapse and new ones are granted: later dates give other counts, so the date is really used.
        Map<QualificationGroup, Long> later = dashboard.figures(Scope.town(), 2023, town.asOf().plusYears(1)).qualified();
        assertThat(later.get(QualificationGroup.HNTE)).isNotEqualTo(142L);
        long stored = jdbc.sql("select count(distinct enterprise_id) from qualification where type = 'HNTE'")
                .query(Long.class).single();
        assertThat(stored).isGreaterThan(142L);
    }

    @Test
    void aboutTwoThousandEnterprisesWithValidCodesAndFiveYearsOfFigures() {
        List<String[]> rows = jdbc.sql("select uscc, industry_code from enterprise")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        assertThat(rows).hasSizeBetween(1900, 2100);
        IndustryCodes codes = IndustryCodes.load();
        for (String[] r : rows) {
            assertThat(Uscc.check(r[0], false).ok()).as(r[0]).isTrue();
            assertThat(codes.find(r[1])).as(r[1]).isPresent();
        }
        List<String> periods = jdbc.sql("select distinct period from indicator_value order by 1").query(String.class).list();
        assertThat(periods).containsExactly("2019", "2020", "2021", "2022", "2023");
        List<String> metrics = jdbc.sql("select distinct metric from indicator_value order by 1").query(String.class).list();
        assertThat(metrics).contains("TAX", "REVENUE", "OUTPUT", "VALUE_ADDED", "ENERGY", "ELECTRICITY", "EMISSIONS",
                "RD", "STAFF");
    }

    @Test
    void aboveScaleFlagsAgreeWithRevenue() {
        List<Object[]> rows = jdbc.sql("""
                select e.industry_code, e.above_scale, v.value from enterprise e
                join indicator_value v on v.enterprise_id = e.id and v.metric = 'REVENUE' and v.period = '2023'
                """).query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBigDecimal(3)}).list();
        assertThat(rows).isNotEmpty();
        for (Object[] r : rows) {
            assertThat(r[1]).as("%s %s", r[0], r[2]).isEqualTo(AboveScale.isAboveScale((String) r[0], (BigDecimal) r[2]));
        }
    }

    @Test
    void sublettingIsPresentAndNeverExceedsFloorArea() {
        long tenants = jdbc.sql("select count(*) from occupancy where role = 'TENANT'").query(Long.class).single();
        long landlords = jdbc.sql("select count(distinct enterprise_id) from occupancy where role = 'LANDLORD'")
                .query(Long.class).single();
        long ownerOnly = jdbc.sql("select count(*) from parcel p where not exists (select 1 from occupancy o"
                + " where o.parcel_id = p.id and o.role = 'TENANT')").query(Long.class).single();
        assertThat(tenants).isGreaterThan(1000);
        assertThat(landlords).isGreaterThan(20);
        assertThat(ownerOnly).as("园中园 on part of the parcels only").isGreaterThan(0);
        long overLet = jdbc.sql("""
                select count(*) from building b where b.floor_area_m2 <
                  (select coalesce(sum(o.leased_area_m2), 0) from occupancy o where o.building_id = b.id)
                """).query(Long.class).single();
        assertThat(overLet).isZero();
        long outsideTax = jdbc.sql("select count(*) from enterprise where tax_region_code <> registered_region_code")
                .query(Long.class).single();
        assertThat(outsideTax).as("some tenants pay tax outside the town").isGreaterThan(0);
    }

    @Test
    void parksAndParcelsLieInsideSongjiang() {
        String outline = jdbc.sql("select outline::text from region where code = '310117'").query(String.class).single();
        GeometryFactory gf = new GeometryFactory();
        Geometry songjiang = GeoJson.readFirstPolygon(
                "{\"features\":[{\"geometry\":" + outline + "}]}", gf);
        List<String> shapes = jdbc.sql("select geometry::text from parcel union all select boundary::text from park")
                .query(String.class).list();
        assertThat(shapes).hasSizeGreaterThan(100);
        for (String s : shapes) {
            Geometry g = GeoJson.readFirstPolygon("{\"features\":[{\"geometry\":" + s + "}]}", gf);
            assertThat(songjiang.contains(g)).as(s).isTrue();
        }
    }
}
