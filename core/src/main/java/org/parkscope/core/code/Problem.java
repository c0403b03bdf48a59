package org.parkscope.core.code;

import java.util.Objects;

/**
 * One finding of a validator. {@code code} is a stable machine key (for example {@code "uscc.checksum"}) that callers
 * and translations can rely on; the two messages are ready to show to Chinese- and English-speaking users.
 *
 * @param severity  whether the finding blocks the value
 * @param code      stable, dotted machine key
 * @param messageZh user-facing message in Chinese
 * @param messageEn user-facing message in English
 */
public record Problem(Severity severity, String code, String messageZh, String messageEn) {

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** Shorthand for an {@link Severity#ERROR}. */
    public static Problem error(String code, String messageZh, String messageEn) {
        return new Problem(Severity.ERROR, code, messageZh, messageEn);
    }

    /** Shorthand for a {@link Severity#WARNING}. */
    public static Problem warning(String code, String messageZh, String messageEn) {
        return new Problem(Severity.WARNING, code, messageZh, messageEn);
    }
}
