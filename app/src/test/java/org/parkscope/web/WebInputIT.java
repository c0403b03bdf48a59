package org.parkscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Bad input on the web side: every mapped GET route with NUL bytes and malformed values in its path variables and in
 * the usual query parameters answers 400 or 404 with a message in the platform's layout (or problem details under
 * /api/), never 500 and never database text; unknown and forbidden addresses answer in the layout and the user's
 * language; forms with malformed or out-of-range values answer 400 naming the field and change nothing.
 */
@PlatformTest
class WebInputIT {

    static final List<String> BAD_PATH_VALUES = List.of("%00", "abc", "1%002", "99999999999999999999", "-1", "1,2,3",
            "1e308", "%E0%A4", "x".repeat(3000));
    /** Each value goes into all the usual parameters at once; a long text goes into the search box alone. */
    static final List<String> BAD_PARAM_VALUES = List.of("\u0000", "abc", "1,2,3", "99999999999999999999", "-1",
            "2024-13-45", "1e308", "'; drop table park; --\u0001");
    static final List<String> PARAMS = List.of("id", "year", "page", "size", "q", "park", "run", "lang", "asOf", "from",
            "to", "minArea", "maxArea", "minFloor", "maxFloor", "maxRent", "keyword", "cohort", "klass", "above",
            "industry", "status", "sort", "actor", "entityId", "kind", "use");

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired RequestMappingHandlerMapping mappings;

