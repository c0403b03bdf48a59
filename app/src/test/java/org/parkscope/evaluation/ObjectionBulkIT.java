package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.shared.Scope;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The run's objection queue decided in bulk, as the office does it: tick several, press reject, read the
 * consequence, confirm; each objection is decided and audited, and a selection with one already decided decides none.
 */
@PlatformTest
class ObjectionBulkIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;

    @Test
    void severalObjectionsAreDecidedTogetherAfterConfirmingAllOrNone() {
        long run = evaluations.create("huangyan-2022", "test");
        Findings.acknowledgeAll(evaluations, run);
        evaluations.publicise(run, 5, "test");
        List<Long> firms = jdbc.sql("select enterprise_id from evaluation_result where run_id = ? and cohort is not null"
                + " order by enterprise_id limit 3").param(run).query(Long.class).list();
        List<Long> objections = new ArrayList<>();
        for (long firm : firms) {
            objections.add(evaluations.object(Scope.town(), run, firm, "TAX", 1.0, "漏计税款", null, "test"));
        }
        Browser admin = Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "admin",
                "Parkscope2024");
        String page = admin.get("/evaluations/" + run).body();
        assertThat(page).contains("id=\"bulk-objections\"", "驳回所选", "value=\"" + objections.get(0) + "\"");
        String path = "/evaluations/" + run + "/objections/decisions";
        HttpResponse<String> asked = admin.postFields(path, List.of(Map.entry("objection", "" + objections.get(0)),
                Map.entry("objection", "" + objections.get(1)), Map.entry("accept", "false"),
                Map.entry("decision", "材料不足")));
        assertThat(asked.body()).contains("将驳回所选的 2 件异议", "不能更改");
        assertThat(status(objections.get(0))).as("asking decides nothing").isEqualTo("OPEN");
        HttpResponse<String> done = admin.confirm(asked);
        assertThat(admin.follow(done).body()).contains("已驳回 2 件异议");
        assertThat(status(objections.get(0))).isEqualTo("REJECTED");
        assertThat(status(objections.get(1))).isEqualTo("REJECTED");
        assertThat(status(objections.get(2))).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'evaluation_objection' and action = 'DECIDE'"
                + " and entity_id in (?, ?) and actor = 'admin'").params("" + objections.get(0), "" + objections.get(1))
                .query(Long.class).single()).isEqualTo(2);

        // one already decided in the selection: none is decided
        admin.get("/evaluations/" + run);
        HttpResponse<String> refused = admin.postFields(path, List.of(Map.entry("objection", "" + objections.get(2)),
                Map.entry("objection", "" + objections.get(0)), Map.entry("accept", "true"),
                Map.entry("confirm", "yes")));
        assertThat(admin.follow(refused).body()).contains("flash err");
        assertThat(status(objections.get(2))).isEqualTo("OPEN");
        HttpResponse<String> none = admin.postFields(path, List.of(Map.entry("accept", "true")));
        assertThat(admin.follow(none).body()).contains("请先勾选要处理的异议");
    }

    private String status(long objection) {
        return jdbc.sql("select status from evaluation_objection where id = ?").param(objection).query(String.class)
                .single();
    }
}
