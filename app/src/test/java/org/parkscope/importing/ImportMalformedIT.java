package org.parkscope.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.PlatformTest;
import org.parkscope.access.AccountStore;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Malformed files, through the service and over HTTP: each comes back as a refused report that names the row and the
 * cell (or the whole file, when nothing in it can be read), in Chinese and English, and nothing stored changes.
 */
@PlatformTest
class ImportMalformedIT {

    private static final List<String> TABLES = List.of("park", "parcel", "building", "floor_space", "enterprise",
            "occupancy", "qualification", "land_contract", "land_obligation", "indicator_value", "import_batch");

    @Autowired ImportService imports;
    @Autowired JdbcClient jdbc;
    @Autowired AccountStore accounts;
    @Autowired Environment env;
    @TempDir Path dir;

    /** Every table an import can touch: its rows and a digest of their contents. */
    String stored() {
        StringBuilder sb = new StringBuilder();
        for (String t : TABLES) {
            sb.append(t).append('=').append(jdbc.sql("select count(*) || ':' || coalesce(md5(string_agg(x::text, '|'"
                    + " order by x::text)), '') from " + t + " x").query(String.class).single()).append(' ');
        }
        return sb.toString();
    }

    String uscc(int nth) {
        return jdbc.sql("select uscc from enterprise order by id offset ? limit 1").param(nth).query(String.class).single();
    }

    String parcel() {
        return jdbc.sql("select certificate_no from parcel order by id limit 1").query(String.class).single();
    }

    String park() {
        return jdbc.sql("select code from park order by id limit 1").query(String.class).single();
    }

    /** Imports the file and checks it was refused with nothing stored changed; answers its first problem. */
    ImportProblem refused(ImportKind kind, String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        String before = stored();
        ImportReport r = imports.run(kind, file, name, ImportRequest.Options.defaults(), "test");
        assertThat(r.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(r.errors()).isPositive();
        assertThat(stored()).isEqualTo(before);
        ImportProblem p = r.problems().stream().filter(ImportProblem::isError).findFirst().orElseThrow();
        assertThat(p.text(java.util.Locale.SIMPLIFIED_CHINESE)).isNotBlank().doesNotContain("ERROR:", "violates", "numeric field overflow");
        assertThat(p.text(java.util.Locale.ENGLISH)).isNotBlank().doesNotContain("ERROR:", "violates", "numeric field overflow");
        return p;
    }

    static void at(ImportProblem p, String code, int row, String column) {
        assertThat(p.code()).isEqualTo(code);
        assertThat(p.row()).isEqualTo(row);
        assertThat(p.columnLetter() == null ? p.columnLabel() : p.columnLetter()).isEqualTo(column);
    }

    @Test
    void damagedWorkbooksAndZipBombsAreRefusedAsWholeFiles() throws Exception {
        byte[] zip = workbook("统一社会信用代码,期间,税收(万元)", uscc(1) + ",2023,1");
        assertThat(refused(ImportKind.INDICATORS, "cut.xlsx", Arrays.copyOf(zip, zip.length / 2)).code())
                .isEqualTo("file.damaged");
        byte[] ole = new byte[4096];
        new java.util.Random(7).nextBytes(ole);
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, ole, 0, 8);
        assertThat(refused(ImportKind.ENTERPRISES, "garbage.xls", ole).code()).isEqualTo("file.damaged");
        assertThat(refused(ImportKind.INDICATORS, "bomb.xlsx", bomb(zip)).code()).isEqualTo("file.zipBomb");
    }

