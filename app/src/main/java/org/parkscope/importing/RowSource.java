package org.parkscope.importing;

import java.io.IOException;
import java.util.List;

/** The rows of one sheet of a spreadsheet or CSV file, streamed in order, each cell as text. */
interface RowSource {

    /** Receives a row: its number as the user sees it (1-based) and its cells (null for empty ones). */
    interface RowConsumer {
        void row(int rowNo, List<String> cells);
    }

    /** The sheet read (for CSV, the file name). */
    String sheetName();

    void read(RowConsumer consumer) throws IOException;
}
