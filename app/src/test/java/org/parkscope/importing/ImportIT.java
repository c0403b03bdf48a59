package org.parkscope.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.PlatformTest;
import org.parkscope.core.code.Uscc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files as towns receive them, imported whole or not at all. */
@PlatformTest
class ImportIT {

    @Autowired ImportService imports;
    @Autowired JdbcClient jdbc;
    @TempDir Path dir;

    record Ent(long id, String uscc, String name) {}

    Ent enterprise(String parkCode, int nth) {
        return jdbc.sql("select e.id, e.uscc, e.name from enterprise e join park p on p.id = e.park_id where p.code = ?"
                + " order by e.id offset ? limit 1").params(parkCode, nth).query(Ent.class).single();
    }

    String state() {
        return jdbc.sql("select md5(string_agg(t::text, '|' order by id)) from indicator_value t").query(String.class)
                .single() + jdbc.sql("select count(*) from import_batch").query(Long.class).single()
                + jdbc.sql("select md5(string_agg(t::text, '|' order by id)) from enterprise t").query(String.class).single();
    }

    Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    ImportReport run(ImportKind kind, Path file) {
        return imports.run(kind, file, file.getFileName().toString(), ImportRequest.Options.defaults(), "test");
    }

    static String mint(String tail8) {
        return Uscc.complete("91310117" + tail8);
    }

