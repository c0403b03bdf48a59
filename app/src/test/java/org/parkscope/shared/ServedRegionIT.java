package org.parkscope.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The region an installation serves is the lowest region holding every park (SQL served_region()): the town on a
 * town's platform, the district or the city when parks lie in several towns. Changes are rolled back.
 */
@PlatformTest
class ServedRegionIT {

    @Autowired JdbcClient jdbc;
    @Autowired TownContext town;
    @Autowired TransactionTemplate tx;

    @Test
    void theDemoServesItsTown() {
        TownContext.Town served = town.town().orElseThrow();
        long parksOutside = jdbc.sql("select count(*) from park where region_id <> ?").param(served.id())
                .query(Long.class).single();
        assertThat(parksOutside).isZero();
        assertThat(served.level()).isEqualTo("TOWN");
        assertThat(town.asOf()).isEqualTo(jdbc.sql("select as_of_date from region where id = ?").param(served.id())
                .query(LocalDate.class).single());
    }

    @Test
    void parksInSeveralTownsMakeTheirLowestCommonRegionServed() {
        tx.executeWithoutResult(status -> {
            TownContext.Town before = town.town().orElseThrow();
            long county = jdbc.sql("select parent_id from region where id = ?").param(before.id()).query(Long.class)
                    .single();
            long sibling = region("310117999000", "测试镇", "TOWN", county, LocalDate.of(2030, 1, 31));
            long siblingPark = park(sibling, "served-region-test-1");
            // a tenant taxed in the parcel's own town is local there, one taxed in the first town is not
            long parcel = jdbc.sql("insert into parcel(park_id, certificate_no, area_m2, land_use, rights_holder_name)"
                    + " values (?, 'served-region-test', 1000, '工业用地', '测试') returning id").param(siblingPark)
                    .query(Long.class).single();
            tenant(parcel, siblingPark, "91310117SRTEST0001", "310117999000", 100);
            tenant(parcel, siblingPark, "91310117SRTEST0002", before.code(), 30);
            assertThat(jdbc.sql("select leased_outside_m2 from parcel_tenancy(current_date) where parcel_id = ?")
                    .param(parcel).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("30");
            TownContext.Town afterSibling = town.town().orElseThrow();
            assertThat(afterSibling.id()).isEqualTo(county);
            assertThat(afterSibling.level()).isEqualTo("COUNTY");
            assertThat(town.asOf()).as("one reporting date: the first town's (land_as_of)").isEqualTo(before.asOfDate());

            long top = jdbc.sql("select parent_id from region where id = ?").param(county).query(Long.class).single();
            long otherCounty = region("319999", "测试区", "COUNTY", top, null);
            park(region("319999001000", "测试区某镇", "TOWN", otherCounty, null), "served-region-test-2");
            assertThat(town.town().orElseThrow().id()).isEqualTo(top);
            status.setRollbackOnly();
        });
        assertThat(town.town().orElseThrow().level()).isEqualTo("TOWN");
    }

    @Test
    void aParcelsOccupantsAreJudgedAgainstItsOwnTown() {
        long parcel = jdbc.sql("select min(id) from parcel").query(Long.class).single();
        String code = jdbc.sql("""
                select r.code from parcel pa join park p on p.id = pa.park_id join region r on r.id = p.region_id
                where pa.id = ?""").param(parcel).query(String.class).single();
        assertThat(town.regionCodeOfParcel(parcel)).isEqualTo(code);
        assertThat(town.regionCodeOfParcel(-1)).isEmpty();
    }

    private long region(String code, String name, String level, Long parent, LocalDate asOf) {
        return jdbc.sql("insert into region(code, name, level, parent_id, as_of_date) values (?, ?, ?, ?, ?) returning id")
                .params(code, name, level, parent, asOf).query(Long.class).single();
    }

    private long park(long region, String code) {
        return jdbc.sql("insert into park(region_id, code, name) values (?, ?, ?) returning id")
                .params(region, code, code + " 园").query(Long.class).single();
    }

    private void tenant(long parcel, long park, String uscc, String taxRegion, int leasedM2) {
        long firm = jdbc.sql("insert into enterprise(uscc, name, industry_code, tax_region_code) values (?, ?, '3922', ?)"
                + " returning id").params(uscc, uscc, taxRegion).query(Long.class).single();
        jdbc.sql("insert into occupancy(enterprise_id, parcel_id, park_id, role, leased_area_m2, valid_from)"
                + " values (?, ?, ?, 'TENANT', ?, date '2000-01-01')").params(firm, parcel, park, leasedM2).update();
    }
}
