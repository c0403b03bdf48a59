package org.parkscope.importing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.code.Severity;
import org.parkscope.shared.UserMessage;

/**
 * One problem found in a file, located as the user sees it: row number, column (0-based; -1 for the whole row or
 * file) and its header, the value found, and what is wrong — a message resolved in the reader's language (a job's
 * report is made in the background and read later, by whoever reads it).
 */
public record ImportProblem(int row, int column, @Nullable String columnLabel, @Nullable String value,
        Severity severity, String code, @JsonIgnore UserMessage userMessage) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** What is wrong, in the given language. */
    public String text(Locale locale) {
        return userMessage.text(locale);
    }

    /** What is wrong, in the current reader's language (the page's, the API caller's). */
    @JsonProperty("message")
    public String message() {
        return userMessage.text();
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