    @Test
    void aBrokenFileChangesNothingAndComesBackWithEveryProblemMarked() throws IOException {
        Ent a = enterprise("JGZN", 0);
        Ent b = enterprise("JGZN", 1);
        String badCheck = a.uscc().substring(0, 17) + (a.uscc().charAt(17) == '0' ? '1' : '0');
        String unknown = mint("TE5TUNKN");
        String csv = "统一社会信用代码,企业名称,期间,指标,数值,单位\n"
                + a.uscc() + "," + a.name() + ",2031,税收,100,万元\n"          // row 2: fine
                + badCheck + ",x,2031,税收,100,万元\n"                          // row 3: check character
                + unknown + ",y,2031,税收,100,万元\n"                           // row 4: not registered
                + b.uscc() + "," + b.name() + ",2031,税收,12a,万元\n"           // row 5: not a number
                + b.uscc() + "," + b.name() + ",2031,营业收入,100,千瓦时\n"      // row 6: unit does not fit
                + a.uscc() + "," + a.name() + ",2031,税收,200,万元\n"           // row 7: repeats row 2
                + b.uscc() + "," + b.name() + ",2031,税收,-5,万元\n"            // row 8: negative
                + b.uscc() + "," + b.name() + ",2031,利润,5,万元\n"             // row 9: unknown metric
                + b.uscc() + "," + b.name() + ",2031-13,税收,5,万元\n";         // row 10: bad period
        Path file = write("broken.csv", bytes("\uFEFF" + csv, StandardCharsets.UTF_8));
        String before = state();

        ImportReport r = run(ImportKind.INDICATORS, file);

        assertThat(r.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(state()).isEqualTo(before);
        assertThat(r.problems()).extracting(ImportProblem::row).contains(3, 4, 5, 6, 7, 8, 9, 10).doesNotContain(2);
        assertThat(r.problems()).anyMatch(p -> p.row() == 3 && p.text(java.util.Locale.SIMPLIFIED_CHINESE).contains("校验") && "A".equals(p.columnLetter()));
        assertThat(problem(r, 4).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("未登记");
        assertThat(problem(r, 5).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("不是数字");
        assertThat(problem(r, 5).columnLetter()).isEqualTo("E");
        assertThat(problem(r, 6).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("单位");
        assertThat(problem(r, 7).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("第 2 行重复");
        assertThat(problem(r, 8).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("负");
        assertThat(problem(r, 9).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("无法识别");
        assertThat(problem(r, 10).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("期间");
        assertThat(r.problems()).allMatch(p -> !p.text(java.util.Locale.ENGLISH).isBlank());

        MarkedFile.Output marked = MarkedFile.write(file, "broken.csv", r, java.util.Locale.SIMPLIFIED_CHINESE);
        String back = new String(marked.bytes(), StandardCharsets.UTF_8);
        List<String> lines = back.lines().toList();
        assertThat(marked.fileName()).isEqualTo("broken-问题.csv");
        assertThat(lines.get(0)).startsWith("\uFEFF统一社会信用代码").endsWith(",问题");
        assertThat(lines.get(1)).endsWith("万元");
        for (int row = 3; row <= 10; row++) {
            assertThat(lines.get(row - 1)).contains("错误").doesNotContain("Error");
        }
        assertThat(lines.get(6)).contains("与文件中前面的第 2 行重复");
        // for a reader in English, the same file comes back marked in English
        MarkedFile.Output english = MarkedFile.write(file, "broken.csv", r, java.util.Locale.ENGLISH);
        List<String> en = new String(english.bytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(english.fileName()).isEqualTo("broken-problems.csv");
        assertThat(en.get(0)).startsWith("\uFEFF统一社会信用代码").endsWith(",Problems");
        assertThat(en.get(4)).contains("Error in column E:", "is not a number").doesNotContain("错误", "不是数字");
        assertThat(en.get(6)).contains("repeats row 2 of the file").doesNotContain("重复");
    }

    @Test
    void aRepeatedRowIsRefusedWhenItIsTheFilesOnlyProblem() throws IOException {
        Ent a = enterprise("JGZN", 2);
        String head = "统一社会信用代码,企业名称,期间,指标,数值,单位\n";
        String tax = a.uscc() + "," + a.name() + ",2047,税收,";
        String revenue = a.uscc() + "," + a.name() + ",2047,营业收入,300,万元\n";
        String before = state();

        // two new figures with one key: they meet in the table's unique index, and the batch is refused with them
        ImportReport newTwice = run(ImportKind.INDICATORS, write("new-twice.csv",
                bytes(head + tax + "100,万元\n" + revenue + tax + "200,万元\n", StandardCharsets.UTF_8)));

        assertThat(newTwice.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(state()).isEqualTo(before);
        assertThat(newTwice.problems()).singleElement().satisfies(p -> {
            assertThat(p.row()).isEqualTo(4);
            assertThat(p.text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("第 2 行重复");
            assertThat(p.text(java.util.Locale.ENGLISH)).contains("repeats row 2");
        });

        // two rows updating one stored figure
        ImportReport storedOnce = run(ImportKind.INDICATORS, write("stored.csv", bytes(head + tax + "100,万元\n",
                StandardCharsets.UTF_8)));
        assertThat(storedOnce.status()).isEqualTo(ImportReport.Status.COMMITTED);
        String stored = state();
        ImportReport storedTwice = run(ImportKind.INDICATORS, write("stored-twice.csv",
                bytes(head + tax + "150,万元\n" + tax + "160,万元\n", StandardCharsets.UTF_8)));

        assertThat(storedTwice.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(state()).isEqualTo(stored);
        assertThat(storedTwice.problems()).extracting(ImportProblem::row).containsExactly(3);
        assertThat(imports.rollback(storedOnce.batchId(), "test").done()).isTrue();
    }

    static ImportProblem problem(ImportReport r, int row) {
        return r.problems().stream().filter(p -> p.row() == row).findFirst().orElseThrow(() ->
                new AssertionError("no problem on row " + row + ": " + r.problems()));
    }

    @Test
    void aMessyWorkbookIsReadTheWayAPersonReadsIt() throws IOException {
        Ent a = enterprise("SZKC", 0);
        Ent b = enterprise("SZKC", 1);
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet junk = wb.createSheet("旧表");
            junk.createRow(0).createCell(0).setCellValue("隐藏的旧数据，不应被读取");
            wb.setSheetHidden(0, true);
            Sheet s = wb.createSheet("2032年数据");
            s.createRow(0).createCell(0).setCellValue("泗泾镇重点企业 2032 年主要指标");
            s.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            Row group = s.createRow(1);
            group.createCell(0).setCellValue("统一社会信用代码");
            group.createCell(1).setCellValue("企业名称");
            group.createCell(2).setCellValue("主要指标");
            s.addMergedRegion(new CellRangeAddress(1, 2, 0, 0)); // vertically merged header cells
            s.addMergedRegion(new CellRangeAddress(1, 2, 1, 1));
            s.addMergedRegion(new CellRangeAddress(1, 1, 2, 4));
            Row header = s.createRow(2);
            header.createCell(2).setCellValue("税收（元）");
            header.createCell(3).setCellValue("营业收入(万元)");
            header.createCell(4).setCellValue("从业人员");
            Row r1 = s.createRow(3);
            r1.createCell(0).setCellValue(a.uscc().toLowerCase());
            r1.createCell(1).setCellValue(a.name());
            r1.createCell(2).setCellValue("１，２３４，５６７．８");        // full-width digits, text
            r1.createCell(3).setCellFormula("1000+234.5");               // a formula
            r1.createCell(4).setCellValue("88");                          // a number stored as text
            Row r2 = s.createRow(4);
            r2.createCell(0).setCellValue(b.uscc());
            r2.createCell(1).setCellValue(b.name());
            r2.createCell(2).setCellValue(3_500_000);
            CellStyle thousands = wb.createCellStyle();
            thousands.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            r2.getCell(2).setCellStyle(thousands);
            r2.createCell(3).setCellValue("2,000");
            Row total = s.createRow(5);
            total.createCell(1).setCellValue("合计");
            total.createCell(2).setCellFormula("C4+C5");
            s.createRow(6);
            s.createRow(7).createCell(0).setCellValue("");
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        Path file = write("messy.xlsx", xlsx);
        ImportRequest.Options options = new ImportRequest.Options(null, "2032", false);

        ImportReport r = imports.run(ImportKind.INDICATORS, file, "messy.xlsx", options, "test");

        assertThat(r.status()).as(r.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(r.sheet()).isEqualTo("2032年数据");
        assertThat(r.headerRow()).isEqualTo(3);
        assertThat(r.rowsRead()).isEqualTo(2);
        assertThat(r.inserted()).isEqualTo(5);
        assertThat(value(a.id(), "2032", "TAX")).isEqualByComparingTo("123.4568");   // 元 → 万元, 4 decimals
        assertThat(value(a.id(), "2032", "REVENUE")).isEqualByComparingTo("1234.5");
        assertThat(value(a.id(), "2032", "STAFF")).isEqualByComparingTo("88");
        assertThat(value(b.id(), "2032", "TAX")).isEqualByComparingTo("350");
        assertThat(value(b.id(), "2032", "REVENUE")).isEqualByComparingTo("2000");
        assertThat(jdbc.sql("select source_department from indicator_value where enterprise_id = ? and period = '2032'"
                + " and metric = 'TAX'").param(a.id()).query(String.class).single()).isEqualTo("TAX");
        assertThat(imports.rollback(r.batchId(), "test").done()).isTrue();
    }

    BigDecimal value(long enterprise, String period, String metric) {
        return jdbc.sql("select value from indicator_value where enterprise_id = ? and period = ? and metric = ?")
                .params(enterprise, period, metric).query(BigDecimal.class).single();
    }

    @Test
    void aGbkCsvWithoutBomUpdatesEnterprisesAndRollsBack() throws IOException {
        Ent a = enterprise("WDKJ", 0);
        String newUscc = mint("GBKTE5T1");
        String csv = "信用代码,单位名称,行业代码,总部类型,成立日期\r\n"
                + a.uscc() + ",,,华东区域总部,\r\n"
                + newUscc + ",上海测试（泗泾）光电有限公司,C3976,,45365\r\n";
        Path file = write("gbk.csv", bytes(csv, Charset.forName("GBK")));
        String hqBefore = jdbc.sql("select coalesce(hq_kind, '') from enterprise where id = ?").param(a.id())
                .query(String.class).single();

        ImportReport r = run(ImportKind.ENTERPRISES, file);

        assertThat(r.status()).as(r.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.updated()).isEqualTo(1);
        assertThat(jdbc.sql("select hq_kind from enterprise where id = ?").param(a.id()).query(String.class).single())
                .isEqualTo("华东区域总部");
        Map<String, Object> created = jdbc.sql("select name, industry_code, registered_on::text as d from enterprise"
                + " where uscc = ?").param(newUscc).query().singleRow();
        assertThat(created).containsEntry("name", "上海测试(泗泾)光电有限公司").containsEntry("industry_code", "3976")
                .containsEntry("d", "2024-03-14");

        ImportRollback.Result back = imports.rollback(r.batchId(), "test");
        assertThat(back.done()).as(back.userMessage().text(java.util.Locale.SIMPLIFIED_CHINESE)).isTrue();
        assertThat(jdbc.sql("select coalesce(hq_kind, '') from enterprise where id = ?").param(a.id())
                .query(String.class).single()).isEqualTo(hqBefore);
        assertThat(jdbc.sql("select count(*) from enterprise where uscc = ?").param(newUscc).query(Long.class).single())
                .isZero();
        assertThat(imports.rollback(r.batchId(), "test").done()).isFalse();
    }

    @Test
    void powerSurchargesComeInFromThePowerDepartmentInYuanPerKwh() throws IOException {
        Ent a = enterprise("JGZN", 1);
        Path file = write("power.csv", bytes("统一社会信用代码,期间,惩罚性电价加价(分/千瓦时),阶梯电价加价(元/千瓦时)\n"
                + a.uscc() + ",2034,8,0.03\n", StandardCharsets.UTF_8));
        ImportReport r = imports.run(ImportKind.INDICATORS, file, "power.csv",
                new ImportRequest.Options("POWER", null, false), "test");
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(value(a.id(), "2034", "POWER_PUNITIVE")).isEqualByComparingTo("0.08"); // 8 分 = 0.08 元
        assertThat(value(a.id(), "2034", "POWER_TIERED")).isEqualByComparingTo("0.03");
        assertThat(imports.rollback(r.batchId(), "test").done()).isTrue();
        // A unit that does not fit is refused, naming the column.
        Path wrong = write("power-wrong.csv", bytes("统一社会信用代码,期间,阶梯电价加价(万元)\n" + a.uscc() + ",2034,1\n",
                StandardCharsets.UTF_8));
        assertThat(run(ImportKind.INDICATORS, wrong).status()).isNotEqualTo(ImportReport.Status.COMMITTED);
    }

    @Test
    void theSameFileTwiceChangesNothingAndACorrectedFileReplacesOnlyWhatItCovers() throws IOException {
        Ent a = enterprise("GLGL", 0);
        Ent b = enterprise("GLGL", 1);
        BigDecimal bTaxBefore = value(b.id(), "2023", "TAX");
        Path first = write("v1.csv", bytes("统一社会信用代码,期间,税收(万元),营业收入(万元)\n"
                + a.uscc() + ",2033,10,100\n" + b.uscc() + ",2033,20,200\n", StandardCharsets.UTF_8));
        ImportReport r1 = run(ImportKind.INDICATORS, first);
        assertThat(r1.status()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(r1.inserted()).isEqualTo(4);

        String state = state();
        ImportReport again = run(ImportKind.INDICATORS, first);
        assertThat(again.status()).isEqualTo(ImportReport.Status.UNCHANGED);
        assertThat(again.previousBatchId()).isEqualTo(r1.batchId());
        assertThat(state()).isEqualTo(state);

        // the same values in another order: a new file, but no row changes
        Path reordered = write("v1b.csv", bytes("统一社会信用代码,期间,营业收入(万元),税收(万元)\n"
                + b.uscc() + ",2033,200,20\n" + a.uscc() + ",2033,100,10\n", StandardCharsets.UTF_8));
        ImportReport same = run(ImportKind.INDICATORS, reordered);
        assertThat(same.status()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(same.inserted() + same.updated()).isZero();
        assertThat(same.unchanged()).isEqualTo(4);

        // a correction of one figure for one enterprise
        Path corrected = write("v2.csv", bytes("统一社会信用代码,期间,税收(万元)\n" + a.uscc() + ",2033,11\n",
                StandardCharsets.UTF_8));
        ImportReport r2 = run(ImportKind.INDICATORS, corrected);
        assertThat(r2.updated()).isEqualTo(1);
        assertThat(value(a.id(), "2033", "TAX")).isEqualByComparingTo("11");
        assertThat(value(a.id(), "2033", "REVENUE")).isEqualByComparingTo("100");
        assertThat(value(b.id(), "2033", "TAX")).isEqualByComparingTo("20");
        assertThat(value(b.id(), "2023", "TAX")).isEqualByComparingTo(bTaxBefore);

        // the first batch cannot be rolled back under the correction; the correction can, and restores 10
        assertThat(imports.rollback(r1.batchId(), "test").done()).isFalse();
        assertThat(imports.rollback(r2.batchId(), "test").done()).isTrue();
        assertThat(value(a.id(), "2033", "TAX")).isEqualByComparingTo("10");
        assertThat(jdbc.sql("select import_batch_id from indicator_value where enterprise_id = ? and period = '2033'"
                + " and metric = 'TAX'").param(a.id()).query(Long.class).single()).isEqualTo(r1.batchId());
        assertThat(imports.rollback(same.batchId(), "test").done()).isTrue();
        assertThat(imports.rollback(r1.batchId(), "test").done()).isTrue();
        assertThat(jdbc.sql("select count(*) from indicator_value where period = '2033'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ROLLBACK' and entity_id = ?")
                .param(String.valueOf(r1.batchId())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void filesThatAreNotSpreadsheetsAreRefusedWithAClearMessage() throws IOException {
        String before = state();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0};
        assertRejected(run(ImportKind.INDICATORS, write("picture.xlsx", png)), "不是 Excel");
        assertRejected(run(ImportKind.INDICATORS, write("empty.csv", new byte[0])), "为空");
        assertRejected(run(ImportKind.INDICATORS, write("blank.csv", bytes("\n\n ,, \n", StandardCharsets.UTF_8))),
                "没有数据");
        assertRejected(run(ImportKind.INDICATORS, write("zip.xlsx", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0})),
                "无法读取");
        assertRejected(run(ImportKind.ENTERPRISES, write("noheader.csv", bytes("a,b,c\n1,2,3\n",
                StandardCharsets.UTF_8))), "找不到表头");
        assertThat(state()).isEqualTo(before);
    }

    static void assertRejected(ImportReport r, String message) {
        assertThat(r.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(r.problems()).hasSize(1);
        assertThat(r.problems().get(0).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains(message);
        assertThat(r.problems().get(0).text(java.util.Locale.ENGLISH)).isNotBlank();
    }

    @Test
    void registryKindsImportInOrderWithTheirChecks() throws IOException {
        String tenant = mint("REGTE5T1");
        String landlord = mint("REGTE5T2");
        run(ImportKind.PARKS, write("parks.csv", bytes("园区编码,园区名称,运营主体,产业方向,边界\n"
                + "TESTP,测试园区,上海测试园区运营有限公司,信创、测试,\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":"
                + "[[[121.25,31.09],[121.26,31.09],[121.26,31.095],[121.25,31.09]]]}\"\n", StandardCharsets.UTF_8)));
        assertThat(jdbc.sql("select cluster_tags::text from park where code = 'TESTP'").query(String.class).single())
                .isEqualTo("{信创,测试}");
        ImportReport parcels = run(ImportKind.PARCELS, write("parcels.csv", bytes(
                "不动产权证号,所属园区,宗地面积(亩),土地用途,权利人,宗地范围\n"
                + "TEST-001,TESTP,15,工业用地,上海测试实业有限公司,\"POLYGON((121.25 31.09, 121.255 31.09, 121.255 31.093, 121.25 31.09))\"\n"
                + "TEST-002,NOPARK,15,工业用地,x,\n", StandardCharsets.UTF_8)));
        assertThat(parcels.status()).isEqualTo(ImportReport.Status.REJECTED);
        assertThat(problem(parcels, 3).text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("园区不存在");
        ImportReport ok = run(ImportKind.PARCELS, write("parcels2.csv", bytes(
                "不动产权证号,所属园区,宗地面积(亩),土地用途,权利人\nTEST-001,TESTP,15,工业用地,上海测试实业有限公司\n",
                StandardCharsets.UTF_8)));
        assertThat(ok.status()).as(ok.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(jdbc.sql("select area_m2 from parcel where certificate_no = 'TEST-001'").query(BigDecimal.class)
                .single()).isEqualByComparingTo("10000.00"); // 15 亩
        run(ImportKind.BUILDINGS, write("b.csv", bytes("不动产权证号,楼宇名称,层数,建筑面积\nTEST-001,A栋,2,500\n",
                StandardCharsets.UTF_8)));
        run(ImportKind.ENTERPRISES, write("e.csv", bytes("统一社会信用代码,企业名称,行业代码,所属园区\n"
                + tenant + ",上海测试租户有限公司,6513,TESTP\n" + landlord + ",上海测试实业有限公司,3399,TESTP\n",
                StandardCharsets.UTF_8)));
        ImportReport occ = run(ImportKind.OCCUPANCY, write("o.csv", bytes(
                "统一社会信用代码,不动产权证号,身份,出租方统一社会信用代码,楼宇名称,租赁面积,起租日期\n"
                + tenant + ",TEST-001,承租," + landlord + ",A栋,800,2024-01-01\n"
                + landlord + ",TEST-001,出租方,,,,2020-01-01\n", StandardCharsets.UTF_8)));
        assertThat(occ.status()).as(occ.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(occ.warnings()).isGreaterThanOrEqualTo(1);
        assertThat(occ.problems()).anyMatch(p -> p.text(java.util.Locale.SIMPLIFIED_CHINESE).contains("超过楼宇建筑面积"));
        ImportReport q = run(ImportKind.QUALIFICATIONS, write("q.csv", bytes(
                "统一社会信用代码,资质类型,证书编号,认定日期,有效期至\n" + tenant + ",高企,GR2024999,2024/12/1,2027-11-30\n",
                StandardCharsets.UTF_8)));
        assertThat(q.status()).as(q.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        assertThat(jdbc.sql("select type from qualification where certificate_no = 'GR2024999'").query(String.class)
                .single()).isEqualTo("HNTE");
        // an enterprise added by an import that others now reference cannot be rolled back from under them
        long enterpriseBatch = jdbc.sql("select import_batch_id from enterprise where uscc = ?").param(tenant)
                .query(Long.class).single();
        ImportRollback.Result refused = imports.rollback(enterpriseBatch, "test");
        assertThat(refused.done()).isFalse();
        assertThat(refused.userMessage().text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("引用");

        // roll everything back, newest first, so that the demo town is as it was for the other tests
        List<Long> batches = jdbc.sql("select id from import_batch where status = 'COMMITTED' and created_by = 'test'"
                + " order by id desc").query(Long.class).list();
        for (long batch : batches) {
            assertThat(imports.rollback(batch, "test").done()).as("batch %d", batch).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from park where code = 'TESTP'").query(Long.class).single()).isZero();
    }

    @Test
    void templatesCarryHeadersInstructionsAndExamplesThatImportCleanly() throws IOException {
        for (ImportKind kind : ImportKind.values()) {
            try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(Templates.xlsx(kind,
                    java.util.Locale.SIMPLIFIED_CHINESE)))) {
                assertThat(wb.getSheet("数据").getRow(0).getCell(0).getStringCellValue()).endsWith("*");
                assertThat(wb.getSheet("说明").getLastRowNum()).isGreaterThan(kind.fields().size());
                assertThat(wb.getSheet("说明").getRow(0).getCell(2).getStringCellValue()).isEqualTo("说明");
            }
            try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(Templates.xlsx(kind,
                    java.util.Locale.ENGLISH)))) {
                assertThat(wb.getSheet("Data").getRow(0).getCell(0).getStringCellValue()).endsWith("*");
                assertThat(wb.getSheet("Instructions").getRow(0).getCell(2).getStringCellValue()).isEqualTo("How to fill");
            }
            Path t = write("template-" + kind + ".xlsx", Templates.xlsx(kind, java.util.Locale.ENGLISH));
            ImportReport r = imports.run(kind, t, t.getFileName().toString(), new ImportRequest.Options(null, null, true),
                    "test");
            // the header is always recognised; example rows may refer to data this town lacks
            assertThat(r.headerRow()).as(kind.name()).isEqualTo(1);
        }
    }

    @Test
    void anOldXlsWorkbookWithEnglishHeadersAndRealDateCells() throws IOException {
        Ent a = enterprise("ZJHS", 0);
        byte[] xls;
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("Sheet1");
            Row h = s.createRow(0);
            String[] head = {"Credit Code", "Type", "Certificate No", "Issued On", "Expires On"};
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            Row r = s.createRow(1);
            r.createCell(0).setCellValue(a.uscc());
            r.createCell(1).setCellValue("Tech Center");
            r.createCell(2).setCellValue("JSZX-XLS-1");
            r.createCell(3).setCellValue(java.time.LocalDate.of(2025, 6, 30));
            r.getCell(3).setCellStyle(date);
            r.createCell(4).setCellFormula("D2+365");
            r.getCell(4).setCellStyle(date);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
            xls = out.toByteArray();
        }
        ImportReport r = run(ImportKind.QUALIFICATIONS, write("quals.xls", xls));
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        Map<String, Object> q = jdbc.sql("select type, issued_on::text as i, expires_on::text as x from qualification"
                + " where certificate_no = 'JSZX-XLS-1'").query().singleRow();
        assertThat(q).containsEntry("type", "TECH_CENTER").containsEntry("i", "2025-06-30").containsEntry("x", "2026-06-30");
        assertThat(imports.rollback(r.batchId(), "test").done()).isTrue();
    }

    static byte[] bytes(String s, Charset cs) {
        return s.getBytes(cs);
    }
}
