package org.parkscope.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Killing the process in the middle of a large import leaves the database as it was before the batch. */
@PlatformTest
class ImportKillIT {

    static final String METRICS = "税收,营业收入,工业总产值,综合能耗,用电量,研发费用,从业人员,商品销售额,工业增加值,主要污染物排放";

    @Autowired HikariDataSource dataSource;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    String state() {
        return jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by id)), '')"
                + " from indicator_value t").query(String.class).single()
                + "/" + jdbc.sql("select count(*) from import_batch").query(Long.class).single()
                + "/" + jdbc.sql("select count(*) from import_change").query(Long.class).single()
                + "/" + jdbc.sql("select count(*) from audit_log where action = 'IMPORT'").query(Long.class).single();
    }

    @Test
    void aKilledImportLeavesNothingBehind() throws Exception {
        List<String> usccs = jdbc.sql("select uscc from enterprise order by id").query(String.class).list();
        Path file = dir.resolve("big.csv");
        String[] metrics = METRICS.split(",");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("统一社会信用代码,期间,指标,数值\n");
            for (int month = 1; month <= 12; month++) {
                for (String uscc : usccs) {
                    for (String m : metrics) {
                        w.write(uscc + ",2040-" + (month < 10 ? "0" : "") + month + "," + m + "," + (month * 7 + 3) + "\n");
                    }
                }
            }
        }
        String before = state();
        String url = dataSource.getJdbcUrl() + (dataSource.getJdbcUrl().contains("?") ? "&" : "?")
                + "ApplicationName=parkscope-kill-test";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ImportKillChild.class.getName(), url, dataSource.getUsername(),
                dataSource.getPassword() == null ? "" : dataSource.getPassword(), file.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        int rows = 0;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("ROWS ")) {
                rows = Integer.parseInt(line.substring(5));
                if (rows >= 60_000) {
                    break; // well inside the file: tens of thousands of rows are in the staging table
                }
            }
            assertThat(line).doesNotStartWith("DONE");
        }
        assertThat(rows).isGreaterThanOrEqualTo(60_000);
        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (backends() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the server notices the closed socket
        }
        assertThat(backends()).isZero();
        assertThat(state()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from indicator_value where period like '2040-%'").query(Long.class).single())
                .isZero();
    }

    long backends() {
        return jdbc.sql("select count(*) from pg_stat_activity where application_name = 'parkscope-kill-test'")
                .query(Long.class).single();
    }
}
