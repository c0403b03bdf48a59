package org.parkscope.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
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
            jdbc.sql("drop database if exists parkscope_repro_a with (force)").update();
            jdbc.sql("drop database if exists parkscope_repro_b with (force)").update();
        }
    }

    /** A new database on the same server, migrated and filled by the generator. */
    private JdbcClient freshTown(String db) {
        jdbc.sql("drop database if exists " + db + " with (force)").update();
        jdbc.sql("create database " + db).update();
        String url = dataSource.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1");
        DriverManagerDataSource ds = new DriverManagerDataSource(url, dataSource.getUsername(),
                dataSource.getPassword() == null ? "" : dataSource.getPassword());
        Flyway.configure().dataSource(ds).load().migrate();
        new DemoTownGenerator(ds, new TransactionTemplate(new DataSourceTransactionManager(ds))).generate();
        return JdbcClient.create(ds);
    }

    private static String checksum(JdbcClient client, String table) {
        String order = table.equals("cluster_member") ? "cluster_id, enterprise_id" : "id";
        return client.sql("select md5(string_agg(t::text, '|' order by " + order + ")) from " + table + " t")
                .query(String.class).single();
    }
}
