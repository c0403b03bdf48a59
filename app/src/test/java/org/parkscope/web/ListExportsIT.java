package org.parkscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every list downloads as a workbook from its page's link: the enterprise list with the filters in force, the parks,
 * a park's enterprises, the leads, the ledger and the low-efficiency list — each only with what the reader may see,
 * its column titles in the reader's language.
 */
@PlatformTest
class ListExportsIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    @Test
    void listsExportWhatTheReaderMaySeeWithTitlesInTheirLanguage() throws Exception {
        long sls = jdbc.sql("select id from park where code = 'SLS'").query(Long.class).single();
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");

        String page = admin.get("/enterprises?park=" + sls + "&above=true&sort=name&dir=asc").body();
        String link = page.replaceAll("(?s).*id=\"export\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
        assertThat(link).startsWith("/enterprises.xlsx?").contains("park=" + sls, "above=true", "sort=name", "dir=asc");
        List<List<String>> filtered = sheet(admin.download(link));
        long expected = jdbc.sql("select count(*) from enterprise where park_id = ? and above_scale"
                + " and is_current_firm(status)").param(sls).query(Long.class).single();
        assertThat(filtered.get(0)).startsWith("企业名称", "统一社会信用代码", "行业代码");
        assertThat(filtered).hasSize((int) expected + 1);
        assertThat(filtered.get(1).get(0)).as("in the page's order").isEqualTo(jdbc.sql("select name from enterprise"
                + " where park_id = ? and above_scale and is_current_firm(status) order by name, id limit 1").param(sls)
                .query(String.class).single());

        assertThat(sheet(admin.download("/parks.xlsx")))
                .hasSize(1 + jdbc.sql("select count(*) from park").query(Long.class).single().intValue());
        assertThat(admin.get("/parks/" + sls).body()).contains("id=\"export-tenants\"");
        assertThat(sheet(admin.download("/leads.xlsx")).get(0)).contains("负责人", "下次跟进");
        assertThat(sheet(admin.download("/land/interventions.xlsx"))).hasSize(1 + jdbc.sql(
                "select count(*) from land_intervention").query(Long.class).single().intValue());

        admin.get("/enterprises?lang=en");
        assertThat(sheet(admin.download("/enterprises.xlsx")).get(0)).startsWith("Name").doesNotContain("名称");
        assertThat(sheet(admin.download("/land/low-efficiency.xlsx")).get(0)).contains("Park", "Reasons");
        assertThat(sheet(admin.download("/land/interventions.xlsx")).get(0)).contains("Park");
        admin.get("/enterprises?lang=zh_CN");

        // a park operator gets its own park's enterprises and park only
        Browser park = Browser.signedIn(port(), "park", "Parkscope2024");
        List<String> foreign = jdbc.sql("select name from enterprise where park_id <> ? and is_current_firm(status)")
                .param(sls).query(String.class).list();
        List<List<String>> own = sheet(park.download("/enterprises.xlsx"));
        assertThat(own).hasSize(1 + jdbc.sql("select count(*) from enterprise where park_id = ? and"
                + " is_current_firm(status)").param(sls).query(Long.class).single().intValue());
        assertThat(own.stream().map(r -> r.get(0)).toList()).doesNotContainAnyElementsOf(foreign);
        assertThat(sheet(park.download("/parks.xlsx"))).hasSize(2);
        assertThat(park.download("/leads.xlsx").statusCode()).isEqualTo(403);

        // an enterprise user: its own firm, no parks (their figures add up other firms' confidential data)
        Browser firm = Browser.signedIn(port(), "enterprise", "Parkscope2024");
        List<List<String>> mine = sheet(firm.download("/enterprises.xlsx"));
        assertThat(mine).hasSize(2);
        assertThat(mine.get(1).get(0)).startsWith("上海移远通信");
        assertThat(firm.download("/parks.xlsx").statusCode()).isEqualTo(403);
        assertThat(firm.download("/land/interventions.xlsx").statusCode()).isEqualTo(403);
    }

    private static List<List<String>> sheet(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        DataFormatter text = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
            Sheet s = wb.getSheetAt(0);
            for (Row row : s) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : text.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
