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

/** The same seed builds the same town, row for row, in a second database on the same server. */
@PlatformTest
class DemoTownReproducibilityIT {

    static final List<String> TABLES = List.of("park", "parcel", "building", "floor_space", "enterprise", "occupancy",
            "cluster_member", "qualification", "indicator_value");

    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;

    @Test
    void aFixedSeedGivesIdenticalData() {
        String db = "parkscope_repro";
        jdbc.sql("drop database if exists " + db).update();
        jdbc.sql("create database " + db).update();
        String url = dataSource.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1");
        DriverManagerDataSource second = new DriverManagerDataSource(url, dataSource.getUsername(),
                dataSource.getPassword() == null ? "" : dataSource.getPassword());
        try {
            Flyway.configure().dataSource(second).load().migrate();
            new DemoTownGenerator(second, new TransactionTemplate(new DataSourceTransactionManager(second))).generate();
            JdbcClient other = JdbcClient.create(second);
            for (String table : TABLES) {
                assertThat(checksum(other, table)).as(table).isEqualTo(checksum(jdbc, table));
            }
        } finally {
            jdbc.sql("drop database if exists " + db + " with (force)").update();
        }
    }

    private static String checksum(JdbcClient client, String table) {
        String order = table.equals("cluster_member") ? "cluster_id, enterprise_id" : "id";
        return client.sql("select md5(string_agg(t::text, '|' order by " + order + ")) from " + table + " t")
                .query(String.class).single();
    }
}
