package org.parkscope.demo;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A new, migrated database on the test server, beside the platform's own; dropped by {@link #drop}. */
final class FreshDatabase {

    private FreshDatabase() {}

    static DataSource create(JdbcClient jdbc, HikariDataSource server, String db) {
        drop(jdbc, db);
        jdbc.sql("create database " + db).update();
        String url = server.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1");
        DriverManagerDataSource ds = new DriverManagerDataSource(url, server.getUsername(),
                server.getPassword() == null ? "" : server.getPassword());
        Flyway.configure().dataSource(ds).load().migrate();
        return ds;
    }

    static void drop(JdbcClient jdbc, String db) {
        jdbc.sql("drop database if exists " + db + " with (force)").update();
    }
}
