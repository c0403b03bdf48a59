package org.parkscope.importing;

import java.util.Locale;
import java.util.Optional;
import org.parkscope.core.code.Problem;
import org.parkscope.shared.UserMessage;

/**
 * The import's messages, from the application's message files through {@link UserMessage}: a problem carries its code
 * and arguments, and is worded when it is read — on the page, in the API's answer, in the marked file and on the command
 * line — in that reader's language. Core's checks word their {@link Problem}s themselves, in both languages; the reader
 * sees the one of their locale ({@link UserMessage#bilingual}).
 */
final class ImportMessages {

    private ImportMessages() {}

    /** A problem worded by the message files. */
    static Problem error(String code, Object... args) {
        return Problem.error(code, UserMessage.of(code, args).text(Locale.SIMPLIFIED_CHINESE),
                UserMessage.of(code, args).text(Locale.ENGLISH));
    }

    /** The message of a problem found by core's checks, or by this package's (whose code is a message key). */
    static UserMessage message(Problem p) {
        return UserMessage.bilingual(p.messageZh(), p.messageEn());
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