    @Test
    void cellsThatHoldNoValueAreNamedOnTheirRowAndColumn() throws Exception {
        byte[] zip = workbook("统一社会信用代码,期间,税收(万元)", uscc(1) + ",2023,1", uscc(2) + ",2023,2");
        byte[] brokenSst = patch(zip, "xl/worksheets/sheet1.xml", s -> s.replaceFirst(
                "(<c r=\"A3\" t=\"s\"[^>]*><v>)\\d+(</v>)", "$1999$2"));
        at(refused(ImportKind.INDICATORS, "sst.xlsx", brokenSst), "cell.brokenReference", 3, "A");

        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var s = wb.createSheet("数据");
            var h = s.createRow(0);
            h.createCell(0).setCellValue("统一社会信用代码");
            h.createCell(1).setCellValue("期间");
            h.createCell(2).setCellValue("税收(万元)");
            var r = s.createRow(1);
            r.createCell(0).setCellValue(uscc(1));
            r.createCell(1).setCellValue(2023);
            r.createCell(2).setCellErrorValue(FormulaError.DIV0.getCode());
            wb.write(out);
            at(refused(ImportKind.INDICATORS, "errors.xlsx", out.toByteArray()), "cell.excelError", 2, "C");
        }
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var s = wb.createSheet("企业");
            var h = s.createRow(0);
            h.createCell(0).setCellValue("统一社会信用代码");
            h.createCell(1).setCellValue("成立日期");
            var r = s.createRow(1);
            r.createCell(0).setCellValue(uscc(1));
            r.createCell(1).setCellErrorValue(FormulaError.NA.getCode());
            wb.write(out);
            at(refused(ImportKind.ENTERPRISES, "errors.xls", out.toByteArray()), "cell.excelError", 2, "B");
        }
        at(refused(ImportKind.ENTERPRISES, "formula.csv", utf8("统一社会信用代码,企业名称\n" + uscc(1) + ",=HYPERLINK(\"x\")\n")),
                "cell.formula", 2, "B");
    }

    @Test
    void oversizedRowsAndColumnsStopWhereTheyAre() throws Exception {
        String wide = "统一社会信用代码,期间,税收(万元)" + ",x".repeat(100_000) + "\n";
        ImportProblem columns = refused(ImportKind.INDICATORS, "wide.csv", utf8(wide));
        assertThat(columns.code()).isEqualTo("limit.columns");
        assertThat(columns.row()).isEqualTo(1);
        String line = "统一社会信用代码,企业名称\n" + uscc(1) + ",\"" + "长".repeat(3_500_000) + "\"\n"; // 10 MB, one line
        ImportProblem longLine = refused(ImportKind.ENTERPRISES, "line.csv", utf8(line));
        assertThat(longLine.code()).isEqualTo("limit.line");
        assertThat(longLine.row()).isEqualTo(2);
        assertThat(refused(ImportKind.ENTERPRISES, "text.csv", utf8("统一社会信用代码,企业名称\n" + uscc(1) + ","
                + "名".repeat(org.parkscope.core.validate.Limits.MAX_TEXT_LENGTH + 1) + "\n")).code()).isEqualTo("limit.text");
    }

    @Test
    void numbersOutOfRangeOrNotNumbersAtAllAreRefusedOnTheirCell() throws Exception {
        String head = "不动产权证号,所属园区,宗地面积,土地用途,权利人\n";
        at(refused(ImportKind.PARCELS, "huge.csv", utf8(head + "T-1," + park() + ",1e308,工业,甲\n")), "number.range", 2,
                "C");
        at(refused(ImportKind.PARCELS, "tiny.csv", utf8(head + "T-1," + park() + ",1e-10,工业,甲\n")), "limit.scale", 2,
                "C");
        at(refused(ImportKind.PARCELS, "big.csv", utf8(head + "T-1," + park() + ",2e10,工业,甲\n")), "limit.magnitude", 2,
                "C");
        at(refused(ImportKind.PARCELS, "nan.csv", utf8(head + "T-1," + park() + ",NaN,工业,甲\n")), "number.format", 2, "C");
        at(refused(ImportKind.PARCELS, "inf.csv", utf8(head + "T-1," + park() + ",Infinity,工业,甲\n")), "number.format",
                2, "C");
        at(refused(ImportKind.INDICATORS, "commas.csv", utf8("统一社会信用代码,期间,税收(万元)\n" + uscc(1)
                + ",2023,\"1,2,3\"\n")), "number.format", 2, "C");
        at(refused(ImportKind.OCCUPANCY, "lease.csv", utf8("统一社会信用代码,不动产权证号,身份,租赁面积,起租日期\n" + uscc(1)
                + "," + parcel() + ",承租,1e12,2024-01-01\n")), "limit.magnitude", 2, "D");
        at(refused(ImportKind.ENTERPRISES, "year.csv", utf8("统一社会信用代码,成立日期\n" + uscc(1) + ",0001-01-01\n")),
                "limit.year", 2, "B");
    }

    @Test
    void contradictoryRowsAreRefusedBeforeTheDatabaseSeesThem() throws Exception {
        String head = "统一社会信用代码,不动产权证号,身份,出租方统一社会信用代码,租赁面积,起租日期,止租日期\n";
        ImportProblem order = refused(ImportKind.OCCUPANCY, "order.csv", utf8(head + uscc(1) + "," + parcel()
                + ",承租,,100,2024-06-01,2024-01-01\n"));
        assertThat(order.code()).isEqualTo("check.valid_to");
        assertThat(order.row()).isEqualTo(2);
        assertThat(order.columnLabel()).isEqualTo("止租日期");
        ImportProblem self = refused(ImportKind.OCCUPANCY, "self.csv", utf8(head + uscc(1) + "," + parcel() + ",承租,"
                + uscc(1) + ",100,2024-01-01,\n"));
        assertThat(self.code()).isEqualTo("check.landlord_uscc");
        assertThat(self.row()).isEqualTo(2);
        assertThat(self.text(java.util.Locale.ENGLISH)).contains("lease from itself");
    }

    @Test
    void bytesOfAnotherEncodingAreNamedOnTheirCell() throws Exception {
        // 70 KB of clean UTF-8 first (the encoding is judged on the first 64 KB), then a GBK-encoded value
        byte[] head = utf8("统一社会信用代码,期间,税收(万元),备注\n" + uscc(1) + ",2023,1,\"" + "注".repeat(24_000) + "\"\n"
                + uscc(2) + ",2023,");
        byte[] gbk = "壹佰".getBytes(Charset.forName("GBK"));
        byte[] file = new byte[head.length + gbk.length + 1];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(gbk, 0, file, head.length, gbk.length);
        file[file.length - 1] = '\n';
        Path p = dir.resolve("mixed.csv");
        Files.write(p, file);
        String before = stored();
        ImportReport r = imports.run(ImportKind.INDICATORS, p, "mixed.csv", ImportRequest.Options.defaults(), "test");
        assertThat(r.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(stored()).isEqualTo(before);
        assertThat(r.problems()).anySatisfy(x -> at(x, "cell.encoding", 3, "C"));
    }

    @Test
    void overHttpTheApiAnswers422AndTheUploadPageShowsTheReport() throws Exception {
        int port = Integer.parseInt(env.getProperty("local.server.port"));
        long admin = accounts.find("admin").orElseThrow().id();
        Browser api = Browser.withToken(port, accounts.issueToken(admin, "malformed-test"));
        byte[] zip = workbook("统一社会信用代码,期间,税收(万元)", uscc(1) + ",2023,1");
        String before = stored();
        Map<String, byte[]> files = Map.of(
                "cut.xlsx", Arrays.copyOf(zip, zip.length / 2),
                "bomb.xlsx", bomb(zip),
                "commas.csv", utf8("统一社会信用代码,期间,税收(万元)\n" + uscc(1) + ",2023,\"1,2,3\"\n"),
                "wide.csv", utf8("统一社会信用代码,期间,税收(万元)" + ",x".repeat(100_000) + "\n"),
                "huge.csv", utf8("统一社会信用代码,期间,税收(万元)\n" + uscc(1) + ",2023,1e308\n"));
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            HttpResponse<String> r = api.upload("/api/imports", Map.of("kind", "indicators"), f.getKey(), f.getValue());
            assertThat(r.statusCode()).as(f.getKey()).isEqualTo(422);
            assertThat(r.body()).as(f.getKey()).contains("\"status\":\"REJECTED\"", "\"row\":", "\"message\":")
                    .doesNotContain("Exception", "SQL");
        }
        assertThat(api.upload("/api/imports", Map.of("kind", "indicators"), "notes.docx", zip).statusCode())
                .isEqualTo(422);

        Browser page = Browser.signedIn(port, "admin", "Parkscope2024");
        page.get("/import");
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            HttpResponse<String> posted = page.upload("/import", Map.of("kind", "INDICATORS"), f.getKey(), f.getValue());
            assertThat(posted.statusCode()).isEqualTo(302);
            String job = posted.headers().firstValue("Location").orElseThrow().replaceAll(".*/import/jobs/", "");
            HttpResponse<String> report = awaitReport(page, job);
            assertThat(report.statusCode()).as(f.getKey()).isEqualTo(422);
            assertThat(report.body()).as(f.getKey()).contains("未导入", "id=\"problems\"").doesNotContain("Not imported");
        }
        assertThat(stored()).isEqualTo(before);
    }

    private static HttpResponse<String> awaitReport(Browser b, String job) {
        for (int i = 0; i < 6000; i++) {
            if (b.get("/import/jobs/" + job + "/status").body().contains("id=\"summary\"")) {
                return b.get("/import/jobs/" + job);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the import did not finish");
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] workbook(String... lines) throws Exception {
        return ImportSurfacesIT.workbook(lines);
    }

    /** The workbook with one part rewritten. */
    static byte[] patch(byte[] xlsx, String part, java.util.function.UnaryOperator<String> edit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(part)) {
                    content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** The workbook whose sheet inflates to 200 MB of blanks from a few hundred KB: a zip bomb. */
    static byte[] bomb(byte[] xlsx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int cut = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, cut).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 200; i++) {
                        zip.write(blanks);
                    }
                    zip.write(xml.substring(cut).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
