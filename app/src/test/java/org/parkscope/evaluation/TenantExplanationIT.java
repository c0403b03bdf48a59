package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parkscope.PlatformTest;
import org.parkscope.access.AccountStore;
import org.parkscope.access.Role;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In the parcel attribution modes a tenant follows its parcel holder; it still has its own explanation page — that it
 * follows, whom, and the parcel's breakdown — and, signed in as an enterprise user, sees that page and no other.
 */
@PlatformTest
class TenantExplanationIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired EvaluationService evaluations;
    @Autowired AccountStore accounts;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PARCEL_AGGREGATE", "LANDLORD_ONLY_TENANT_FOLLOWS"})
    void aFollowingTenantOpensItsOwnPageAndOnlyThat(String mode) throws Exception {
        long run = evaluations.createFrom(EvaluationIT.withAttribution("sijing-demo-2023", mode), "sijing-demo-2023",
                "test", 0, false);
        Map<String, Object> follower = jdbc.sql("""
                select r.enterprise_id as tenant, cast(r.explanation ->> 'follows' as bigint) as holder, r.klass
                from evaluation_result r where r.run_id = ? and r.explanation ->> 'follows' is not null order by r.enterprise_id limit 1
                """).param(run).query().singleRow();
        long tenant = ((Number) follower.get("tenant")).longValue();
        long holder = ((Number) follower.get("holder")).longValue();
        long otherTenant = jdbc.sql("""
                select min(enterprise_id) from evaluation_result
                where run_id = ? and explanation ->> 'follows' is not null and cast(explanation ->> 'follows' as bigint) <> ?
                """).params(run, holder).query(Long.class).single();
        String holderName = jdbc.sql("select name from enterprise where id = ?").param(holder).query(String.class)
                .single();
        String holderIndicator = jdbc.sql("select explanation -> 'items' -> 0 ->> 'name' from evaluation_result"
                + " where run_id = ? and enterprise_id = ?").params(run, holder).query(String.class).single();

        // the service: the tenant's page carries whom it follows and the parcel's breakdown
        EvaluationService.ExplanationView own = evaluations.explanation(org.parkscope.shared.Scope.enterprise(tenant),
                run, tenant).orElseThrow();
        assertThat(own.holder().id()).isEqualTo(holder);
        assertThat(evaluations.explanation(org.parkscope.shared.Scope.enterprise(tenant), run, holder)).isEmpty();

        String username = "tenant-" + mode.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + run;
        long account = accounts.create(username, "承租企业测试", "Tenant-page-2023", Role.ENTERPRISE_USER, null, tenant,
                false);
        Findings.acknowledgeAll(evaluations, run);
        evaluations.publicise(run, 3, "test"); // an enterprise sees a run once it is published to the firms
        try {
            Browser user = Browser.signedIn(port(), username, "Tenant-page-2023");
            var page = user.get("/evaluations/" + run + "/enterprises/" + tenant);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"follows\"", "随宗地主评价", holderName, "id=\"items\"", holderIndicator,
                    "id=\"follows-class\">" + follower.get("klass") + "<");
            assertThat(user.get("/evaluations/" + run + "/enterprises/" + holder).statusCode()).isEqualTo(404);
            assertThat(user.get("/evaluations/" + run + "/enterprises/" + otherTenant).statusCode()).isEqualTo(404);
            // the town sees every tenant's page, in English too; the holder's page names the tenants that follow it
            Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
            String tenantName = jdbc.sql("select name from enterprise where id = ?").param(tenant).query(String.class)
                    .single();
            assertThat(admin.get("/evaluations/" + run + "/enterprises/" + holder).body())
                    .contains("id=\"followers\"", "随本企业评价的承租企业", tenantName);
            assertThat(admin.get("/evaluations/" + run + "/enterprises/" + otherTenant + "?lang=en").body())
                    .contains("follows its parcel holder", "score breakdown — ");
            // a tenant objects through its holder: no form, and a filed objection is refused (the run is in 公示)
            assertThat(user.get("/evaluations/" + run + "/enterprises/" + tenant).body()).doesNotContain("id=\"object\"");
            user.post("/evaluations/" + run + "/enterprises/" + tenant + "/objections",
                    Map.of("metric", "TAX", "claimed", "1", "reason", "税收有误"));
            assertThat(user.get("/evaluations/" + run + "/enterprises/" + tenant).body()).contains("请由宗地主提出");
            assertThat(jdbc.sql("select count(*) from evaluation_objection where run_id = ?").param(run)
                    .query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("delete from app_user where id = ?").param(account).update();
        }
    }
}
