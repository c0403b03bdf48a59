package org.parkscope.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The embedded server asks every connection for the folder's password (scram-sha-256, loopback only), kept in an
 * owner-only file; a folder made by an older version (initdb's trust, no secret) is upgraded on its first start with
 * its data kept.
 */
class EmbeddedDatabaseSecurityIT {

    @Test
    void anOldTrustFolderIsUpgradedAndEveryConnectionNeedsTheSecret() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "pg-secure-").resolve("pgdata");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start();
                Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + EmbeddedDatabase.DATABASE);
            try (Connection p = old.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection();
                    Statement ps = p.createStatement()) {
                ps.execute("create table kept(note text)");
                ps.execute("insert into kept values ('from before the upgrade')");
            }
        }
        String secret;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(EmbeddedServerSharingIT.strings(db, "select note from kept")).containsExactly("from before the upgrade");
            secret = db.password();
            Path file = dir.resolve("parkscope.secret");
            assertThat(Files.readString(file).trim()).isEqualTo(secret).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readAllLines(dir.resolve("pg_hba.conf")))
                    .noneMatch(l -> !l.startsWith("#") && l.contains("trust"))
                    .anyMatch(l -> l.contains("scram-sha-256"));

            String url = db.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong" + secret).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(EmbeddedServerSharingIT.strings(db, "select current_setting('password_encryption')"
                    + " || ' ' || current_setting('listen_addresses') || ' ' || left(rolpassword, 13)"
                    + " from pg_authid where rolname = 'postgres'"))
                    .containsExactly("scram-sha-256 localhost SCRAM-SHA-256");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(db.password()).as("the secret is kept").isEqualTo(secret);
            assertThat(EmbeddedServerSharingIT.strings(db, "select note from kept")).containsExactly("from before the upgrade");
        }
    }
}
