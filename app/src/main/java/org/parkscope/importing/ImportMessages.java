package org.parkscope.importing;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.parkscope.core.code.Problem;

/**
 * The import's messages that live in the application's message files ({@code messages.properties} in Chinese,
 * {@code messages_en.properties} in English), resolved in both languages for reports that carry both; the engine is
 * plain Java (web, CLI and bench share it), so it reads the bundles itself.
 */
final class ImportMessages {

    private static final ResourceBundle.Control EXACT = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle ZH = ResourceBundle.getBundle("messages", Locale.ROOT, EXACT);
    private static final ResourceBundle EN = ResourceBundle.getBundle("messages", Locale.ENGLISH, EXACT);

    private ImportMessages() {}

    static String zh(String code, Object... args) {
        return MessageFormat.format(ZH.getString(code), args);
    }

    static String en(String code, Object... args) {
        return MessageFormat.format(EN.getString(code), args);
    }

    static Problem error(String code, Object... args) {
        return Problem.error(code, zh(code, args), en(code, args));
    }

    static ImportException exception(String code, Object... args) {
        return new ImportException(code, zh(code, args), en(code, args));
    }

    /** Throws the broken limit of {@code code}, if any, as a problem on that row and column. */
    static void enforce(Optional<String> code, int row, int column, Object limit) {
        if (code.isPresent()) {
            String c = code.get();
            throw new ImportException(c, zh(c, limit), en(c, limit), row, column);
        }
    }
}
