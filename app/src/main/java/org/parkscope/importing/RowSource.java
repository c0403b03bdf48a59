package org.parkscope.importing;

import java.io.IOException;
import java.util.List;

/** The rows of one sheet of a spreadsheet or CSV file, streamed in order, each cell as text. */
public interface RowSource {

    /** Receives a row: its number as the user sees it (1-based) and its cells (null for empty ones). */
    interface RowConsumer {
        void row(int rowNo, List<String> cells);
    }

    /** The text a reader gives for a cell whose stored value points nowhere (a damaged file), for the checker to name. */
    String BROKEN_REFERENCE = "\uFFFF#BROKEN-REFERENCE";

    /** The sheet read (for CSV, the file name). */
    String sheetName();

    void read(RowConsumer consumer) throws IOException;

    /** The right reader for a file, judged by its content: .xlsx, .xls or CSV. */
    static RowSource open(java.nio.file.Path file, String name) throws IOException {
        return switch (FileFormat.detect(file)) {
            case XLSX -> new XlsxSource(file);
            case XLS -> new XlsSource(file);
            case CSV -> new CsvSource(file, name);
        };
    }
}
