package org.parkscope.importing;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams rows: buffers the first ones to find the header, then checks each row and copies it to staging. Needs no
 * database itself, so the fuzz tests drive it up to the staging copy.
 */
final class StagingReader implements RowSource.RowConsumer {

    /** Where checked rows go, as CSV chunks (the staging table's COPY; a fuzz test's counter). */
    interface Sink {
        void write(byte[] csv) throws SQLException;
    }

    private static final int FLUSH_BYTES = 1 << 20;

    final ImportKind kind;
    final ImportRequest.Options options;
    final Sink copy;
    final List<ImportProblem> problems;
    final int[] counts;
    final ImportEngine.Progress progress;
    final List<HeaderMap.Row> buffered = new ArrayList<>();
    final StringBuilder out = new StringBuilder(FLUSH_BYTES + 4096);
    HeaderMap header;
    RowChecker checker;
    int rowsRead;
    int rowsStaged;
    final List<ImportProblem> rowProblems = new ArrayList<>();

    StagingReader(ImportKind kind, ImportRequest.Options options, Sink copy, List<ImportProblem> problems, int[] counts,
            ImportEngine.Progress progress) {
        this.kind = kind;
        this.options = options;
        this.copy = copy;
        this.problems = problems;
        this.counts = counts;
        this.progress = progress;
    }

    @Override
    public void row(int rowNo, List<String> cells) {
        if (header == null) {
            buffered.add(new HeaderMap.Row(rowNo, cells));
            if (buffered.size() >= HeaderMap.SEARCH_ROWS) {
                startData();
            }
            return;
        }
        data(rowNo, cells);
    }

    private void startData() {
        boolean any = buffered.stream().anyMatch(r -> r.cells().stream().anyMatch(x -> x != null && !x.isBlank()));
        if (!any) {
            throw new ImportException("file.noData");
        }
        header = HeaderMap.detect(kind, buffered);
        checker = new RowChecker(kind, header, options);
        for (HeaderMap.Row r : buffered) {
            if (r.rowNo() > header.headerRowNo) {
                data(r.rowNo(), r.cells());
            }
        }
        buffered.clear();
    }

    private void data(int rowNo, List<String> cells) {
        if (checker.skip(cells)) {
            return;
        }
        rowsRead++;
        rowProblems.clear();
        checker.check(rowNo, cells, rowProblems, values -> stage(rowNo, values));
        for (ImportProblem p : rowProblems) {
            add(problems, counts, p);
        }
        if (rowsRead % 5000 == 0) {
            progress.rows(rowsRead);
        }
    }

    private void stage(int rowNo, String[] values) {
        out.append(rowNo);
        for (String v : values) {
            out.append(',');
            if (v != null) {
                csv(out, v);
            }
        }
        out.append('\n');
        rowsStaged++;
        if (out.length() >= FLUSH_BYTES) {
            flush();
        }
    }

    void end() {
        if (header == null) {
            startData();
        }
        flush();
        progress.rows(rowsRead);
    }

    private void flush() {
        if (out.length() == 0) {
            return;
        }
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.write(bytes);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        out.setLength(0);
    }

    private static void csv(StringBuilder sb, String v) {
        boolean quote = v.isEmpty() || v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0;
        if (!quote) {
            sb.append(v);
            return;
        }
        sb.append('"');
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        sb.append('"');
    }

    /** Counts a problem, and lists it while the report has room. */
    static void add(List<ImportProblem> problems, int[] counts, ImportProblem p) {
        if (p.isError()) {
            counts[0]++;
        } else {
            counts[1]++;
        }
        if (problems.size() < ImportReport.MAX_LISTED) {
            problems.add(p);
        }
    }
}
