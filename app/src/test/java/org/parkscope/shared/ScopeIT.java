package org.parkscope.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.dashboard.TownDashboard;
import org.parkscope.enterprise.EnterpriseFilter;
import org.parkscope.enterprise.EnterpriseQueries;
import org.parkscope.park.ParkQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every registry query can be limited to some parks or to one enterprise. */
@PlatformTest
class ScopeIT {

    @Autowired ParkQueries parks;
    @Autowired EnterpriseQueries enterprises;
    @Autowired TownDashboard dashboard;
    @Autowired TownContext town;
    @Autowired JdbcClient jdbc;

    @Test
    void aParkScopeSeesOnlyItsParks() {
        long sls = jdbc.sql("select id from park where code = 'SLS'").query(Long.class).single();
        long other = jdbc.sql("select id from park where code = 'G60XC'").query(Long.class).single();
        Scope scope = Scope.parks(Set.of(sls));
        int year = town.referenceYear();

        assertThat(parks.summaries(scope, year)).extracting(ParkQueries.ParkSummary::id).containsExactly(sls);
        assertThat(parks.detail(scope, other)).isEmpty();
        assertThat(parks.parcels(scope, other)).isEmpty();

        EnterpriseQueries.Page<EnterpriseQueries.EnterpriseRow> page =
                enterprises.list(scope, new EnterpriseFilter(null, null, null, null, null, null, "tax", true, 0, 200), year,
                        town.asOf());
        long inSls = jdbc.sql("select count(*) from enterprise where park_id = ? and status in ('ACTIVE', 'SUSPENDED')").param(sls).query(Long.class).single();
        assertThat(page.total()).isEqualTo(inSls);
        assertThat(page.rows()).allMatch(r -> r.parkId() == sls);

        long foreign = jdbc.sql("select id from enterprise where park_id = ? limit 1").param(other).query(Long.class).single();
        assertThat(enterprises.detail(scope, foreign)).isEmpty();
        assertThat(enterprises.figures(scope, foreign).values()).isEmpty();
        assertThat(enterprises.occupancy(scope, foreign)).isEmpty();

        TownDashboard.Figures f = dashboard.figures(scope, year, town.asOf());
        assertThat(f.parkCount()).isEqualTo(1);
        assertThat(f.featured().taxWan()).isEqualByComparingTo("3500");
    }

    @Test
    void anEnterpriseScopeSeesOnlyItself() {
        long me = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        long other = jdbc.sql("select id from enterprise where id <> ? limit 1").param(me).query(Long.class).single();
        Scope scope = Scope.enterprise(me);
        assertThat(enterprises.detail(scope, me)).isPresent();
        assertThat(enterprises.detail(scope, other)).isEmpty();
        assertThat(enterprises.list(scope, EnterpriseFilter.all(), town.referenceYear(), town.asOf()).total()).isEqualTo(1);
        assertThat(enterprises.figures(scope, me).values()).containsKey("REVENUE");
    }
}
