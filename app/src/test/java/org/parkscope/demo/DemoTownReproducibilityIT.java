package org.parkscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The same seed builds the same town, row for row, in two new databases on the same server. */
@PlatformTest
class DemoTownReproducibilityIT {

    static final List<String> TABLES = List.of("park", "parcel", "building", "floor_space", "enterprise", "occupancy",
            "cluster_member", "qualification", "indicator_value");

    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void aFixedSeedGivesIdenticalData() {
        JdbcClient first = freshTown("parkscope_repro_a");
        JdbcClient second = freshTown("parkscope_repro_b");
        try {
            for (String table : TABLES) {
                assertThat(checksum(second, table)).as(table).isEqualTo(checksum(first, table));
            }
            assertThat(first.sql("select count(*) from enterprise where status = 'ACTIVE'").query(Long.class).single()).isEqualTo(2000);
        } finally {
            FreshDatabase.drop(jdbc, "parkscope_repro_a");
            FreshDatabase.drop(jdbc, "parkscope_repro_b");
        }
    }

    /** A new database on the same server, migrated and filled by the generator. */
    private JdbcClient freshTown(String db) {
        DataSource ds = FreshDatabase.create(jdbc, dataSource, db);
        new DemoTownGenerator(ds, new TransactionTemplate(new DataSourceTransactionManager(ds))).generate();
        return JdbcClient.create(ds);
    }

    private static String checksum(JdbcClient client, String table) {
        String order = table.equals("cluster_member") ? "cluster_id, enterprise_id" : "id";
        return client.sql("select md5(string_agg(t::text, '|' order by " + order + ")) from " + table + " t")
                .query(String.class).single();
    }
}
