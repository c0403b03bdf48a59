package org.parkscope.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The migrated schema guards its own invariants. */
@PlatformTest
class SchemaIT {

    @Autowired JdbcClient jdbc;

    @Test
    void auditLogIsAppendOnly() {
        long id = jdbc.sql("insert into audit_log(actor, action, entity, entity_id, before, after) values "
                + "('test', 'UPDATE', 'park', '1', '{\"name\":\"a\"}', '{\"name\":\"b\"}') returning id")
                .query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor = 'x' where id = ?").param(id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log where id = ?").param(id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void areasArePositiveAndPeriodsWellFormed() {
        long park = jdbc.sql("select min(id) from park").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("insert into parcel(park_id, certificate_no, area_m2, land_use, rights_holder_name)"
                + " values (?, 'TEST-NEG', -1, '工业用地', 'x')").param(park).update())
                .hasMessageContaining("check");
        long ent = jdbc.sql("select min(id) from enterprise").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("insert into indicator_value(enterprise_id, period, metric, value, unit,"
                + " source_department) values (?, '2023-13', 'TAX', 1, '万元', 'TAX')").param(ent).update())
                .hasMessageContaining("check");
    }

    @Autowired HikariDataSource dataSource;

    @Test
    void servesTheConfiguredDatabase() {
        String external = System.getenv("PARKSCOPE_DB_URL");
        String version = jdbc.sql("show server_version").query(String.class).single();
        if (external != null && !external.isBlank()) {
            assertThat(dataSource.getJdbcUrl()).isEqualTo(external);
        } else {
            assertThat(dataSource.getJdbcUrl()).startsWith("jdbc:postgresql://localhost:").endsWith("/parkscope");
            assertThat(version).as("the embedded server is a current major version").startsWith("17.");
        }
    }

    @Test
    void flywayAppliedTheRegistryMigration() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                .isGreaterThanOrEqualTo(1);
    }
}
