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
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.parkscope.core.validate.Limits;

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
                    ImportMessages.enforce(Limits.checkColumns(row.getLastCellNum()), row.getRowNum() + 1, -1,
                            Limits.MAX_COLUMNS);
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c)));
                    }
                    consumer.row(row.getRowNum() + 1, cells);
                }
                return;
            }
            throw ImportMessages.exception("file.noSheet");
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException | LinkageError e) { // POI signals damaged or foreign files so
            throw XlsxSource.unreadable(e);
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
            case ERROR -> FormulaError.isValidCode(cell.getErrorCellValue())
                    ? FormulaError.forInt(cell.getErrorCellValue()).getString() : "#ERROR";
            default -> null;
        };
    }
}
