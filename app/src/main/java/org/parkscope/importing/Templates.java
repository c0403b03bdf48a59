package org.parkscope.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.UserMessage;

/**
 * Downloadable templates: a data sheet with the Chinese headers (the names the file's readers look for) and example
 * rows, and an instruction sheet in the reader's language.
 */
public final class Templates {

    private Templates() {}

    static final Map<ImportKind, List<List<String>>> EXAMPLES = Map.of(
            ImportKind.PARKS, List.of(List.of("SLS", "手拉手汽车港", "上海手牵手科技发展有限公司", "园区平台",
                    "新能源汽车交付中心", "新能源汽车", "九干路50号", "2020-10-01", "")),
            ImportKind.PARCELS, List.of(List.of("沪(2021)松字不动产权第012345号", "SLS", "44151.69", "工业用地",
                    "中船科技股份有限公司", "", "1998-05-01", "2048-04-30", "九干路50号",
                    "POLYGON((121.24 31.10, 121.245 31.10, 121.245 31.104, 121.24 31.104, 121.24 31.10))")),
            ImportKind.BUILDINGS, List.of(List.of("沪(2021)松字不动产权第012345号", "1号楼", "3", "12000", "2005")),
            ImportKind.FLOOR_SPACES, List.of(List.of("沪(2021)松字不动产权第012345号", "1号楼", "1F-01", "1", "850", "展厅", "8", "7.5", "1.5",
                    "2025-01-01")),
            ImportKind.ENTERPRISES, List.of(List.of("91310117MA1H7XXXX0", "上海示例科技有限公司", "6513", "小型", "否", "否", "",
                    "在营", "2018-06-01", "G60XC", "310117102000", "1.3", "")),
            ImportKind.OCCUPANCY, List.of(List.of("91310117MA1H7XXXX0", "沪(2021)松字不动产权第012345号", "承租",
                    "91310117MA1H7YYYY0", "1号楼", "1F-01", "850", "2021-01-01", "2025-12-31")),
            ImportKind.QUALIFICATIONS, List.of(List.of("91310117MA1H7XXXX0", "高新技术企业", "国家级", "GR202331001234",
                    "2023-11-15", "2026-11-14", "")),
            ImportKind.LAND_CONTRACTS, List.of(List.of("沪(2021)松字不动产权第012345号", "沪松规划资源(2021)出让合第0123号",
                    "标准地", "2021-03-01", "2021-09-01", "2023-03-01", "2023-02-15", "2041-02-28", "")),
            ImportKind.LAND_OBLIGATIONS, List.of(List.of("沪松规划资源(2021)出让合第0123号", "亩均税收", "20", "万元/亩",
                    "竣工", "3", "5", "10", "限期整改；未整改的按合同收取违约金")),
            ImportKind.INDICATORS, List.of(
                    List.of("91310117MA1H7XXXX0", "上海示例科技有限公司", "2023", "税收", "356.2", "万元", "税务"),
                    List.of("91310117MA1H7XXXX0", "上海示例科技有限公司", "2023", "营业收入", "8520", "万元", "统计")));

    /** The template, its instructions in the reader's language (the headers are the data sheet's own, in Chinese). */
    public static byte[] xlsx(ImportKind kind, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Sheet data = wb.createSheet(text(locale, "import.template.dataSheet"));
            Row h = data.createRow(0);
            List<Field> fields = kind.fields();
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                Sheets.text(h, i, f.label() + (f.required() ? "*" : "")).setCellStyle(head);
                data.setColumnWidth(i, Math.max(14, f.label().length() * 3 + 4) * 256);
            }
            int r = 1;
            for (List<String> example : EXAMPLES.getOrDefault(kind, List.of())) {
                Row row = data.createRow(r++);
                for (int i = 0; i < example.size() && i < fields.size(); i++) {
                    Sheets.text(row, i, example.get(i));
                }
            }
            Sheet help = wb.createSheet(text(locale, "import.template.helpSheet"));
            String[][] lines = instructions(kind, locale);
            for (int i = 0; i < lines.length; i++) {
                Row row = help.createRow(i);
                for (int j = 0; j < lines[i].length; j++) {
                    Sheets.text(row, j, lines[i][j]);
                }
                if (i == 0) {
                    for (int j = 0; j < lines[i].length; j++) {
                        row.getCell(j).setCellStyle(head);
                    }
                }
            }
            help.setColumnWidth(0, 28 * 256);
            help.setColumnWidth(1, 10 * 256);
            help.setColumnWidth(2, 90 * 256);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[][] instructions(ImportKind kind, Locale locale) {
        List<Field> fields = kind.fields();
        String[][] lines = new String[fields.size() + 6][];
        lines[0] = text(locale, "import.template.head").split("\\|");
        String yes = text(locale, "import.template.yes");
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            String hint = f.type() == FieldType.TEXT || f.type() == FieldType.MONEY ? ""
                    : text(locale, "import.hint." + f.type().name());
            lines[i + 1] = new String[] {text(locale, "import.template.column", f.label(), f.labelEn()),
                f.required() ? yes : "", text(locale, "import.template.headers", String.join("、", f.labels()), hint)};
        }
        int n = fields.size() + 1;
        lines[n] = new String[] {""};
        lines[n + 1] = new String[] {text(locale, "import.template.rules"), "", text(locale, "import.template.rule.whole")};
        lines[n + 2] = new String[] {"", "", text(locale, "import.template.rule.again")};
        lines[n + 3] = new String[] {"", "", text(locale, "import.template.rule.header")};
        lines[n + 4] = new String[] {"", "", text(locale, kind == ImportKind.INDICATORS
                ? "import.template.rule.indicators" : "import.template.rule.csv")};
        return lines;
    }

    private static String text(Locale locale, String key, Object... args) {
        return UserMessage.of(key, args).text(locale);
    }
}
