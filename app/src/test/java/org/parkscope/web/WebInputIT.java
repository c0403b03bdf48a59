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
        HttpResponse<String> nul = admin.get("/enterprises?q=%00");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("class=\"top\"", "请求有误", "参数“q”含有不允许的控制字符");
        HttpResponse<String> en = admin.get("/enterprises?lang=en&page=1,2,3");
        assertThat(en.statusCode()).isEqualTo(400);
        assertThat(en.body()).contains("lang=\"en\"", "Bad request", "Parameter “page”: “1,2,3” is malformed");
        admin.get("/?lang=zh-CN");
        HttpResponse<String> api = admin.get("/api/enterprises?size=abc");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(api.body()).contains("参数“size”的值“abc”格式不正确");
        HttpResponse<String> apiPath = admin.get("/api/parks/%00"); // refused by Tomcat itself: a static bilingual page
        assertThat(apiPath.statusCode()).isEqualTo(400);
        assertThat(apiPath.body()).contains("class=\"top\"", "NUL").doesNotContain("Exception", "Tomcat");
        HttpResponse<String> longQuery = admin.get("/enterprises?q=" + "长".repeat(600));
        assertThat(longQuery.statusCode()).isEqualTo(400);
        assertThat(longQuery.body()).contains("搜索词：最多 500 个字符");
        HttpResponse<String> year = admin.get("/?year=99999");
        assertThat(year.statusCode()).isEqualTo(400);
        assertThat(year.body()).contains("年度：不得大于 2099");
        assertThat(admin.get("/space?minArea=1,2,3").statusCode()).isEqualTo(400);
        assertThat(admin.get("/audit?from=2024-02-30").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownAddressesAnswer404InTheLayoutAndLanguage() {
        Browser admin = as("admin");
        HttpResponse<String> zh = admin.get("/no/such/page");
        assertThat(zh.statusCode()).isEqualTo(404);
        assertThat(zh.body()).contains("lang=\"zh-CN\"", "class=\"top\"", "404", "未找到该页面或记录")
                .doesNotContain("Whitelabel");
        HttpResponse<String> en = admin.get("/no/such/page?lang=en");
        assertThat(en.statusCode()).isEqualTo(404);
        assertThat(en.body()).contains("lang=\"en\"", "class=\"top\"", "No such page or record");
        admin.get("/?lang=zh-CN");
        HttpResponse<String> api = admin.get("/api/no-such-thing");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(admin.get("/parks/999999").body()).contains("class=\"top\"", "未找到");
    }

    @Test
    void forbiddenPagesAnswer403InTheLayout() {
        Browser enterprise = as("enterprise");
        HttpResponse<String> r = enterprise.get("/evaluations");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("class=\"top\"", "无权访问", "您的账号无权访问").doesNotContain("Whitelabel");
        HttpResponse<String> en = enterprise.get("/evaluations?lang=en");
        assertThat(en.statusCode()).isEqualTo(403);
        assertThat(en.body()).contains("Access denied", "lang=\"en\"");
    }

    @Test
    void formsRefuseMalformedAndOutOfRangeValuesAndStoreNothing() {
        Browser admin = as("admin");
        long park = jdbc.sql("select id from park order by id limit 1").query(Long.class).single();
        Map<String, Object> before = jdbc.sql("select positioning, address, cluster_tags from park where id = ?")
                .param(park).query().singleRow();
        long audits = jdbc.sql("select count(*) from audit_log").query(Long.class).single();
        admin.get("/parks/" + park + "/edit");
        HttpResponse<String> longAddress = admin.post("/parks/" + park + "/edit",
                Map.of("positioning", "ok", "tags", "", "address", "路".repeat(501)));
        assertThat(longAddress.statusCode()).isEqualTo(400);
        assertThat(longAddress.body()).contains("地址：最多 500 个字符");
        HttpResponse<String> nul = admin.post("/parks/" + park + "/edit",
                Map.of("positioning", "a\u0000b", "tags", "", "address", "x"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select positioning, address, cluster_tags from park where id = ?").param(park).query()
                .singleRow()).isEqualTo(before);

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
        HttpResponse<String> order = admin.post("/parcels/" + parcel + "/contracts", contract);
        assertThat(order.statusCode()).isEqualTo(400);
        assertThat(order.body()).contains("签约日期：开始日期 2020-01-01 晚于结束日期 2019-01-01");
        contract.put("completedOn", "2020-13-01");
        assertThat(admin.post("/parcels/" + parcel + "/contracts", contract).statusCode()).isEqualTo(400);
        contract.put("completedOn", "3020-01-01");
        assertThat(admin.post("/parcels/" + parcel + "/contracts", contract).body()).contains("日期须在");
        assertThat(jdbc.sql("select count(*) from land_contract").query(Long.class).single()).isEqualTo(contracts);

        long enterprise = jdbc.sql("select id from enterprise order by id limit 1").query(Long.class).single();
        admin.get("/enterprises/" + enterprise + "/edit");
        HttpResponse<String> figure = admin.post("/enterprises/" + enterprise + "/figures", Map.of("metric", "TAX",
                "period", "2023", "value", "1e308", "department", "TAX"));
        assertThat(figure.statusCode()).isEqualTo(400);
        assertThat(figure.body()).contains("数值：不得大于");
        HttpResponse<String> name = admin.post("/enterprises/" + enterprise + "/edit", Map.of("name", "名".repeat(201),
                "industryCode", "3922", "status", "ACTIVE"));
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(name.body()).contains("名称：最多 200 个字符");
        assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isEqualTo(audits);
    }
}
