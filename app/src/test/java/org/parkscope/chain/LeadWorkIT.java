package org.parkscope.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A lead worked as the office works it: given an owner, a contact and a follow-up date; found again among the overdue
 * ones and by owner; followed up, which moves it on and writes its history with the date and who did it.
 */
@PlatformTest
class LeadWorkIT {

    @Autowired JdbcClient jdbc;
    @Autowired Environment env;

    @Test
    void aLeadHasAnOwnerAContactAFollowUpDateAndAHistory() {
        Browser admin = Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "admin",
                "Parkscope2024");
        long target = jdbc.sql("select min(id) from target_firm").query(Long.class).single();
        long analyst = jdbc.sql("select id from app_user where username = 'analyst'").query(Long.class).single();
        long adminId = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        String analystName = jdbc.sql("select display_name from app_user where id = ?").param(analyst)
                .query(String.class).single();
        long before = jdbc.sql("select coalesce(max(id), 0) from investment_lead").query(Long.class).single();
        admin.get("/chains/targets");
        admin.post("/leads", Map.of("target", String.valueOf(target), "note", "展会上认识"));
        long lead = jdbc.sql("select max(id) from investment_lead").query(Long.class).single();
        try {
            assertThat(lead).isGreaterThan(before);
            String page = admin.get("/leads/" + lead).body();
            assertThat(page).contains("创建线索", "记录跟进", "负责人与联系人");

            LocalDate today = LocalDate.now();
            HttpResponse<String> assigned = admin.post("/leads/" + lead + "/assignment", Map.of("owner",
                    String.valueOf(analyst), "contactName", "王经理", "contactPhone", "021-5555 1234",
                    "nextFollowUp", today.minusDays(3).toString()));
            assertThat(assigned.statusCode()).isEqualTo(302);
            page = admin.get("/leads/" + lead).body();
            assertThat(page).contains(analystName, "王经理", "021-5555 1234", "已逾期", "指定负责人", "更新联系人");

            assertThat(admin.get("/leads?overdue=true").body()).contains("data-lead=\"" + lead + "\"");
            assertThat(admin.get("/leads?owner=" + analyst + "&sort=followUp").body())
                    .contains("data-lead=\"" + lead + "\"");
            assertThat(admin.get("/leads?owner=" + adminId).body()).doesNotContain("data-lead=\"" + lead + "\"");

            HttpResponse<String> followed = admin.post("/leads/" + lead + "/follow-ups", Map.of("happenedOn",
                    today.toString(), "note", "上门拜访，企业有意向", "status", "VISITING",
                    "nextFollowUp", today.plusDays(7).toString()));
            assertThat(followed.statusCode()).isEqualTo(302);
            assertThat(jdbc.sql("select status || ' ' || next_follow_up from investment_lead where id = ?").param(lead)
                    .query(String.class).single()).isEqualTo("VISITING " + today.plusDays(7));
            page = admin.get("/leads/" + lead).body();
            assertThat(page).contains("上门拜访，企业有意向", "→ 考察中").doesNotContain("已逾期");
            assertThat(page.substring(page.indexOf("id=\"history\""))).contains(today.toString(),
                    jdbc.sql("select display_name from app_user where id = ?").param(adminId).query(String.class).single());
            assertThat(admin.get("/leads?overdue=true").body()).doesNotContain("data-lead=\"" + lead + "\"");
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'investment_lead' and entity_id = ?")
                    .param(String.valueOf(lead)).query(Long.class).single()).as("created, assigned, followed up")
                    .isEqualTo(3);

            // bad input is refused in the user's words and changes nothing
            HttpResponse<String> bad = admin.post("/leads/" + lead + "/assignment", Map.of("contactPhone", "call me"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("联系电话只能包含数字");
            HttpResponse<String> future = admin.post("/leads/" + lead + "/follow-ups", Map.of("happenedOn",
                    today.plusDays(1).toString(), "note", "x"));
            assertThat(future.body()).contains("跟进日期不能晚于今天");
            assertThat(jdbc.sql("select contact_phone from investment_lead where id = ?").param(lead)
                    .query(String.class).single()).isEqualTo("021-5555 1234");
            assertThat(admin.get("/leads/" + lead + "?lang=en").body()).contains("History", "Follow-up", "Owner");
            admin.get("/leads?lang=zh_CN");
        } finally {
            jdbc.sql("delete from investment_lead where id > ?").param(before).update();
        }
    }
}
