package org.parkscope.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

/**
 * The only way the platform writes a spreadsheet or CSV cell, so that no export can forget the formula guard: text
 * goes through {@link #safe} (a leading = + - @ tab or carriage return would make Excel run it as a formula), numbers
 * stay numbers. {@code SheetsGuardTest} fails the build when any other class sets a text cell itself.
 */
public final class Sheets {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Sheets() {}

    /** Text for a cell: one starting with = + - @ (or a tab or carriage return) is prefixed with an apostrophe. */
    public static String safe(@Nullable String s) {
        if (s == null) {
            return "";
        }
        return !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    /** Sets a text cell through {@link #safe}; returns the cell (for styling). */
    public static Cell text(Row row, int column, @Nullable String s) {
        Cell c = row.createCell(column);
        c.setCellValue(safe(s));
        return c;
    }

    /** Sets a number cell; returns the cell. */
    public static Cell number(Row row, int column, double value) {
        Cell c = row.createCell(column);
        c.setCellValue(value);
        return c;
    }

    /** A text, number or empty cell, by the value's type. */
    public static void value(Row row, int column, @Nullable Object v) {
        if (v instanceof Number n) {
            number(row, column, n.doubleValue());
        } else if (v != null) {
            text(row, column, v.toString());
        }
    }

    /** Row 0 of the sheet: the column titles. */
    public static Row header(Sheet sheet, List<String> titles) {
        Row h = sheet.createRow(0);
        for (int i = 0; i < titles.size(); i++) {
            text(h, i, titles.get(i));
        }
        return h;
    }

    /** One CSV line (without its line end): numbers as they are, everything else guarded, quoted where CSV needs it. */
    public static String csvLine(List<?> values) {
        return values.stream().map(v -> v == null ? "" : v instanceof Number n ? n.toString() : csvVerbatim(safe(v.toString())))
                .collect(Collectors.joining(","));
    }

    /**
     * A field of the user's own CSV file returned to them unchanged (the marked file of an import), quoted only
     * where CSV needs it: it must read back exactly as it came, and anything in it is the user's own.
     */
    public static String csvVerbatim(@Nullable String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? quoted(v) : v;
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** Column titles (or a file or sheet name) from the message files, in the reader's language. */
    public static List<String> titles(String... codes) {
        return java.util.Arrays.stream(codes).map(c -> UserMessage.of(c).text()).toList();
    }

    /** Column titles of one year's figures ("税收（万元）（2023 年）"), from the message files. */
    public static List<String> yearTitles(int year, String... codes) {
        return java.util.Arrays.stream(codes).map(c -> UserMessage.of("export.yearColumn", UserMessage.of(c), year)
                .text()).toList();
    }

    public static ResponseEntity<byte[]> xlsx(String fileName, String sheetName, List<String> header,
            List<List<Object>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            header(sheet, header);
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    value(row, i, values.get(i));
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
