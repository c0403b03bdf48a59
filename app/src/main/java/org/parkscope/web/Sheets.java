package org.parkscope.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ResponseEntity;

/** A list as a one-sheet workbook: a header row, then one row per item; numbers stay numbers. */
public final class Sheets {

    private Sheets() {}

    public static ResponseEntity<byte[]> xlsx(String fileName, String sheetName, List<String> header,
            List<List<Object>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                h.createCell(i).setCellValue(header.get(i));
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    Cell c = row.createCell(i);
                    if (v instanceof Number n) {
                        c.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        String s = v.toString();
                        // A cell starting with = + - @ would be read as a formula by Excel.
                        c.setCellValue(!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s);
                    }
                }
            }
            wb.write(out);
            wb.dispose();
            return Downloads.file(out.toByteArray(), fileName, Downloads.XLSX);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
