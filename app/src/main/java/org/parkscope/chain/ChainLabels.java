package org.parkscope.chain;

import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.parkscope.core.chain.GapAnalysis;
import org.parkscope.core.chain.Reason;
import org.parkscope.shared.Sheets;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/** Words the chain pages and workbooks share, in the request's language. */
final class ChainLabels {

    private ChainLabels() {}

    static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** A message in the request's language (the exports say 缺链, 自动, 生产/研发 rather than MISSING, AUTO, PRODUCER). */
    static String msg(MessageSource messages, String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** Gap flags in the request's language, comma-separated. */
    static String flags(MessageSource messages, java.util.Collection<GapAnalysis.Flag> flags) {
        return String.join(english() ? ", " : "、", flags.stream().map(f -> msg(messages, "chains.flag." + f.name())).toList());
    }

    /**
     * A workbook sheet named by {@code key + ".sheet"}, with the header row {@code key + ".columns"} (column titles
     * separated by {@code |}), both in the request's language.
     */
    static Sheet sheet(Workbook wb, MessageSource messages, String key) {
        Sheet sheet = wb.createSheet(msg(messages, key + ".sheet"));
        Sheets.header(sheet, List.of(msg(messages, key + ".columns").split("\\|")));
        return sheet;
    }

    static String reasons(List<Reason> reasons) {
        boolean en = english();
        return String.join("；", reasons.stream().map(r -> r.text(en)).toList());
    }
}
