package org.parkscope.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parkscope.core.parse.Text;

/**
 * Finds the header row among a sheet's first rows (title rows above it are skipped) and maps its columns to fields:
 * Chinese, variant and English labels alike, units in brackets noted, and, for figures, one column per metric. A
 * header cell left blank by a vertical merge takes the label above it.
 */
final class HeaderMap {

    static final int SEARCH_ROWS = 30;

    final int headerRowNo;
    final Map<Integer, Field> fields = new LinkedHashMap<>();
    final Map<Integer, String> metricColumns = new LinkedHashMap<>();
    final Map<Integer, String> units = new HashMap<>();
    final Map<Integer, String> labels = new HashMap<>();

    private HeaderMap(int headerRowNo) {
        this.headerRowNo = headerRowNo;
    }

    record Row(int rowNo, List<String> cells) {}

    static HeaderMap detect(ImportKind kind, List<Row> rows) {
        HeaderMap best = null;
        int bestScore = 0;
        Row previous = null;
        for (Row row : rows) {
            HeaderMap candidate = map(kind, row, previous);
            int score = candidate.fields.size() + candidate.metricColumns.size();
            if (score > bestScore && candidate.hasRequired(kind)) {
                best = candidate;
                bestScore = score;
            }
            previous = row;
        }
        if (best == null) {
            String code = kind == ImportKind.INDICATORS ? "header.missing.indicators" : "header.missing";
            throw new ImportException(code, SEARCH_ROWS,
                    String.join("、", kind.fields().stream().filter(Field::required).map(Field::label).toList()),
                    String.join(", ", kind.fields().stream().filter(Field::required).map(Field::labelEn).toList()));
        }
        return best;
    }

    private static HeaderMap map(ImportKind kind, Row row, Row above) {
        HeaderMap m = new HeaderMap(row.rowNo());
        for (int i = 0; i < row.cells().size(); i++) {
            final int c = i;
            String cell = row.cells().get(c);
            if (Text.clean(cell) == null && above != null && c < above.cells().size()) {
                cell = above.cells().get(c); // vertically merged header cell
            }
            if (Text.clean(cell) == null) {
                continue;
            }
            final String label = cell;
            Optional<Field> f = field(kind, cell);
            if (f.isPresent() && !m.fields.containsValue(f.get())) {
                m.fields.put(c, f.get());
                m.labels.put(c, Text.clean(cell));
                Vocabulary.unitIn(label).ifPresent(u -> m.units.put(c, u));
            } else if (kind == ImportKind.INDICATORS) {
                Optional<String> metric = Vocabulary.metric(cell);
                if (metric.isPresent() && !m.metricColumns.containsValue(metric.get())) {
                    m.metricColumns.put(c, metric.get());
                    m.labels.put(c, Text.clean(cell));
                    Vocabulary.unitIn(label).ifPresent(u -> m.units.put(c, u));
                }
            }
        }
        return m;
    }

    private boolean hasRequired(ImportKind kind) {
        for (Field f : kind.fields()) {
            if (f.required() && !fields.containsValue(f)) {
                return false;
            }
        }
        if (kind == ImportKind.INDICATORS) {
            return isLong() || !metricColumns.isEmpty();
        }
        return true;
    }

    /** One row per enterprise, period and metric (columns 指标 and 数值), rather than one column per metric. */
    boolean isLong() {
        return column("metric") >= 0 && column("value") >= 0;
    }

    int column(String key) {
        for (Map.Entry<Integer, Field> e : fields.entrySet()) {
            if (e.getValue().key().equals(key)) {
                return e.getKey();
            }
        }
        return -1;
    }

    private static Optional<Field> field(ImportKind kind, String header) {
        String key = Text.headerKey(Vocabulary.stripUnit(header));
        for (Field f : kind.fields()) {
            for (String label : f.labels()) {
                if (Text.headerKey(label).equals(key)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    List<Integer> mappedColumns() {
        List<Integer> cols = new ArrayList<>(fields.keySet());
        cols.addAll(metricColumns.keySet());
        return cols;
    }
}
