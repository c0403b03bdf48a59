package org.parkscope.importing;

import org.jspecify.annotations.Nullable;
import org.parkscope.core.code.Severity;

/**
 * One problem found in a file, located as the user sees it: row number, column (0-based; -1 for the whole row or
 * file) and its header, the value found, and what is wrong in Chinese and English.
 */
public record ImportProblem(int row, int column, @Nullable String columnLabel, @Nullable String value,
        Severity severity, String code, String messageZh, String messageEn) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Spreadsheet column letters: 0 → A, 26 → AA. */
    public @Nullable String columnLetter() {
        if (column < 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }
}
