package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On the demo town, a run of the shipped {@code sijing-demo-2023} scheme finds the 规上 firm rated on a 55 m² lease
 * (land below 0.5 亩); the run page lists the finding by name; the 公示 is refused until an administrator has
 * acknowledged every finding with a reason (a blank reason is refused), each acknowledgement audited; then it is
 * allowed.
 */
@PlatformTest
class PublicationChecksIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;

    @Test
    void publicNoticeWaitsUntilEveryFindingIsAcknowledged() {
        long run = evaluations.create("sijing-demo-2023", "checks-it");
        record Tenant(long id, String name) {}
        Tenant tiny = jdbc.sql("""
                select e.id, e.name from evaluation_input i join enterprise e on e.id = i.enterprise_id
                join evaluation_result r on r.run_id = i.run_id and r.enterprise_id = i.enterprise_id
                where i.run_id = ? and r.cohort = 'ABOVE' and i.land_m2 < 100 order by i.land_m2 limit 1
                """).param(run).query((rs, n) -> new Tenant(rs.getLong(1), rs.getString(2))).single();
        long landFinding = jdbc.sql("select id from evaluation_check where run_id = ? and check_code = 'LAND_BELOW'"
                + " and cohort = 'ABOVE' and firms @> jsonb_build_array(jsonb_build_object('id', ?::bigint))")
                .params(run, tiny.id()).query(Long.class).single();

        Browser admin = Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "admin",
                "Parkscope2024");
        String page = admin.get("/evaluations/" + run).body();
        String finding = page.substring(page.indexOf("id=\"check-" + landFinding + "\""));
        assertThat(finding.substring(0, finding.indexOf("</li>"))).contains("用地面积过小", "规上工业企业",
                "用地不足 0.5 亩", tiny.name(), "/checks/" + landFinding + "/acknowledge")
                .doesNotContain("LAND_BELOW");
        assertThat(page).contains("id=\"checks-open\"");

        HttpResponse<String> refused = admin.post("/evaluations/" + run + "/publicise",
                Map.of("days", "5", "confirm", "yes"));
        assertThat(admin.follow(refused).body()).contains("flash err", "项发布前检查结果未确认，不能公示");
        assertThat(status(run)).isEqualTo("SCORED");

        admin.get("/evaluations/" + run);
        admin.post("/evaluations/" + run + "/checks/" + landFinding + "/acknowledge", Map.of("reason", "  "));
        assertThat(evaluations.unacknowledgedChecks(run)).as("a blank reason acknowledges nothing")
                .contains(landFinding);

        List<Long> open = evaluations.unacknowledgedChecks(run);
        for (long id : open) {
            admin.get("/evaluations/" + run);
            admin.post("/evaluations/" + run + "/checks/" + id + "/acknowledge",
                    Map.of("reason", "已核实：租赁面积小但数据真实"));
        }
        assertThat(evaluations.unacknowledgedChecks(run)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ACKNOWLEDGE' and entity = 'evaluation_check'"
                + " and actor = 'admin' and entity_id = ? and after ->> 'reason' = '已核实：租赁面积小但数据真实'")
                .param(String.valueOf(landFinding)).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ACKNOWLEDGE' and entity = 'evaluation_check'"
                + " and entity_id in (select id::text from evaluation_check where run_id = ?)").param(run)
                .query(Long.class).single()).isEqualTo(open.size());
        assertThat(admin.get("/evaluations/" + run).body()).contains("已由 admin 于", "租赁面积小但数据真实")
                .doesNotContain("id=\"checks-open\"");

        admin.post("/evaluations/" + run + "/publicise", Map.of("days", "5", "confirm", "yes"));
        assertThat(status(run)).isEqualTo("PUBLICISED");
    }

    private String status(long run) {
        return jdbc.sql("select status from evaluation_run where id = ?").param(run).query(String.class).single();
    }
}
