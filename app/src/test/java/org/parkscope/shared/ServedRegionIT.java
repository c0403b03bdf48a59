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
            park(sibling, "served-region-test-1");
            TownContext.Town afterSibling = town.town().orElseThrow();
            assertThat(afterSibling.id()).isEqualTo(county);
            assertThat(afterSibling.level()).isEqualTo("COUNTY");
            assertThat(town.asOf()).as("the latest reporting date of the parks' towns").isEqualTo(LocalDate.of(2030, 1,
                    31));

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

    private void park(long region, String code) {
        jdbc.sql("insert into park(region_id, code, name) values (?, ?, ?)").params(region, code, code + " 园").update();
    }
}
