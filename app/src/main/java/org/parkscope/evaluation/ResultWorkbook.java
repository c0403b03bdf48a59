package org.parkscope.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.parkscope.core.evaluation.Engine;
import org.parkscope.core.evaluation.Explanation;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.UserMessage;

/**
 * The workbook {@code parkscope evaluate} writes: the results (a row per firm: total, rank, class, each indicator's
 * value and points, notes), every firm's explanation item by item, and the scheme with its assumptions.
 */
final class ResultWorkbook {

    private ResultWorkbook() {}

    static void write(Scheme s, Engine.Result r, Path out, Locale locale) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); OutputStream os = Files.newOutputStream(out)) {
            Sheet sheet = wb.createSheet(word(locale, "cli.evaluate.sheet"));
            List<String> head = new ArrayList<>(List.of(word(locale, "cli.evaluate.columns").split("\\|")));
            List<Scheme.Indicator> all = new ArrayList<>();
            for (Scheme.Cohort c : s.cohorts()) {
                for (Scheme.Indicator i : c.indicators()) {
                    if (all.stream().noneMatch(x -> x.code().equals(i.code()))) {
                        all.add(i);
                        head.add(word(locale, "cli.evaluate.value", i.name()));
                        head.add(word(locale, "cli.evaluate.points", i.name()));
                    }
                }
            }
            head.add(word(locale, "cli.evaluate.notes"));
            Sheets.header(sheet, head);
            for (int i = 0; i < r.size(); i++) {
                Explanation e = r.explain(i);
                Row row = sheet.createRow(i + 1);
                Sheets.text(row, 0, e.id());
                Sheets.text(row, 1, e.name());
                Sheets.text(row, 2, e.cohortName() == null ? "—" : e.cohortName());
                if (e.cohort() != null) {
                    row.createCell(3).setCellValue(e.shownTotal().doubleValue());
                    row.createCell(4).setCellValue(e.rank());
                    row.createCell(5).setCellValue(e.of());
                    Sheets.text(row, 6, e.klass());
                    for (Explanation.Item item : e.items()) {
                        int k = 7 + 2 * indexOf(all, item.code());
                        if (!Double.isNaN(item.value())) {
                            row.createCell(k).setCellValue(item.value());
                        }
                        row.createCell(k + 1).setCellValue(item.shownPoints().doubleValue());
                    }
                }
                List<String> notes = new ArrayList<>();
                if (e.note() != null) {
                    notes.add(e.note());
                }
                e.items().stream().filter(x -> x.note() != null)
                        .forEach(x -> notes.add(word(locale, "cli.evaluate.itemNote", x.name(), x.note())));
                Sheets.text(row, head.size() - 1, String.join(word(locale, "cli.evaluate.noteSeparator"), notes));
            }
            explanations(wb.createSheet(word(locale, "cli.evaluate.explanationSheet")), r, locale);
            Sheet about = wb.createSheet(word(locale, "cli.evaluate.aboutSheet"));
            String[] lines = {word(locale, "cli.evaluate.scheme", s.id()),
                word(locale, "cli.evaluate.region", s.region()),
                word(locale, "cli.evaluate.schemeYear", String.valueOf(s.year())),
                word(locale, "cli.evaluate.source", s.source())};
            for (int i = 0; i < lines.length; i++) {
                Sheets.text(about.createRow(i), 0, lines[i]);
            }
            for (int i = 0; i < s.assumptions().size(); i++) {
                Sheets.text(about.createRow(lines.length + i), 0, word(locale, "cli.evaluate.assumption",
                        s.assumptions().get(i)));
            }
            wb.write(os);
            wb.dispose();
        }
    }

    /**
     * Every firm's explanation, a row per item: each indicator's numerator, denominator, value, benchmark, weight and
     * points; each bonus or penalty item with its count; then the class with the cohort's cut-offs and the notes.
     */
    private static void explanations(Sheet sheet, Engine.Result r, Locale locale) {
        Sheets.header(sheet, List.of(word(locale, "cli.evaluate.explanationColumns").split("\\|")));
        int n = 1;
        for (int i = 0; i < r.size(); i++) {
            Explanation e = r.explain(i);
            if (e.cohort() == null) {
                Row row = sheet.createRow(n++);
                Sheets.text(row, 0, e.id());
                Sheets.text(row, 1, e.name());
                Sheets.text(row, 10, e.note());
                continue;
            }
            for (Explanation.Item item : e.items()) {
                Row row = firmRow(sheet.createRow(n++), e, item.name());
                number(row, 3, item.numerator());
                number(row, 4, item.denominator());
                number(row, 5, item.value());
                number(row, 6, item.reference());
                number(row, 7, item.weight());
                row.createCell(8).setCellValue(item.shownPoints().doubleValue());
                Sheets.text(row, 9, item.basis());
                Sheets.text(row, 10, item.note());
            }
            for (Explanation.Adjusted a : e.adjustments()) {
                Row row = firmRow(sheet.createRow(n++), e, a.name());
                number(row, 5, a.count());
                number(row, 8, a.points());
            }
            Row total = firmRow(sheet.createRow(n++), e, word(locale, "cli.evaluate.explanationTotal", e.klass(),
                    e.rank(), e.of()));
            total.createCell(8).setCellValue(e.shownTotal().doubleValue());
            Sheets.text(total, 9, String.join("; ", e.cutoffs()));
            List<String> notes = new ArrayList<>(e.vetoes());
            if (e.note() != null) {
                notes.add(e.note());
            }
            Sheets.text(total, 10, String.join("; ", notes));
        }
    }

    private static Row firmRow(Row row, Explanation e, String item) {
        Sheets.text(row, 0, e.id());
        Sheets.text(row, 1, e.name());
        Sheets.text(row, 2, item);
        return row;
    }

    private static void number(Row row, int column, double v) {
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
            row.createCell(column).setCellValue(v);
        }
    }

    private static String word(Locale locale, String key, Object... args) {
        return UserMessage.of(key, args).text(locale);
    }

    private static int indexOf(List<Scheme.Indicator> all, String code) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }
}
