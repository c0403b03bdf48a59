package org.parkscope.importing;

/**
 * A file that cannot be read at all (empty, not a spreadsheet, no header, beyond a limit): one problem for the whole
 * file, located on a row (and cell) when the reader knows where it stopped.
 */
public class ImportException extends RuntimeException {

    private final String code;
    private final String messageZh;
    private final String messageEn;
    private final int row;
    private final int column;

    public ImportException(String code, String messageZh, String messageEn) {
        this(code, messageZh, messageEn, 0, -1);
    }

    public ImportException(String code, String messageZh, String messageEn, int row, int column) {
        super(messageZh + " / " + messageEn);
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
        this.row = row;
        this.column = column;
    }

    public String code() {
        return code;
    }

    public String messageZh() {
        return messageZh;
    }

    public String messageEn() {
        return messageEn;
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
