package org.parkscope.core.parse;

import java.math.BigDecimal;
import java.util.List;
import org.parkscope.core.code.CheckResult;
import org.parkscope.core.code.Problem;
import org.parkscope.core.validate.Limits;

/**
 * Numbers as they appear in government spreadsheets: stored as text, with thousands separators (half- or full-width),
 * full-width digits, accountants' brackets for negatives, scientific notation from Excel.
 */
public final class Numbers {

    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile(
            "[+-]?\\d{1,3}([,，' ]\\d{3})+(\\.\\d*)?([eE][+-]?\\d+)?");

    private Numbers() {}

    /**
     * The number without thousands separators, or null when separators are there but not every three digits of the
     * whole part ("1,2,3" is not 123).
     */
    private static String withoutGrouping(String s) {
        boolean grouped = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '，' || c == ' ' || c == '\'') {
                grouped = true;
                break;
            }
        }
        if (!grouped) {
            return s;
        }
        if (s.length() > 100 || !GROUPED.matcher(s).matches()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ',' && c != '，' && c != ' ' && c != '\'') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Digits with at most one inner decimal point, nothing else. */
    private static boolean plain(String s) {
        int n = s == null ? 0 : s.length();
        if (n == 0 || n > 30) {
            return false;
        }
        boolean dot = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (dot || i == 0 || i == n - 1) {
                    return false;
                }
                dot = true;
            } else if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static CheckResult<BigDecimal> parse(String raw) {
        if (plain(raw)) {
            return new CheckResult<>(new BigDecimal(raw), List.of()); // the common case, without regex or copies
        }
        String s = Text.clean(raw);
        if (s == null) {
            return new CheckResult<>(null, List.of());
        }
        boolean negative = false;
        if (s.startsWith("(") && s.endsWith(")")) {
            negative = true;
            s = s.substring(1, s.length() - 1).strip();
        }
        String t = withoutGrouping(s);
        if (t == null || !t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,4})?")) {
            return new CheckResult<>(null, List.of(Problem.error("number.format",
                    "“" + raw.strip() + "”不是数字", "“" + raw.strip() + "” is not a number")));
        }
        BigDecimal value = new BigDecimal(t);
        if (value.precision() - value.scale() > Limits.MAX_NUMBER_DIGITS || value.scale() > Limits.MAX_NUMBER_DIGITS) {
            return new CheckResult<>(null, List.of(Problem.error("number.range",
                    "“" + raw.strip() + "”超出可处理的数值范围", "“" + raw.strip() + "” is out of the range of numbers handled")));
        }
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return new CheckResult<>(negative ? value.negate() : value, List.of());
    }
}
