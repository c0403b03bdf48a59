package org.parkscope.evaluation;

import org.jspecify.annotations.Nullable;

/** One evaluation_result row in COPY's CSV format: text always quoted, null as an empty unquoted field. */
final class ResultCsv {

    private ResultCsv() {}

    static void row(StringBuilder out, long run, long enterprise, @Nullable Long park, @Nullable String cohort,
            @Nullable Double total, @Nullable Integer rank, @Nullable Integer of, @Nullable String klass,
            String explanation) {
        out.append(run).append(',').append(enterprise).append(',');
        plain(out, park);
        out.append(',');
        quoted(out, cohort);
        out.append(',');
        plain(out, total);
        out.append(',');
        plain(out, rank);
        out.append(',');
        plain(out, of);
        out.append(',');
        quoted(out, klass);
        out.append(',');
        quoted(out, explanation);
        out.append('\n');
    }

    private static void plain(StringBuilder out, @Nullable Object value) {
        if (value != null) {
            out.append(value);
        }
    }

    private static void quoted(StringBuilder out, @Nullable String value) {
        if (value != null) {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
    }
}
