package org.parkscope.importing;

import java.util.Locale;
import java.util.Optional;
import org.parkscope.core.code.Problem;
import org.parkscope.shared.UserMessage;

/**
 * The import's messages, from the application's message files through {@link UserMessage}; a report's problems carry
 * both languages (the report is stored and shown to readers of either), everything else is resolved in the reader's.
 */
final class ImportMessages {

    private ImportMessages() {}

    static String zh(String code, Object... args) {
        return UserMessage.of(code, args).text(Locale.SIMPLIFIED_CHINESE);
    }

    static String en(String code, Object... args) {
        return UserMessage.of(code, args).text(Locale.ENGLISH);
    }

    static Problem error(String code, Object... args) {
        return Problem.error(code, zh(code, args), en(code, args));
    }

    static ImportException exception(String code, Object... args) {
        return new ImportException(code, args);
    }

    /** Throws the broken limit of {@code code}, if any, as a problem on that row and column. */
    static void enforce(Optional<String> code, int row, int column, Object limit) {
        if (code.isPresent()) {
            throw new ImportException(row, column, code.get(), limit);
        }
    }
}
