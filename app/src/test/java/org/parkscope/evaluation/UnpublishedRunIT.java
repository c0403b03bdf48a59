package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An enterprise sees a run's explanation only once the run is published to the firms (公示, land publicity, final): a
 * scored draft or a superseded version is "not found" for it, even by its address; town staff open it.
 */
@PlatformTest
class UnpublishedRunIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;

    @Test
    void anEnterpriseNeverOpensAnUnpublishedRun() {
        int port = Integer.parseInt(env.getProperty("local.server.port"));
        long quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        long published = evaluations.create("sijing-demo-2023", "unpublished-run-it");
        Findings.acknowledgeAll(evaluations, published);
        evaluations.publicise(published, 5, "unpublished-run-it");
        long draft = evaluations.create("sijing-demo-2023", "unpublished-run-it"); // scored, never publicised

        Browser firm = Browser.signedIn(port, "enterprise", "Parkscope2024");
        assertThat(firm.get("/evaluations/" + draft + "/enterprises/" + quectel).statusCode()).isEqualTo(404);
        assertThat(firm.get("/evaluations/" + published + "/enterprises/" + quectel).statusCode()).isEqualTo(200);
        assertThat(firm.get("/evaluations").body()).doesNotContain("/evaluations/" + draft + "/");
        assertThat(Browser.signedIn(port, "analyst", "Parkscope2024")
                .get("/evaluations/" + draft + "/enterprises/" + quectel).statusCode()).isEqualTo(200);
        List<Long> superseded = jdbc.sql("select id from evaluation_run where status = 'SUPERSEDED'")
                .query(Long.class).list();
        for (long run : superseded) {
            assertThat(firm.get("/evaluations/" + run + "/enterprises/" + quectel).statusCode()).isEqualTo(404);
        }
    }
}
