package org.parkscope.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.UserMessage;
import org.jspecify.annotations.Nullable;

/**
 * The user's own file, returned with a problems column on every row that has one and each bad cell filled red, so
 * it can be fixed where it stands and uploaded again. CSV files come back as CSV, in their own encoding.
 */
public final class MarkedFile {

    public record Output(byte[] bytes, String fileName, String contentType) {}

    private MarkedFile() {}

    /**
     * The marked file, its problems column in the reader's language, or null when the file could not be read at all
     * (its problem is in the report).
     */
    public static @Nullable Output write(Path file, String fileName, ImportReport report, Locale locale)
            throws IOException {
        FileFormat format;
        try {
            format = FileFormat.detect(file);
        } catch (ImportException e) {
            return null;
        }
        Map<Integer, List<ImportProblem>> byRow = new LinkedHashMap<>();
        for (ImportProblem p : report.problems()) {
            if (p.row() > 0) {
                byRow.computeIfAbsent(p.row(), k -> new ArrayList<>()).add(p);
            }
        }
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String suffix = UserMessage.of("import.marked.suffix").text(locale);
        try {
            return switch (format) {
                case CSV -> new Output(csv(file, fileName, report.headerRow(), byRow, locale), base + suffix + ".csv",
                        "text/csv");
                case XLSX, XLS -> new Output(excel(file, report, byRow, locale), base + suffix + (format == FileFormat.XLS
                        ? ".xls" : ".xlsx"), format == FileFormat.XLS ? "application/vnd.ms-excel"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            };
        } catch (ImportException e) {
            return null;
        }
    }

    /** The problems of one row, for its cell in the problems column. */
    static String messages(List<ImportProblem> problems, Locale locale) {
        List<String> texts = new ArrayList<>();
        for (ImportProblem p : problems) {
            UserMessage severity = UserMessage.of(p.isError() ? "import.marked.error" : "import.marked.warning");
            texts.add((p.columnLetter() == null ? UserMessage.of("import.marked.problem", severity, p.userMessage())
                    : UserMessage.of("import.marked.problemAt", severity, p.columnLetter(), p.userMessage()))
                    .text(locale));
        }
        return String.join(UserMessage.of("import.marked.separator").text(locale), texts);
    }

    /** The title of the problems column. */
    static String column(Locale locale) {
        return UserMessage.of("import.marked.column").text(locale);
    }

    private static byte[] excel(Path file, ImportReport report, Map<Integer, List<ImportProblem>> byRow,
            Locale locale) throws IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = report.sheet() != null && wb.getSheet(report.sheet()) != null ? wb.getSheet(report.sheet())
                    : wb.getSheetAt(wb.getFirstVisibleTab());
            int lastCol = 0;
            for (Row row : sheet) {
                lastCol = Math.max(lastCol, row.getLastCellNum());
            }
            int problemCol = Math.max(lastCol, 0);
            Map<String, CellStyle> marks = new HashMap<>();
            CellStyle problemStyle = wb.createCellStyle();
            problemStyle.setFillForegroundColor(IndexedColors.ROSE.getIndex());
            problemStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            problemStyle.setWrapText(true);
            if (report.headerRow() > 0) {
                Row header = row(sheet, report.headerRow() - 1);
                Sheets.text(header, problemCol, column(locale)).setCellStyle(problemStyle);
            }
            for (Map.Entry<Integer, List<ImportProblem>> e : byRow.entrySet()) {
                Row row = row(sheet, e.getKey() - 1);
                Sheets.text(row, problemCol, messages(e.getValue(), locale)).setCellStyle(problemStyle);
                for (ImportProblem p : e.getValue()) {
                    if (p.column() < 0) {
                        continue;
                    }
                    Cell cell = row.getCell(p.column());
                    if (cell == null) {
                        cell = row.createCell(p.column());
                    }
                    CellStyle original = cell.getCellStyle();
                    CellStyle marked = marks.computeIfAbsent(original.getIndex() + "/" + p.isError(), k -> {
                        CellStyle s = wb.createCellStyle();
                        s.cloneStyleFrom(original);
                        s.setFillForegroundColor(p.isError() ? IndexedColors.RED.getIndex()
                                : IndexedColors.LIGHT_ORANGE.getIndex());
                        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                        return s;
                    });
                    cell.setCellStyle(marked);
                }
            }
            sheet.setColumnWidth(problemCol, 80 * 256);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IllegalArgumentException e) { // includes POI's EmptyFileException
            throw new ImportException("file.unreadable");
        }
    }

    private static Row row(Sheet sheet, int index) {
        Row row = sheet.getRow(index);
        return row != null ? row : sheet.createRow(index);
    }

    private static byte[] csv(Path file, String fileName, int headerRow, Map<Integer, List<ImportProblem>> byRow,
            Locale locale) throws IOException {
        CsvSource source = new CsvSource(file, fileName);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (source.hasBom() && source.charset() == StandardCharsets.UTF_8) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer w = new OutputStreamWriter(bytes, source.charset());
        IOException[] failure = new IOException[1];
        source.read((rowNo, cells) -> {
            try {
                // the user's own cells come back as they came; the problems column is ours and guarded
                w.write(cells.stream().map(Sheets::csvVerbatim).collect(java.util.stream.Collectors.joining(",")));
                String note = rowNo == headerRow ? column(locale)
                        : byRow.containsKey(rowNo) ? messages(byRow.get(rowNo), locale) : null;
                if (note != null) {
                    w.write("," + Sheets.csvLine(List.of(note)));
                }
                w.write("\r\n");
            } catch (IOException ex) {
                failure[0] = ex;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        w.flush();
        return bytes.toByteArray();
    }
}
