package org.parkscope.core.parse;

/** Normalises cell text: full-width ASCII to half-width, ideographic spaces, non-breaking spaces, outer blanks. */
public final class Text {

    private Text() {}

    /** The cleaned text, or {@code null} when nothing but blanks is left. */
    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            char d = c;
            if (c >= '\uFF01' && c <= '\uFF5E') {
                d = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0' || c == '\uFEFF') {
                d = c == '\uFEFF' ? 0 : ' ';
            }
            if (d != c && sb == null) {
                sb = new StringBuilder(raw.length()).append(raw, 0, i);
            }
            if (sb != null && d != 0) {
                sb.append(d);
            }
        }
        String s = (sb == null ? raw : sb.toString()).strip();
        return s.isEmpty() ? null : s;
    }

    /** A header label reduced for matching: cleaned, lower case, without blanks, brackets' contents kept apart. */
    public static String headerKey(String raw) {
        String s = clean(raw);
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '*' && c != '_' && c != '-' && c != ':' && c != '：') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }
}
