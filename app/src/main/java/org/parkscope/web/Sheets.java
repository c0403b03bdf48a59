package org.parkscope.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/** A list as a one-sheet workbook: a header row, then one row per item; numbers stay numbers. */
public final class Sheets {

    private Sheets() {}

    /** Text for a cell: one starting with = + - @ (or a tab or carriage return) would be read by Excel as a formula. */
    public static String safe(@Nullable String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** Sets a text cell through {@link #safe}. */
    public static void text(Row row, int column, @Nullable String s) {
        row.createCell(column).setCellValue(safe(s));
    }

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
                        c.setCellValue(safe(v.toString()));
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
