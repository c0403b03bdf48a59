package org.parkscope.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The review queue's bulk action as an administrator uses it: ticks several rows, gives one reason, confirms or rejects
 * them in one step; each placement is decided and audited on its own, and a selection with one bad row saves nothing.
 */
@PlatformTest
class ReviewBulkIT {

    private static final Pattern PICK = Pattern.compile("class=\"pick\"\\s+value=\"([^\"]+)\"");

    @Autowired JdbcClient jdbc;
    @Autowired Environment env;
    @Autowired ChainDecisions decisions;

    @Test
    void manyRowsAreConfirmedInOneStepEachAuditedAndABadSelectionSavesNothing() {
        Browser admin = Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "admin",
                "Parkscope2024");
        String page = admin.get("/chains/review").body();
        assertThat(page).contains("id=\"select-all\"", "确认所选", "排除所选");
        List<String> items = new ArrayList<>();
        Matcher m = PICK.matcher(page);
        while (m.find()) {
            items.add(m.group(1));
        }
        assertThat(items).hasSizeGreaterThanOrEqualTo(6);
        List<String> chosen = items.subList(0, 3);
        long auditBefore = jdbc.sql("select coalesce(max(id), 0) from audit_log").query(Long.class).single();
        try {
            HttpResponse<String> done = admin.postFields("/chains/review/decisions", fields(chosen, "CONFIRMED", "批量核实"));
            assertThat(done.statusCode()).isEqualTo(302);
            assertThat(admin.follow(done).body()).contains("已确认 3 条归属");
            for (String item : chosen) {
                String[] p = item.split(":");
                assertThat(jdbc.sql("select decision from chain_link_override where enterprise_id = ? and node_id = ?")
                        .params(Long.parseLong(p[0]), p[1]).query(String.class).single()).isEqualTo("CONFIRMED");
                assertThat(jdbc.sql("select status from chain_firm where enterprise_id = ? and node_id = ?")
                        .params(Long.parseLong(p[0]), p[1]).query(String.class).single()).isNotEqualTo("CANDIDATE");
            }
            assertThat(jdbc.sql("select entity_id from audit_log where id > ? and entity = 'chain_link' and actor = 'admin'")
                    .param(auditBefore).query(String.class).list()).as("one audit entry per row")
                    .containsExactlyInAnyOrderElementsOf(chosen);
            assertThat(admin.get("/chains/review").body()).doesNotContain("value=\"" + chosen.get(0) + "\"");

            // one row that cannot be decided: the whole selection is refused, nothing saved
            List<String> bad = new ArrayList<>(items.subList(3, 5));
            bad.add(items.get(5).split(":")[0] + ":NO-SUCH-NODE");
            HttpResponse<String> refused = admin.postFields("/chains/review/decisions", fields(bad, "REJECTED", "不符"));
            assertThat(admin.follow(refused).body()).contains("全部未保存");
            for (String item : bad.subList(0, 2)) {
                String[] p = item.split(":");
                assertThat(jdbc.sql("select count(*) from chain_link_override where enterprise_id = ? and node_id = ?")
                        .params(Long.parseLong(p[0]), p[1]).query(Long.class).single()).isZero();
            }
            admin.get("/chains/review?lang=en");
            HttpResponse<String> none = admin.postFields("/chains/review/decisions", fields(List.of(), "REJECTED", "x"));
            assertThat(admin.follow(none).body())
                    .contains("Select the enterprises to decide on first");
            admin.get("/chains/review?lang=zh_CN");
        } finally {
            for (String item : chosen) {
                String[] p = item.split(":");
                decisions.withdraw(Long.parseLong(p[0]), p[1]);
            }
        }
    }

    private static List<Map.Entry<String, String>> fields(List<String> items, String decision, String reason) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        items.forEach(i -> f.add(Map.entry("item", i)));
        f.add(Map.entry("decision", decision));
        f.add(Map.entry("reason", reason));
        return f;
    }
}
