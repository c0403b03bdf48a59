package org.parkscope.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.parkscope.shared.Sheets;

/** Downloadable templates: a data sheet with the Chinese headers and example rows, and an instruction sheet. */
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

    public static byte[] xlsx(ImportKind kind) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
            head.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Sheet data = wb.createSheet("数据");
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
            Sheet help = wb.createSheet("说明");
            String[][] lines = instructions(kind);
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

    private static String[][] instructions(ImportKind kind) {
        List<Field> fields = kind.fields();
        String[][] lines = new String[fields.size() + 6][];
        lines[0] = new String[] {"列 / column", "必填 / required", "说明 / how to fill"};
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            lines[i + 1] = new String[] {f.label() + " / " + f.labelEn(), f.required() ? "是" : "",
                "可用表头：" + String.join("、", f.labels()) + "。" + hint(f.type())};
        }
        int n = fields.size() + 1;
        lines[n] = new String[] {""};
        lines[n + 1] = new String[] {"规则 / rules", "", "整个文件无错误才会导入；有错误时数据库不做任何修改，并返回标出问题的原文件。"
            + " The file is stored only if it has no errors; otherwise nothing changes and you get your file back with the problems marked."};
        lines[n + 2] = new String[] {"", "", "重复导入同一文件不会改变任何数据；修改后的文件只替换其中涉及的记录；空白单元格保留原值。"
            + " Importing the same file again changes nothing; a corrected file replaces only what it covers; blank cells keep stored values."};
        lines[n + 3] = new String[] {"", "", "表头可在前 30 行中任意一行，上方可有标题行；表头中的括号可写单位，如“税收(元)”“面积(亩)”。"
            + " The header may be any of the first 30 rows; units go in brackets, e.g. 税收(元), 面积(亩)."};
        lines[n + 4] = new String[] {"", "", kind == ImportKind.INDICATORS
            ? "指标可按“一行一个指标”（指标、数值、单位列）或“一列一个指标”（如 税收、营业收入 列）填写。Either one row per metric (指标/数值/单位) or one column per metric (税收, 营业收入 …)."
            : "CSV 文件可用 UTF-8（可带 BOM）或 GBK 编码。CSV may be UTF-8 (with or without BOM) or GBK."};
        return lines;
    }

    private static String hint(FieldType type) {
        return switch (type) {
            case USCC -> "18 位统一社会信用代码。";
            case INDUSTRY -> "GB/T 4754-2017 四位小类代码，如 3612。";
            case DATE -> "日期，如 2024-03-14、2024/3/14、2024年3月14日，或 Excel 日期。";
            case AREA -> "面积，默认平方米；表头写“(亩)”或“(公顷)”时自动换算。";
            case PERIOD -> "年份（2023）或年月（2023-05）。";
            case METRIC -> "如 税收、营业收入、工业总产值、工业增加值、综合能耗、用电量、研发费用、从业人员。";
            case UNIT -> "如 元、万元、亿元；千瓦时、万千瓦时；吨标准煤。";
            case DEPARTMENT -> "税务、统计、电力、规划资源、生态环境、园区、企业。";
            case ROLE -> "出租方、自用、承租。";
            case SIZE_CLASS -> "大型、中型、小型、微型。";
            case STATUS -> "在营、停业、迁出、注销。";
            case BOOLEAN -> "是 / 否。";
            case QUALIFICATION_TYPE -> "高新技术企业、专精特新、小巨人、单项冠军、科技小巨人、上市挂牌、企业技术中心、院士专家工作站 等。";
            case GEOMETRY -> "GeoJSON 或 WKT 多边形，经纬度（WGS-84）。";
            case TAGS -> "多个用逗号或顿号分隔。";
            case PARK_KIND -> "园区平台、功能平台、其他。";
            case INTEGER -> "整数。";
            case DECIMAL -> "数字，可带千分位。";
            default -> "";
        };
    }
}
