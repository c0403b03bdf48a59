package org.parkscope.importing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** An old .xls workbook (at most 65 536 rows, so read whole): the first visible sheet, formulas by cached result. */
final class XlsSource implements RowSource {

    private final Path file;
    private String sheetName = "";

    XlsSource(Path file) {
        this.file = file;
    }

    @Override
    public String sheetName() {
        return sheetName;
    }

    @Override
    public void read(RowConsumer consumer) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true); HSSFWorkbook wb = new HSSFWorkbook(fs)) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
                    continue;
                }
                Sheet sheet = wb.getSheetAt(i);
                sheetName = sheet.getSheetName();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    consumer.row(row.getRowNum() + 1, cells);
                }
                return;
            }
            throw new ImportException("file.noSheet", "工作簿中没有可见的工作表", "the workbook has no visible sheet");
        } catch (IllegalArgumentException e) { // POI signals unreadable or foreign files (OldExcelFormat, OfficeXml, Empty) so
            throw new ImportException("file.type", "无法读取该 Excel 文件（文件可能已损坏，或不是 .xls）",
                    "cannot read this Excel file (damaged, or not .xls)");
        }
    }

    static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : XlsxSource.plain(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "是" : "否";
            default -> null;
        };
    }
}
