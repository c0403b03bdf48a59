package org.parkscope.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What the platform tells a user: a code from the message files ({@code messages.properties} in Chinese,
 * {@code messages_en.properties} in English) and its arguments, resolved in the reader's locale. An argument that is
 * itself a {@code UserMessage} is resolved first, in the same locale. The one {@link #SOURCE} is also the application's
 * {@code messageSource} bean, so pages, refusals, the CLI and the import engine read the same files the same way.
 */
public record UserMessage(String code, List<Object> args) {

    /** The message files; Spring's {@code messageSource}, and the resolver for code that runs without Spring. */
    public static final MessageSource SOURCE = source();

    public UserMessage {
        args = List.copyOf(args);
    }

    public static UserMessage of(String code, Object... args) {
        return new UserMessage(code, Arrays.asList(args).stream().map(a -> a == null ? (Object) "" : a).toList());
    }

    /**
     * A text that comes in both languages from code that cannot read the message files (core's checks report
     * {@code Problem}s with a Chinese and an English text): the reader sees the one of their locale.
     */
    public static UserMessage bilingual(String zh, String en) {
        return of("text.bilingual", zh, en);
    }

    /** The text in the given locale ({@code Locale.SIMPLIFIED_CHINESE} or {@code Locale.ENGLISH}). */
    public String text(Locale locale) {
        Object[] resolved = args.stream().map(a -> a instanceof UserMessage m ? m.text(locale) : a).toArray();
        return SOURCE.getMessage(code, resolved, code, locale);
    }

    /** The text in the current request's (or thread's) locale. */
    public String text() {
        return text(LocaleContextHolder.getLocale());
    }

    /**
     * The language of a command line: the JVM's default locale when it is English, else Chinese (the platform's first
     * language, and the message files' default).
     */
    public static Locale commandLineLocale() {
        return "en".equals(Locale.getDefault().getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    /** For a command line, which has no reader's locale: the Chinese text, then the English one on the next line. */
    public String inBothLanguages() {
        String zh = text(Locale.SIMPLIFIED_CHINESE);
        String en = text(Locale.ENGLISH);
        return zh.equals(en) ? zh : zh + System.lineSeparator() + en;
    }

    /** Language-free, for logs: the code and its arguments. */
    @Override
    public String toString() {
        return args.isEmpty() ? code : code + args;
    }

    private static MessageSource source() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }
}
