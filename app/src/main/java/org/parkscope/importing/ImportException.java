package org.parkscope.importing;

/** A file that cannot be read at all (empty, not a spreadsheet, no header): one problem for the whole file. */
public class ImportException extends RuntimeException {

    private final String code;
    private final String messageZh;
    private final String messageEn;

    public ImportException(String code, String messageZh, String messageEn) {
        super(messageZh + " / " + messageEn);
        this.code = code;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
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
}
