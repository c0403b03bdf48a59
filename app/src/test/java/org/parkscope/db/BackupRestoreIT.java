package org.parkscope.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.evaluation.EvaluationService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./parkscope backup} of the platform's database (the demo town plus an evaluation run; attached to the running
 * embedded server, or on the external server CI names) and {@code ./parkscope restore} into a fresh data folder give
 * the same evaluation results, audit trail and figures. A restore refuses a non-empty database without {@code --force}
 * and a damaged file leaves the database as it was.
 */
@PlatformTest
class BackupRestoreIT {

    static final List<String> SOURCES = List.of("evaluation_run", "evaluation_result", "audit_log", "indicator_value",
            "enterprise", "app_user");
    /** Derived tables a restore rebuilds rather than copies, all but the bookkeeping (versions, pending notes, config). */
    static final String REBUILT = "select t from derived_tables() t where t not in ('land_data_version',"
            + " 'land_fact_pending', 'low_efficiency_criterion') order by t";
    /** Every table compared: the sources, then every stored fact (a new one is compared as soon as it is listed). */
    List<String> compared = List.of();

    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;
    @Autowired DatabaseProperties props;

    @Test
    void aBackupRestoresIntoAFreshFolderWithEqualResultsAuditTrailAndFigures() throws Exception {
        long run = evaluations.create("huangyan-2022", "backup-test");
        assertThat(jdbc.sql("select count(*) from evaluation_result where run_id = ?").param(run).query(Long.class)
                .single()).isPositive();
        compared = new ArrayList<>(SOURCES);
        compared.addAll(jdbc.sql(REBUILT).query(String.class).list());
        assertThat(compared).contains("enterprise_year", "chain_firm", "low_efficiency_finding");
        List<String> source = new ArrayList<>();
        for (String table : compared) {
            source.add(jdbc.sql(fingerprint(table)).query(String.class).single());
        }

        Path work = Files.createTempDirectory(Path.of("target"), "backup-");
        Path backup = work.resolve("parkscope.zip");
        ParkscopeProcess.Result made = sourceCommand("backup", backup.toString());
        assertThat(made.exitCode()).as(made.output()).isZero();
        assertThat(made.output()).contains("已备份到", "Backed up to");

        Path fresh = work.resolve("pgdata");
        ParkscopeProcess.Result restored = ParkscopeProcess.command(fresh, "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(fingerprints(fresh)).isEqualTo(source);

        ParkscopeProcess.Result refused = ParkscopeProcess.command(fresh, "restore", backup.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.output()).contains("数据库中已有数据", "already holds data", "--force");

        Path damaged = work.resolve("damaged.zip");
        damage(backup, damaged, "data/audit_log.copy");
        ParkscopeProcess.Result failed = ParkscopeProcess.command(fresh, "restore", damaged.toString(), "--force");
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(fingerprints(fresh)).as("all or nothing").isEqualTo(source);

        ParkscopeProcess.Result forced = ParkscopeProcess.command(fresh, "restore", backup.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.output()).isZero();
        assertThat(fingerprints(fresh)).isEqualTo(source);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(fresh, 0, false)) {
            long next = Long.parseLong(EmbeddedServerSharingIT.strings(db, "insert into audit_log(actor, action, entity)"
                    + " values ('test', 'CHECK', 'backup') returning id").get(0));
            long max = jdbc.sql("select max(id) from audit_log").query(Long.class).single();
            assertThat(next).as("sequences continue after the restored rows").isGreaterThan(max);
        }
    }

    /** The command on the database this test JVM's platform uses: attached to its embedded server, or the external one. */
    private ParkscopeProcess.Result sourceCommand(String command, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        if (props.external()) {
            all.addAll(List.of("--parkscope.db.url=" + props.url(), "--parkscope.db.user=" + props.user(),
                    "--parkscope.db.password=" + props.password()));
        }
        return ParkscopeProcess.command(props.dataDir().toAbsolutePath(), command, all.toArray(new String[0]));
    }

    private List<String> fingerprints(Path dataDir) throws Exception {
        List<String> out = new ArrayList<>();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0, false)) {
            for (String table : compared) {
                out.addAll(EmbeddedServerSharingIT.strings(db, fingerprint(table)));
            }
        }
        return out;
    }

    private static String fingerprint(String table) {
        return "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from " + table + " t";
    }

    /** A copy of the backup with one table's data cut in half. */
    private static void damage(Path from, Path to, String entryName) throws Exception {
        try (ZipFile zip = new ZipFile(from.toFile()); OutputStream os = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(os, StandardCharsets.UTF_8)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] data;
                try (InputStream in = zip.getInputStream(e)) {
                    data = in.readAllBytes();
                }
                if (e.getName().equals(entryName)) {
                    String text = new String(data, StandardCharsets.UTF_8);
                    data = text.substring(0, text.lastIndexOf('\n', text.length() / 2) + 1).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
    }
}
