package org.parkscope.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parkscope.web.Browser;

/**
 * The CLI beside a running platform: {@code import} and {@code create-admin} on the folder of a live web app attach to
 * its server and leave it running; the web app sees what they stored. Then the postmaster itself is killed with SIGKILL
 * right after acknowledged commits, and the next start recovers every one of them at the first try.
 */
class EmbeddedServerSharingIT {

    @Test
    void theCliAttachesToTheRunningServerAndAcknowledgedCommitsSurviveAKilledPostmaster() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "pg-shared-").resolve("pgdata");
        Process app = ParkscopeProcess.builder(dir, List.of("--server.port=0", "--parkscope.demo.enabled=true")).start();
        try {
            int http = ParkscopeProcess.awaitRunning(app);
            List<String> usccs;
            long postmaster;
            try (EmbeddedDatabase attached = EmbeddedDatabase.start(dir, 0, false)) {
                assertThat(attached.owner()).as("a second process attaches, it does not own").isFalse();
                usccs = strings(attached, "select uscc from enterprise order by id limit 5");
                postmaster = EmbeddedDatabaseIT.postmasterPid(dir).orElseThrow();
            }

            ParkscopeProcess.Result admin = ParkscopeProcess.command(dir, "create-admin", "tester");
            assertThat(admin.exitCode()).as(admin.output()).isZero();
            assertThat(admin.output()).contains("tester").doesNotContain("Stopping a PostgreSQL server");

            Path csv = dir.resolveSibling("figures.csv");
            StringBuilder rows = new StringBuilder("统一社会信用代码,期间,指标,数值\n");
            usccs.forEach(u -> rows.append(u).append(",2041,税收,123\n"));
            Files.writeString(csv, rows, StandardCharsets.UTF_8);
            ParkscopeProcess.Result imported = ParkscopeProcess.command(dir, "import", csv.toString(), "--type", "indicators");
            assertThat(imported.exitCode()).as(imported.output()).isZero();

            assertThat(app.isAlive()).isTrue();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the same server runs on").contains(true);
            Browser browser = Browser.signedIn(http, "admin", "Parkscope2024");
            assertThat(browser.get("/enterprises").statusCode()).isEqualTo(200);
            try (EmbeddedDatabase attached = EmbeddedDatabase.start(dir, 0, false)) {
                assertThat(strings(attached, "select count(*) from indicator_value where period = '2041'"))
                        .containsExactly(String.valueOf(usccs.size()));
                assertThat(strings(attached, "select count(*) from app_user where username = 'tester'")).containsExactly("1");
                assertThat(strings(attached, "select current_setting('synchronous_commit') || current_setting('fsync')"
                        + " || current_setting('full_page_writes')")).containsExactly("ononon");

                // acknowledged commits, then the postmaster is killed at once
                try (Connection c = attached.connect(); Statement s = c.createStatement()) {
                    s.execute("create table durability_probe (id int primary key)");
                    try (PreparedStatement insert = c.prepareStatement("insert into durability_probe values (?)")) {
                        for (int i = 1; i <= 200; i++) {
                            insert.setInt(1, i);
                            insert.executeUpdate(); // autocommit: each returns once committed
                        }
                    }
                    ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
                }
            }
            assertThat(ProcessHandle.of(postmaster).orElseThrow().onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        } finally {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(restarted.owner()).isTrue();
            assertThat(strings(restarted, "select count(*) || ' ' || max(id) from durability_probe")).containsExactly("200 200");
            assertThat(strings(restarted, "select count(*) from indicator_value where period = '2041'")).containsExactly("5"); // the five imported above
        }
    }

    static List<String> strings(EmbeddedDatabase db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
