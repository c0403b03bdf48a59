package org.parkscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The first pages over real HTTP: dashboard (zh-CN and English), parks, a park, enterprises, an enterprise, errors. */
@PlatformTest
class PagesIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    Browser admin;

    HttpResponse<String> get(String path) {
        if (admin == null) {
            admin = Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "analyst", "Parkscope2024");
        }
        return admin.get(path);
    }

    static String figure(String html, String name) {
        Matcher m = Pattern.compile("data-figure=\"" + Pattern.quote(name) + "\"[\\s\\S]*?class=\"value\">([^<]*)<")
                .matcher(html);
        assertThat(m.find()).as("figure %s on the page", name).isTrue();
        return m.group(1);
    }

    @Test
    void dashboardShowsTheArticleFiguresInChinese() {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("lang=\"zh-CN\"", "泗泾镇产业经济概览", "echarts.min.js", "chart-clusters", "chart-parks");
        assertThat(figure(html, "park-count")).isEqualTo("23");
        assertThat(figure(html, "featured-land")).isEqualTo("157");
        assertThat(figure(html, "featured-tax")).isEqualTo("3,500");
        assertThat(figure(html, "featured-sales")).isEqualTo("50");
        assertThat(figure(html, "sei-share")).isEqualTo("80");
        assertThat(figure(html, "key-clusters")).startsWith("19");
        assertThat(Integer.parseInt(figure(html, "subcluster-CRYPTO"))).isBetween(50, 59);
        assertThat(figure(html, "qual-HNTE")).isEqualTo("142");
        assertThat(figure(html, "qual-SRDI")).isEqualTo("52");
        assertThat(figure(html, "qual-LISTED")).isEqualTo("40");
        assertThat(figure(html, "qual-TECH_CENTER")).isEqualTo("11");
        assertThat(figure(html, "qual-CHAMPION_OR_TECH_GIANT")).isEqualTo("9");
        assertThat(figure(html, "qual-ACADEMICIAN_STATION")).isEqualTo("5");
        assertThat(figure(html, "qual-HARDCORE_TOP100")).isEqualTo("2");
    }

    @Test
    void englishSwitch() {
        String html = get("/?lang=en").body();
        assertThat(html).contains("lang=\"en\"", "industrial economy", "Park platforms", "中文");
        assertThat(figure(html, "park-count")).isEqualTo("23");
    }

    @Test
    void parksListAndParkPage() {
        String list = get("/parks").body();
        assertThat(Pattern.compile("<a href=\"/parks/\\d+\"").matcher(list).results().count()).isEqualTo(23);
        assertThat(list).contains("手拉手汽车港", "九淦168产业园", "G60商用密码产业基地", "国科G60数字智能产业园", "交科众创园区");
        long id = jdbc.sql("select id from park where name = '手拉手汽车港'").query(Long.class).single();
        String park = get("/parks/" + id).body();
        assertThat(park).contains("手拉手汽车港", "中船科技股份有限公司", "沪(", "park-map");
        assertThat(get("/parks/999999").statusCode()).isEqualTo(404);
        assertThat(get("/parks/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void enterpriseListPagesFiltersAndSorts() {
        String first = get("/enterprises").body();
        assertThat(first).contains("第 1 / 40 页，共 2000 条");
        assertThat(Pattern.compile("<a href=\"/enterprises/\\d+\"").matcher(first).results().count()).isEqualTo(50);
        assertThat(first).contains("rel=\"next\"");

        long aboveIndustrial = jdbc.sql("select count(*) from enterprise where above_scale and status in ('ACTIVE', 'SUSPENDED') and "
                + "cast(substr(industry_code, 1, 2) as int) between 13 and 43").query(Long.class).single();
        String filtered = get("/enterprises?industry=C&above=true&size=200").body();
        assertThat(filtered).contains("共 " + aboveIndustrial + " 条");

        String byName = get("/enterprises?q=%E7%A7%BB%E8%BF%9C").body(); // 移远
        assertThat(byName).contains("上海移远通信技术股份有限公司", "共 1 条");

        String hnte = get("/enterprises?qual=HNTE").body();
        assertThat(hnte).contains("共 142 条");

        String sorted = get("/enterprises?sort=name&dir=asc&size=5").body();
        Matcher m = Pattern.compile("<a href=\"/enterprises/\\d+\">([^<]+)</a>").matcher(sorted);
        java.util.List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        java.util.List<String> expected = jdbc.sql("select name from enterprise order by name, id limit 5")
                .query(String.class).list();
        assertThat(names).containsExactlyElementsOf(expected);
    }

    @Test
    void enterprisePageShowsRegistrationQualificationsOccupancyAndFigures() {
        long id = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        String html = get("/enterprises/" + id).body();
        assertThat(html).contains("上海移远通信技术股份有限公司", "3922", "通信终端设备制造", "全球总部", "高新技术企业",
                "上市挂牌", "603236", "自用", "G60松江信创产业园", "营业收入", "2019", "2023");
        java.math.BigDecimal revenue = jdbc.sql("select value from indicator_value where enterprise_id = ?"
                + " and metric = 'REVENUE' and period = '2023'").param(id).query(java.math.BigDecimal.class).single();
        String figures = html.substring(html.indexOf("id=\"figures\""));
        figures = figures.substring(0, figures.indexOf("</table>"));
        assertThat(figures).as("each year's value, not a dash")
                .contains(new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(
                        java.util.Locale.ROOT)).format(revenue));
        assertThat(get("/enterprises/999999").statusCode()).isEqualTo(404);
        long tenant = jdbc.sql("select enterprise_id from occupancy where role = 'TENANT' order by id limit 1")
                .query(Long.class).single();
        assertThat(get("/enterprises/" + tenant).body()).contains("承租", "出租方");
    }

    @Test
    void jsonEndpoints() {
        HttpResponse<String> d = get("/api/dashboard");
        assertThat(d.statusCode()).isEqualTo(200);
        assertThat(d.body()).contains("\"parkCount\":23", "\"HNTE\":142");
        assertThat(get("/api/parks").body()).contains("手拉手汽车港");
        assertThat(get("/api/enterprises?size=3").body()).contains("\"total\":2000");
        HttpResponse<String> missing = get("/api/enterprises/999999");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("未找到").doesNotContain("Exception");
    }

    @Test
    void staticAssetsComeFromTheApplication() {
        assertThat(get("/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/css/app.css").statusCode()).isEqualTo(200);
    }
}