    Browser as(String user) {
        return Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), user, "Parkscope2024");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Why a response to bad input is wrong, or null when it is a proper refusal (or the value was simply ignored). */
    static String judge(String what, HttpResponse<String> r) {
        int s = r.statusCode();
        String body = r.body();
        if (s >= 500) {
            return what + " -> " + s;
        }
        if (body.contains("Whitelabel") || body.contains("PSQLException") || body.contains("ERROR: ")
                || body.contains("org.postgresql") || body.contains("Exception")) {
            return what + " -> " + s + " leaks internals";
        }
        if ((s == 400 || s == 404) && !(body.contains("class=\"top\"") || body.contains("\"detail\""))) {
            return what + " -> " + s + " without the layout or problem details";
        }
        return null;
    }

    /** The response has the status and shows the texts, and no trace of the Whitelabel page. */
    static void answers(HttpResponse<String> r, int status, String... texts) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).contains(texts).doesNotContain("Whitelabel");
    }

    @Test
    void malformedPathVariablesNeverFail() {
        Browser admin = as("admin");
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String route : Routes.of(mappings)) {
            if (!route.startsWith("GET ") || !route.contains("{")) {
                continue;
            }
            String pattern = route.substring(4);
            for (String bad : BAD_PATH_VALUES) {
                String path = pattern.replaceAll("\\{[^}]+}", bad);
                HttpResponse<String> r = admin.get(path);
                cases++;
                String problem = judge(path.length() > 120 ? path.substring(0, 120) + "…" : path, r);
                if (problem == null && r.statusCode() != 400 && r.statusCode() != 404) {
                    problem = path + " -> " + r.statusCode() + ": expected 400 or 404";
                }
                if (problem != null) {
                    failures.add(problem);
                }
            }
        }
        System.out.printf("Malformed path variables: %d cases, %d failures%n", cases, failures.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void malformedQueryParametersNeverFail() {
        Browser admin = as("admin");
        List<String> failures = new ArrayList<>();
        int cases = 0;
        long park = jdbc.sql("select id from park order by id limit 1").query(Long.class).single();
        for (String route : Routes.of(mappings)) {
            if (!route.startsWith("GET ") || route.equals("GET /login")) {
                continue;
            }
            String pattern = route.substring(4);
            if (pattern.contains("{")) {
                if (!pattern.equals("/parks/{id}")) {
                    continue; // their variables are swept above; one page with a real id stands for the rest
                }
                pattern = "/parks/" + park;
            }
            List<String> queries = new ArrayList<>();
            for (String bad : BAD_PARAM_VALUES) {
                queries.add(PARAMS.stream().map(p -> p + "=" + enc(bad)).collect(Collectors.joining("&")));
            }
            queries.add("q=" + "长".repeat(600) + "&keyword=" + "x".repeat(600));
            for (String query : queries) {
                String bad = query.substring(query.indexOf('=') + 1);
                HttpResponse<String> r = admin.get(pattern + "?" + query);
                cases++;
                String problem = judge(pattern + "?…=" + (bad.length() > 20 ? bad.substring(0, 20) : bad), r);
                if (problem != null) {
                    failures.add(problem);
                }
            }
            admin.get("/?lang=zh-CN");
        }
        System.out.printf("Malformed query parameters: %d cases, %d failures%n", cases, failures.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void nulAndMalformedNumbersAreRefusedWithAMessageInTheUsersLanguage() {
        Browser admin = as("admin");
        answers(admin.get("/enterprises?q=%00"), 400, "class=\"top\"", "请求有误", "参数“q”含有不允许的控制字符");
        answers(admin.get("/enterprises?lang=en&page=1,2,3"), 400, "lang=\"en\"", "Bad request", "Page: not a number");
        admin.get("/?lang=zh-CN");
        HttpResponse<String> api = admin.get("/api/enterprises?size=abc");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(api.body()).contains("每页条数：不是有效数字");
        answers(admin.get("/api/enterprises?park=abc"), 400, "参数“park”的值“abc”格式不正确");
        HttpResponse<String> apiPath = admin.get("/api/parks/%00"); // refused by Tomcat itself: a static bilingual page
        assertThat(apiPath.statusCode()).isEqualTo(400);
        assertThat(apiPath.body()).contains("class=\"top\"", "NUL").doesNotContain("Exception", "Tomcat");
        answers(admin.get("/enterprises?q=" + "长".repeat(600)), 400, "搜索词：最多 500 个字符");
        answers(admin.get("/?year=99999"), 400, "年度：不得大于 2099");
        assertThat(admin.get("/space?minArea=1,2,3").statusCode()).isEqualTo(400);
        assertThat(admin.get("/audit?from=2024-02-30").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownAddressesAnswer404InTheLayoutAndLanguage() {
        Browser admin = as("admin");
        answers(admin.get("/no/such/page"), 404, "lang=\"zh-CN\"", "class=\"top\"", "404", "未找到该页面或记录");
        answers(admin.get("/no/such/page?lang=en"), 404, "lang=\"en\"", "class=\"top\"", "No such page or record");
        admin.get("/?lang=zh-CN");
        HttpResponse<String> api = admin.get("/api/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(admin.get("/parks/999999").body()).contains("class=\"top\"", "未找到");
    }

    @Test
    void forbiddenPagesAnswer403InTheLayout() {
        Browser enterprise = as("enterprise");
        answers(enterprise.get("/parks"), 403, "class=\"top\"", "无权访问", "您的账号无权访问");
        answers(enterprise.get("/parks?lang=en"), 403, "Access denied", "lang=\"en\"");
    }

    @Test
    void everyFormRefusesNulBeforeChangingAnything() {
        Browser admin = as("admin");
        admin.get("/account");
        long audits = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        List<String> failures = new ArrayList<>();
        for (String route : Routes.of(mappings)) {
            if (!route.startsWith("POST ")) {
                continue;
            }
            String path = route.substring(5).replaceAll("\\{[^}]+}", "1");
            for (String field : List.of("name", "reason", "yaml", "address", "status", "value", "kind", "note")) {
                HttpResponse<String> r = admin.post(path, Map.of(field, "a\u0000b"));
                String problem = judge("POST " + path + " " + field, r);
                if (problem == null && r.statusCode() != 400) {
                    problem = "POST " + path + " " + field + " -> " + r.statusCode() + ": expected 400";
                }
                if (problem != null) {
                    failures.add(problem);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(audits);
    }

    @Test
    void formsRefuseMalformedAndOutOfRangeValuesAndStoreNothing() {
        Browser admin = as("admin");
        long park = jdbc.sql("select id from park order by id limit 1").query(Long.class).single();
        String row = "select positioning, address, array_to_string(cluster_tags, ',') as tags from park where id = ?";
        Map<String, Object> before = jdbc.sql(row).param(park).query().singleRow();
        long audits = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        admin.get("/parks/" + park + "/edit");
        answers(admin.post("/parks/" + park + "/edit",
                Map.of("positioning", "ok", "tags", "", "address", "路".repeat(501))), 400, "地址：最多 500 个字符");
        HttpResponse<String> nul = admin.post("/parks/" + park + "/edit",
                Map.of("positioning", "a\u0000b", "tags", "", "address", "x"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql(row).param(park).query().singleRow()).isEqualTo(before);

        long parcel = jdbc.sql("select id from parcel order by id limit 1").query(Long.class).single();
        long contracts = jdbc.sql("select count(*) from land_contract").query(Long.class).single();
        admin.get("/parcels/" + parcel);
        Map<String, String> contract = new LinkedHashMap<>(Map.of("contractNo", "WEBINPUT-1", "kind", "STANDARD",
                "signedOn", "2020-01-01", "metric", "TAX", "target", "1,2,3"));
        assertThat(admin.post("/parcels/" + parcel + "/contracts", contract).statusCode()).isEqualTo(400);
        contract.put("target", "1e12");
        HttpResponse<String> huge = admin.post("/parcels/" + parcel + "/contracts", contract);
        assertThat(huge.statusCode()).isEqualTo(400);
        contract.put("target", "100");
        contract.put("completedOn", "2019-01-01");
        answers(admin.post("/parcels/" + parcel + "/contracts", contract), 400,
                "签约日期：开始日期 2020-01-01 晚于结束日期 2019-01-01");
        contract.put("completedOn", "2020-13-01");
        assertThat(admin.post("/parcels/" + parcel + "/contracts", contract).statusCode()).isEqualTo(400);
        contract.put("completedOn", "3020-01-01");
        assertThat(admin.post("/parcels/" + parcel + "/contracts", contract).body()).contains("日期须在");
        assertThat(jdbc.sql("select count(*) from land_contract").query(Long.class).single()).isEqualTo(contracts);

        long enterprise = jdbc.sql("select id from enterprise order by id limit 1").query(Long.class).single();
        admin.get("/enterprises/" + enterprise + "/edit");
        answers(admin.post("/enterprises/" + enterprise + "/figures", Map.of("metric", "TAX",
                "period", "2023", "value", "1e308", "department", "TAX")), 400, "数值：不是有效数字");
        answers(admin.post("/enterprises/" + enterprise + "/figures", Map.of("metric", "TAX",
                "period", "2023", "value", "99999999999999999999", "department", "TAX")), 400, "数值：不得大于");
        answers(admin.post("/enterprises/" + enterprise + "/edit", Map.of("name", "名".repeat(201),
                "industryCode", "3922", "status", "ACTIVE")), 400, "名称：最多 200 个字符");
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(audits);
    }
}
