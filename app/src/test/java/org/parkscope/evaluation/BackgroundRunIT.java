package org.parkscope.evaluation;

import org.parkscope.shared.Refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs started from the page are computed in the background: the page shows their progress until they are done, a
 * second start of the same scheme and year is refused while one runs (by the database, whoever starts it), and a run
 * that fails is marked failed with its reason.
 */
@PlatformTest
class BackgroundRunIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired EvaluationService evaluations;
    @Autowired RunStarter starter;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    String status(long run) {
        return jdbc.sql("select status from evaluation_run where id = ?").param(run).query(String.class).single();
    }

    @Test
    void aRunStartedFromThePageShowsItsProgressAndCannotBeStartedTwice() throws Exception {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        admin.get("/evaluations");
        long run;
        // another session holds the figures, so the run stays in its snapshot until it lets go
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("lock table indicator_value in access exclusive mode");
            }
            HttpResponse<String> created = admin.post("/evaluations", Map.of("scheme", "huangyan-2021"));
            run = Long.parseLong(created.headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*/evaluations/", ""));
            assertThat(status(run)).isEqualTo("RUNNING");
            String page = admin.get("/evaluations/" + run).body();
            assertThat(page).contains("id=\"progress\"", "正在评价", "hx-get=\"/evaluations/" + run + "/status\"")
                    .doesNotContain("id=\"ranking\"");
            HttpResponse<String> polled = admin.get("/evaluations/" + run + "/status");
            assertThat(polled.body()).contains("id=\"run-status\"").doesNotContain("<html");
            assertThat(polled.headers().firstValue("HX-Redirect")).isEmpty();
            assertThat(admin.get("/evaluations?lang=en").body()).contains("Running");

            // a second start of the same scheme and year: refused, in the user's language, nothing created
            long runs = jdbc.sql("select count(*) from evaluation_run").query(Long.class).single();
            admin.get("/evaluations?lang=zh-CN");
            admin.post("/evaluations", Map.of("scheme", "huangyan-2021"));
            assertThat(admin.get("/evaluations").body()).contains("huangyan-2021 的 2021 年度评价正在进行中");
            assertThatThrownBy(() -> evaluations.start("huangyan-2021", "test", 0, false, null))
                    .isInstanceOfSatisfying(Refusal.class,
                            r -> assertThat(r.code()).isEqualTo("eval.refused.running"));
            // the guard is the database's: another instance writing the row directly is refused too
            assertThatThrownBy(() -> jdbc.sql("insert into evaluation_run(scheme_id, scheme_yaml, year, status,"
                    + " created_by) values ('huangyan-2021', '', 2021, 'RUNNING', 'other-instance')").update())
                    .isInstanceOf(DataIntegrityViolationException.class);
            assertThat(jdbc.sql("select count(*) from evaluation_run").query(Long.class).single()).isEqualTo(runs);
            holder.rollback();
        }
        EvaluationIT.awaitFinished(jdbc, run);
        assertThat(status(run)).isEqualTo("SCORED");
        HttpResponse<String> done = admin.get("/evaluations/" + run + "/status");
        assertThat(done.headers().firstValue("HX-Redirect")).contains("/evaluations/" + run);
        assertThat(admin.get("/evaluations/" + run).body()).contains("id=\"ranking\"", "id=\"paging-summary\"");
        // the same results as a run computed in the request
        long inline = evaluations.create("huangyan-2021", "test");
        assertThat(jdbc.sql("""
                select count(*) from evaluation_result a full join evaluation_result b
                  on b.run_id = ? and b.enterprise_id = a.enterprise_id
                where a.run_id = ? and (b.enterprise_id is null or a.total is distinct from b.total
                                        or a.klass is distinct from b.klass or a.explanation <> b.explanation)
                """).params(inline, run).query(Long.class).single()).isZero();
        // once done, the scheme and year can be started again
        long again = evaluations.start("huangyan-2021", "test", 0, false, null);
        EvaluationIT.awaitFinished(jdbc, again);
        assertThat(status(again)).isEqualTo("SCORED");
    }

    @Test
    void aRunThatFailsIsMarkedFailedWithItsReason() {
        long run = jdbc.sql("insert into evaluation_run(scheme_id, scheme_yaml, year, status, created_by)"
                + " values ('broken-scheme', 'cohorts: not a list', 2023, 'RUNNING', 'test') returning id")
                .query(Long.class).single();
        assertThat(starter.compute(run)).isNotNull();
        assertThat(status(run)).isEqualTo("FAILED");
        assertThat(jdbc.sql("select failure from evaluation_run where id = ?").param(run).query(String.class).single())
                .isEqualTo("eval.failure.error");
        assertThat(jdbc.sql("select count(*) from evaluation_input where run_id = ?").param(run).query(Long.class)
                .single()).isZero();
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        assertThat(admin.get("/evaluations/" + run).body()).contains("id=\"failure\"", "评价失败", "评价出错");
        assertThat(admin.get("/evaluations/" + run + "?lang=en").body()).contains("the evaluation failed");
        assertThat(admin.get("/evaluations/" + run + "/status").headers().firstValue("HX-Redirect")).isPresent();
    }

    @Test
    void aRunLeftRunningByAStoppedProcessIsMarkedInterrupted() {
        long stale = jdbc.sql("insert into evaluation_run(scheme_id, scheme_yaml, year, status, created_by, created_at)"
                + " values ('stale-scheme', '', 2023, 'RUNNING', 'test', now() - interval '2 minutes') returning id")
                .query(Long.class).single();
        long fresh = jdbc.sql("insert into evaluation_run(scheme_id, scheme_yaml, year, status, created_by)"
                + " values ('fresh-scheme', '', 2023, 'RUNNING', 'test') returning id").query(Long.class).single();
        try {
            starter.markInterrupted();
            assertThat(status(stale)).isEqualTo("FAILED");
            assertThat(jdbc.sql("select failure from evaluation_run where id = ?").param(stale).query(String.class)
                    .single()).isEqualTo("eval.failure.interrupted");
            assertThat(status(fresh)).isEqualTo("RUNNING"); // just recorded: its worker may not have started yet
        } finally {
            jdbc.sql("update evaluation_run set status = 'FAILED' where id = ?").param(fresh).update();
        }
    }
}
