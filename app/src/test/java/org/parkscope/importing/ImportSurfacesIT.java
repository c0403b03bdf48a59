package org.parkscope.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.PlatformTest;
import org.parkscope.access.AccountStore;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/** The web page (upload, progress, report, marked file, roll-back), the REST endpoint and the CLI. */
@PlatformTest
class ImportSurfacesIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired AccountStore accounts;
    @Autowired ImportService imports;
    @TempDir Path dir;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    String uscc(int nth) {
        return jdbc.sql("select uscc from enterprise order by id offset ? limit 1").param(nth).query(String.class).single();
    }

    @Test
    void uploadOnThePageShowsTheReportAndReturnsTheMarkedWorkbook() throws Exception {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        admin.get("/import");
        byte[] xlsx = workbook("统一社会信用代码,期间,税收(万元)", uscc(3) + ",2034,1", "9131011,2034,2");
        HttpResponse<String> posted = admin.upload("/import", Map.of("kind", "INDICATORS"), "figures.xlsx", xlsx);
        assertThat(posted.statusCode()).isEqualTo(302);
        String job = posted.headers().firstValue("Location").orElseThrow().replaceAll(".*/import/jobs/", "");
        String page = awaitReport(admin, job);
        assertThat(page).contains("未导入", "id=\"marked\"").doesNotContain("Not imported");
        HttpResponse<byte[]> marked = admin.download("/import/jobs/" + job + "/marked");
        assertThat(marked.statusCode()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(marked.body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("问题");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).contains("错误 A列：");
            assertThat(sheet.getRow(1).getCell(3)).isNull();
            var bad = sheet.getRow(2).getCell(0).getCellStyle();
            assertThat(bad.getFillForegroundColor()).isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
        }
        // the same report and marked file, read by a user in English
        assertThat(admin.get("/import/jobs/" + job + "?lang=en").body()).contains("Not imported").doesNotContain("未导入");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                admin.download("/import/jobs/" + job + "/marked").body()))) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Problems");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).contains("Error in column A:")
                    .doesNotContain("错误");
        }
        admin.get("/import?lang=zh-CN");
        // fixed and uploaded again: stored, listed, and rolled back from the page
        byte[] fixed = workbook("统一社会信用代码,期间,税收(万元)", uscc(3) + ",2034,1");
        admin.get("/import");
        String job2 = admin.upload("/import", Map.of("kind", "INDICATORS"), "figures.xlsx", fixed).headers()
                .firstValue("Location").orElseThrow().replaceAll(".*/import/jobs/", "");
        assertThat(awaitReport(admin, job2)).contains("已导入第");
        long batch = jdbc.sql("select max(id) from import_batch where status = 'COMMITTED'").query(Long.class).single();
        assertThat(admin.get("/import").body()).contains("figures.xlsx");
        HttpResponse<String> asked = admin.post("/import/batches/" + batch + "/rollback", Map.of());
        assertThat(asked.body()).contains("将回滚第 " + batch + " 批导入", "不可撤销");
        assertThat(jdbc.sql("select count(*) from indicator_value where period = '2034'").query(Long.class).single())
                .as("asking rolls nothing back").isEqualTo(1);
        admin.confirm(asked);
        assertThat(admin.get("/import").body()).contains("已回滚第 " + batch + " 批");
        assertThat(jdbc.sql("select count(*) from indicator_value where period = '2034'").query(Long.class).single()).isZero();

        assertThat(admin.download("/import/templates/enterprises").statusCode()).isEqualTo(200);
        HttpResponse<String> wrongType = admin.upload("/import", Map.of("kind", "INDICATORS"), "notes.docx", xlsx);
        assertThat(wrongType.headers().firstValue("Location").orElseThrow()).endsWith("/import");
        assertThat(admin.get("/import").body()).contains("只能导入");
    }

    private static String awaitReport(Browser b, String job) {
        for (int i = 0; i < 600; i++) {
            String status = b.get("/import/jobs/" + job + "/status").body();
            if (status.contains("id=\"summary\"")) {
                return b.get("/import/jobs/" + job).body();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the import did not finish");
    }

    @Test
    void restImportsWithAToken() throws Exception {
        long admin = accounts.find("admin").orElseThrow().id();
        Browser api = Browser.withToken(port(), accounts.issueToken(admin, "rest-test"));
        byte[] csv = ("统一社会信用代码,期间,指标,数值,单位\n" + uscc(5) + ",2035-01,用电量,12000,千瓦时\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = api.upload("/api/imports", Map.of("kind", "indicators"), "power.csv", csv);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"COMMITTED\"", "\"inserted\":1");
        assertThat(jdbc.sql("select value::text from indicator_value where period = '2035-01' and metric = 'ELECTRICITY'")
                .query(String.class).single()).isEqualTo("1.2000"); // 12 000 kWh = 1.2 万千瓦时
        HttpResponse<String> bad = api.upload("/api/imports", Map.of("kind", "indicators"), "bad.csv",
                "统一社会信用代码,期间,税收\nabc,2035,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"status\":\"REJECTED\"", "\"message\":\"统一社会信用代码应为18位")
                .doesNotContain("messageZh", "userMessage", "18 characters");
        HttpResponse<String> badEnglish = api.upload("/api/imports?lang=en", Map.of("kind", "indicators"), "bad.csv",
                "统一社会信用代码,期间,税收\nabc,2035,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(badEnglish.body()).contains("\"message\":\"A unified social credit code has 18 characters")
                .doesNotContain("统一社会信用代码应为");
        long batch = jdbc.sql("select max(id) from import_batch where status = 'COMMITTED'").query(Long.class).single();
        assertThat(api.post("/api/imports/" + batch + "/rollback", Map.of()).body()).contains("\"done\":true");
        assertThat(api.upload("/api/imports", Map.of("kind", "nonsense"), "x.csv", csv).statusCode()).isEqualTo(400);
    }

    @Test
    void theCommandLinePrintsTheSameReport() throws Exception {
        Path file = dir.resolve("cli.csv");
        Files.writeString(file, "统一社会信用代码,期间,税收(元)\n" + uscc(7) + ",2036,50000\n" + uscc(8) + ",2036,abc\n");
        Path marked = dir.resolve("marked.csv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImportCommand.Args args = new ImportCommand.Args();
        args.imports = imports;
        args.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = new CommandLine(args).execute(file.toString(), "--type", "indicators", "--marked", marked.toString(),
                "--lang", "zh");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(1);
        assertThat(printed).contains("未导入", "第 3 行", "不是数字").doesNotContain("is not a number");
        assertThat(Files.readString(marked)).contains("问题", "错误");
        out.reset();
        assertThat(new CommandLine(args).execute(file.toString(), "--type", "indicators", "--marked", marked.toString(),
                "--lang", "en")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Not imported", "row 3", "is not a number")
                .doesNotContain("不是数字");
        assertThat(Files.readString(marked)).contains("Problems", "Error").doesNotContain("错误");

        Files.writeString(file, "统一社会信用代码,期间,税收(元)\n" + uscc(7) + ",2036,50000\n");
        out.reset();
        code = new CommandLine(args).execute(file.toString(), "-t", "INDICATORS", "--dry-run", "--lang", "zh");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("试导入通过");
        assertThat(jdbc.sql("select count(*) from indicator_value where period = '2036'").query(Long.class).single()).isZero();
        out.reset();
        assertThat(new CommandLine(args).execute(file.toString(), "-t", "nonsense")).isEqualTo(2);
    }

    static byte[] workbook(String... lines) throws Exception {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("数据");
            for (int i = 0; i < lines.length; i++) {
                String[] cells = lines[i].split(",");
                var row = sheet.createRow(i);
                for (int j = 0; j < cells.length; j++) {
                    row.createCell(j).setCellValue(cells[j]);
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
