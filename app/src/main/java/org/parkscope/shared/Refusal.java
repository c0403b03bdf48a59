package org.parkscope.shared;

import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A request the platform refuses, with nothing stored: a {@link UserMessage} (and, for files and forms, one message
 * per problem found). The one exception type for what a user did wrong; {@code web.RefusalAdvice} answers it — a flash
 * message on the page the user came from (see {@link OnRefusal}) or RFC 9457 problem details under {@code /api/}.
 */
public class Refusal extends RuntimeException {

    /** How a refusal is answered: a refused action (400, or a flash message on a page), or nothing to show (404). */
    public enum Kind { REFUSED, NOT_FOUND }

    private final Kind kind;
    private final UserMessage userMessage;
    private final List<UserMessage> details;

    public Refusal(Kind kind, UserMessage message, List<UserMessage> details) {
        this(kind, message, details, message + (details.isEmpty() ? "" : " " + details));
    }

    private Refusal(Kind kind, UserMessage message, List<UserMessage> details, String logged) {
        super(logged);
        this.kind = kind;
        this.userMessage = message;
        this.details = List.copyOf(details);
    }

    /** A refused action: a message code and its arguments. */
    public static Refusal of(String code, Object... args) {
        return new Refusal(Kind.REFUSED, UserMessage.of(code, args), List.of());
    }

    /** A refused file or form: the headline and every problem found in it. */
    public static Refusal of(UserMessage message, List<UserMessage> details) {
        return new Refusal(Kind.REFUSED, message, details);
    }

    /** A page or resource that does not exist, or that the current scope may not see (both answer 404). */
    public static Refusal notFound(String what, Object id) {
        return new Refusal(Kind.NOT_FOUND, UserMessage.of("error.detail.404"), List.of(), what + " " + id + " not found");
    }

    public Kind kind() {
        return kind;
    }

    public UserMessage userMessage() {
        return userMessage;
    }

    public List<UserMessage> details() {
        return details;
    }

    /** The message code (the headline's). */
    public String code() {
        return userMessage.code();
    }

    /** Headline and problems in the current locale, one a line. */
    public String text() {
        return text(LocaleContextHolder.getLocale());
    }

    /** Headline and problems in the given locale, one a line. */
    public String text(Locale locale) {
        StringBuilder s = new StringBuilder(userMessage.text(locale));
        details.forEach(d -> s.append("\n  ").append(d.text(locale)));
        return s.toString();
    }

    /** For a command line, which has no reader's locale: the whole text in Chinese, then in English. */
    public String inBothLanguages() {
        return text(Locale.SIMPLIFIED_CHINESE) + System.lineSeparator() + text(Locale.ENGLISH);
    }
}
