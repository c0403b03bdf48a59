package org.parkscope.core.parse;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parkscope.core.code.CheckResult;
import org.parkscope.core.code.Problem;

/**
 * Dates as spreadsheets give them: ISO and Chinese forms (2024-03-14, 2024/3/14, 2024.3.14, 20240314, 2024年3月14日)
 * and Excel serial numbers (45365 = 2024-03-14, counted in Excel's 1900 system, which wrongly has a 29 February 1900).
 */
public final class Dates {

    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
            + "(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,6}(\\.\\d+)?");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private Dates() {}

    public static CheckResult<LocalDate> parse(String raw) {
        String s = Text.clean(raw);
        if (s == null) {
            return new CheckResult<>(null, List.of());
        }
        try {
            Matcher m = YMD.matcher(s);
            if (m.matches()) {
                return ok(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            m = COMPACT.matcher(s);
            if (m.matches()) {
                return ok(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            }
            if (SERIAL.matcher(s).matches()) {
                long serial = (long) Math.floor(Double.parseDouble(s));
                if (serial >= 1 && serial <= 2_958_465 && serial != 60) {
                    // Serials below 60 predate Excel's phantom 29 February 1900 (serial 60) and are one day off.
                    return ok(serial < 60 ? EXCEL_EPOCH.plusDays(serial + 1) : EXCEL_EPOCH.plusDays(serial));
                }
            }
        } catch (DateTimeException e) {
            return bad(raw);
        }
        return bad(raw);
    }

    private static CheckResult<LocalDate> ok(LocalDate d) {
        return new CheckResult<>(d, List.of());
    }

    private static CheckResult<LocalDate> bad(String raw) {
        return new CheckResult<>(null, List.of(Problem.error("date.format",
                "“" + raw.strip() + "”不是有效日期（如 2024-03-14）", "“" + raw.strip() + "” is not a valid date (e.g. 2024-03-14)")));
    }
}
