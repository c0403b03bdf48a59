package org.parkscope.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.parkscope.core.evaluation.Scheme;
import picocli.CommandLine;

/** The offline data layout: every shipped scheme's template, in both languages, is read back as what it says. */
class OfflineLayoutTest {

    @TempDir Path dir;

    static List<String> shipped() {
        return SchemeCatalogue.shipped();
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void theTemplateOfEveryShippedSchemeIsReadBackColumnByColumnInBothLanguages(String name) throws Exception {
        Scheme scheme = SchemeFile.classpath(name);
        List<OfflineLayout.Column> columns = OfflineLayout.columns(scheme);
        for (String metric : Scoring.usedColumns(scheme)) {
            if (!metric.equals("LAND_MU")) {
                assertThat(columns).as("%s: a column for %s", name, metric).anyMatch(c -> metric.equals(c.metric()));
            }
        }
        for (String lang : List.of("zh", "en")) {
            Path template = dir.resolve(name + "-" + lang + ".xlsx");
            assertThat(run("--template", name, "--out", template.toString(), "--lang", lang)).isZero();
            List<String> headers = headerRow(template);
            assertThat(headers).hasSameSizeAs(columns);
            for (int i = 0; i < headers.size(); i++) {
                String h = headers.get(i);
                assertThat(h).as("%s %s: a header, not a message code", name, lang)
                        .doesNotContain("evaluate.").doesNotContain("??").isNotBlank();
                OfflineLayout.Column read = OfflineLayout.recognise(h).orElseThrow(() -> new AssertionError(h));
                assertThat(read.role()).as(h).isEqualTo(columns.get(i).role());
                assertThat(read.metric()).as(h).isEqualTo(columns.get(i).metric());
                if (read.metric() != null) {
                    assertThat(OfflineLayout.factor(read.metric(), h)).as("%s: its own unit", h).hasValue(java.math.BigDecimal.ONE);
                }
            }
            assertThat(notes(template, lang)).as("every column explained").hasSize(columns.size());
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void aFilledTemplateIsScored(String name) throws Exception {
        Scheme scheme = SchemeFile.classpath(name);
        Path template = dir.resolve("t.xlsx");
        assertThat(run("--template", name, "--out", template.toString())).isZero();
        List<OfflineLayout.Column> columns = OfflineLayout.columns(scheme);
        List<Integer> years = new ArrayList<>(scheme.referenceYears());
        years.add(scheme.year());
        try (InputStream in = Files.newInputStream(template); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet data = wb.getSheetAt(0);
            int r = 1;
            for (int year : years) {
                for (int firm = 0; firm < 4; firm++) {
                    Row row = data.createRow(r++);
                    for (int c = 0; c < columns.size(); c++) {
                        Cell cell = row.createCell(c);
                        switch (columns.get(c).role()) {
                            case ID -> cell.setCellValue("91310000MA1FL" + firm + "XXXX");
                            case NAME -> cell.setCellValue("firm " + firm);
                            case ABOVE -> cell.setCellValue(firm % 2 == 0 ? "是" : "否");
                            case INDUSTRY -> cell.setCellValue("3" + (firm + 1) + "11");
                            case YEAR -> cell.setCellValue(year);
                            case LAND -> cell.setCellValue(10 + 5 * firm);
                            case METRIC -> cell.setCellValue(SchemeFile.COUNTS.contains(columns.get(c).metric())
                                    ? 0 : 100 * (firm + 1) + r);
                        }
                    }
                }
            }
            try (OutputStream os = Files.newOutputStream(template)) {
                wb.write(os);
            }
        }
        Path result = dir.resolve("r.xlsx");
        assertThat(run("--scheme", name, "--data", template.toString(), "--out", result.toString())).isZero();
        try (InputStream in = Files.newInputStream(result); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).as("one result row per firm of the evaluated year").isEqualTo(4);
            Sheet explained = wb.getSheetAt(1);
            List<String> firms = new ArrayList<>();
            int itemRows = 0;
            for (Row row : explained) {
                if (row.getRowNum() > 0) {
                    firms.add(row.getCell(0).getStringCellValue());
                    itemRows += row.getCell(8) != null ? 1 : 0;
                }
            }
            assertThat(new java.util.TreeSet<>(firms)).as("every firm explained").hasSize(4);
            int perFirm = scheme.cohorts().stream().mapToInt(c -> c.indicators().size()).min().orElse(0);
            assertThat(itemRows).as("an item per indicator and a total per firm").isGreaterThanOrEqualTo(4 * (perFirm + 1));
        }
    }

    @Test
    void aUnitThatDoesNotFitItsMetricIsRefusedNotIgnored() throws Exception {
        Path data = dir.resolve("d.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(data)) {
            Row h = wb.createSheet().createRow(0);
            String[] heads = {"统一社会信用代码", "用地面积(亩)", "税收(吨)"};
            for (int i = 0; i < heads.length; i++) {
                h.createCell(i).setCellValue(heads[i]);
            }
            wb.write(os);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = run(printed, "--scheme", "huangyan-2022", "--data", data.toString(), "--out",
                dir.resolve("r.xlsx").toString());
        assertThat(code).isEqualTo(1);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("税收(吨)", "does not fit");
        assertThat(run(new ByteArrayOutputStream(), "--scheme", "huangyan-2022")).isEqualTo(2);
    }

    @Test
    void columnsTheSchemeDoesNotUseAreNamedAsAWarning() throws Exception {
        Path data = dir.resolve("extra.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(data)) {
            var sheet = wb.createSheet();
            String[][] rows = {{"统一社会信用代码", "用地面积(亩)", "税收(万元)", "用水量(吨)", "备注"}, {"E1", "10", "100", "5", "x"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(os);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = run(printed, "--scheme", "huangyan-2022", "--data", data.toString(), "--out",
                dir.resolve("r.xlsx").toString());
        assertThat(code).as("a warning, not a refusal").isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("用水量(吨)", "备注", "ignored")
                .doesNotContain("税收(万元), ");
    }

    @Test
    void theHelpSaysHowToGetTheLayout() {
        String usage = new CommandLine(new EvaluateCli()).getUsageMessage();
        assertThat(usage).contains("--template", "One row per enterprise");
    }

    private static List<String> headerRow(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> out = new ArrayList<>();
            wb.getSheetAt(0).getRow(0).forEach(c -> out.add(c.getStringCellValue()));
            return out;
        }
    }

    private static List<String> notes(Path file, String lang) throws Exception {
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheetAt(1);
            assertThat(s.getSheetName()).isEqualTo(lang.equals("en") ? "how to fill" : "填写说明");
            List<String> out = new ArrayList<>();
            for (Row row : s) {
                if (row.getRowNum() > 0 && row.getCell(2) != null && !row.getCell(2).getStringCellValue().isBlank()) {
                    out.add(row.getCell(2).getStringCellValue());
                }
            }
            return out;
        }
    }

    private int run(String... args) {
        return run(new ByteArrayOutputStream(), args);
    }

    private int run(ByteArrayOutputStream printed, String... args) {
        EvaluateCli cli = new EvaluateCli();
        cli.console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return new CommandLine(cli).execute(args);
    }
}
