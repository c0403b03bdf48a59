package org.parkscope.importing;

import java.util.List;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;

/**
 * A file that cannot be read at all (empty, not a spreadsheet, no header, beyond a limit): one problem for the whole
 * file, located on a row (and cell) when the reader knows where it stopped. Its code is a message key.
 */
public class ImportException extends Refusal {

    private final int row;
    private final int column;

    public ImportException(String code, Object... args) {
        this(0, -1, code, args);
    }

    public ImportException(int row, int column, String code, Object... args) {
        super(Kind.REFUSED, UserMessage.of(code, args), List.of());
        this.row = row;
        this.column = column;
    }

    /** The row where reading stopped (1-based), or 0 for the whole file. */
    public int row() {
        return row;
    }

    /** The column (0-based), or -1 for the whole row or file. */
    public int column() {
        return column;
    }
}
