package org.parkscope.audit;

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

/** Each kind of change made through the platform leaves an audit entry naming who, from where, before and after. */
@PlatformTest
class AuditIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;

    record Row(String actor, String remoteAddr, String action, String before, String after) {}

    Row last(String entity, String entityId) {
        return jdbc.sql("select actor, remote_addr, action, before::text as before, after::text as after from audit_log"
                + " where entity = ? and entity_id = ? order by id desc limit 1").params(entity, entityId)
                .query(Row.class).single();
    }

    @Test
    void everyKindOfChangeIsAuditedWithBeforeAndAfter() {
        int port = Integer.parseInt(env.getProperty("local.server.port"));
        Browser admin = Browser.signedIn(port, "admin", "Parkscope2024");
        long e = jdbc.sql("select min(id) from enterprise where park_id = (select id from park where code = 'JGZN')")
                .query(Long.class).single();
        Map<String, Object> original = jdbc.sql("select name, industry_code, coalesce(size_class, '') as size_class,"
                + " above_scale::text as above_scale, hq::text as hq, coalesce(hq_kind, '') as hq_kind, status"
                + " from enterprise where id = ?").param(e).query().singleRow();
        String oldName = (String) original.get("name");

        // enterprise record (changed, and put back at the end so that other tests see the demo town as it was)
        admin.get("/enterprises/" + e + "/edit");
        HttpResponse<String> r = admin.post("/enterprises/" + e + "/edit", Map.of("name", oldName + "（更名）",
                "industryCode", "3491", "sizeClass", "SMALL", "aboveScale", (String) original.get("above_scale"),
                "status", "ACTIVE"));
        assertThat(r.statusCode()).isEqualTo(302);
        Row edit = last("enterprise", String.valueOf(e));
        assertThat(edit.actor()).isEqualTo("admin");
        assertThat(edit.remoteAddr()).isNotBlank();
        assertThat(edit.action()).isEqualTo("UPDATE");
        assertThat(edit.before()).contains(oldName).doesNotContain("（更名）");
        assertThat(edit.after()).contains(oldName + "（更名）", "3491");

        // a bad edit changes nothing and records nothing
        long auditRows = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        admin.get("/enterprises/" + e + "/edit");
        admin.post("/enterprises/" + e + "/edit", Map.of("name", "x", "industryCode", "9999", "status", "ACTIVE"));
        assertThat(admin.get("/enterprises/" + e + "/edit").body()).contains("9999");
        assertThat(jdbc.sql("select industry_code from enterprise where id = ?").param(e).query(String.class).single())
                .isEqualTo("3491");
        admin.get("/enterprises/" + e + "/edit");
        admin.post("/enterprises/" + e + "/edit", Map.of("name", oldName, "industryCode",
                (String) original.get("industry_code"), "sizeClass", (String) original.get("size_class"),
                "aboveScale", (String) original.get("above_scale"), "hq", (String) original.get("hq"),
                "hqKind", (String) original.get("hq_kind"), "status", (String) original.get("status")));
        assertThat(last("enterprise", String.valueOf(e)).after()).contains(oldName).doesNotContain("（更名）");
        auditRows = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(auditRows);

        // qualification added, then deleted
        admin.post("/enterprises/" + e + "/qualifications", Map.of("type", "HNTE", "certificateNo", "GR2025310099",
                "issuedOn", "2025-11-01", "expiresOn", "2028-10-31"));
        long q = jdbc.sql("select id from qualification where certificate_no = 'GR2025310099'").query(Long.class).single();
        Row added = last("qualification", String.valueOf(q));
        assertThat(added.action()).isEqualTo("CREATE");
        assertThat(added.before()).isNull();
        assertThat(added.after()).contains("GR2025310099");
        admin.get("/enterprises/" + e + "/edit");
        admin.post("/enterprises/" + e + "/qualifications/" + q + "/delete", Map.of("confirm", "yes"));
        Row deleted = last("qualification", String.valueOf(q));
        assertThat(deleted.action()).isEqualTo("DELETE");
        assertThat(deleted.before()).contains("GR2025310099");
        assertThat(deleted.after()).isNull();

        // a figure corrected by hand
        String oldTax = jdbc.sql("select value::text from indicator_value where enterprise_id = ? and metric = 'TAX'"
                + " and period = '2023'").param(e).query(String.class).single();
        admin.get("/enterprises/" + e + "/edit");
        admin.post("/enterprises/" + e + "/figures", Map.of("metric", "TAX", "period", "2023", "value", "123.45",
                "department", "TAX"));
        Row figure = last("indicator_value", e + "/2023/TAX");
        assertThat(figure.action()).isEqualTo("UPDATE");
        assertThat(figure.before()).contains(oldTax.replaceAll("0+$", "").replaceAll("\\.$", ""));
        assertThat(figure.after()).contains("123.45");
        admin.get("/enterprises/" + e + "/edit");
        admin.post("/enterprises/" + e + "/figures", Map.of("metric", "TAX", "period", "2023", "value", oldTax,
                "department", "TAX"));
        assertThat(jdbc.sql("select value::text from indicator_value where enterprise_id = ? and metric = 'TAX'"
                + " and period = '2023'").param(e).query(String.class).single()).isEqualTo(oldTax);

        // park
        long park = jdbc.sql("select id from park where code = 'JGZN'").query(Long.class).single();
        admin.get("/parks/" + park + "/edit");
        admin.post("/parks/" + park + "/edit", Map.of("positioning", "工业机器人与智能装备", "tags", "智能制造,机器人",
                "address", "九干路"));
        Row parkEdit = last("park", String.valueOf(park));
        assertThat(parkEdit.before()).contains("工业机器人与自动化");
        assertThat(parkEdit.after()).contains("工业机器人与智能装备", "机器人");
        admin.get("/parks/" + park + "/edit");
        admin.post("/parks/" + park + "/edit", Map.of("positioning", "工业机器人与自动化", "tags", "智能制造",
                "address", "九干路"));

        // accounts: created, disabled
        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("username", "auditee", "displayName", "审计测试", "role", "TOWN_ANALYST"));
        long user = jdbc.sql("select id from app_user where username = 'auditee'").query(Long.class).single();
        assertThat(last("user", String.valueOf(user)).after()).contains("auditee", "TOWN_ANALYST");
        admin.get("/admin/users");
        admin.post("/admin/users/" + user + "/enabled", Map.of("enabled", "false"));
        Row disabled = last("user", String.valueOf(user));
        assertThat(disabled.before()).contains("true");
        assertThat(disabled.after()).contains("false");

        // sessions
        List<String> actions = jdbc.sql("select distinct action from audit_log where entity = 'session'")
                .query(String.class).list();
        assertThat(actions).contains("LOGIN");

        // the audit page filters, and the export carries the same rows
        Browser auditor = Browser.signedIn(port, "auditor", "Parkscope2024");
        String page = auditor.get("/audit?entity=qualification&entityId=" + q).body();
        assertThat(page).contains("共 2 条", "GR2025310099");
        HttpResponse<String> csv = auditor.get("/audit/export.csv?entity=park&entityId=" + park);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("工业机器人与智能装备", "admin");
    }
}
