package org.parkscope.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.code.CheckResult;
import org.parkscope.core.code.Problem;
import org.parkscope.core.code.Severity;
import org.parkscope.core.parse.Numbers;
import org.parkscope.core.parse.Text;
import org.parkscope.core.validate.Limits;
import org.parkscope.shared.UserMessage;

/**
 * Reads one data row against the header map: every cell of a mapped column is parsed and checked, problems are
 * reported on their cell, and a row without errors becomes one staging row (or, for figures in columns, one per
 * metric).
 */
final class RowChecker {

    private final ImportKind kind;
    private final HeaderMap header;
    private final ImportRequest.Options options;
    private final CellReader reader;
    private final int columns;

    /** Asked of every row: worked out once. */
    private final List<Integer> mapped;
    private final boolean isLong;
    private final int periodColumn;
    private final int valueColumn;
    private final int metricColumn;

    RowChecker(ImportKind kind, HeaderMap header, ImportRequest.Options options) {
        this.kind = kind;
        this.header = header;
        this.options = options;
        this.reader = new CellReader(kind, header);
        this.columns = kind.stagingColumns().size();
        this.mapped = header.mappedColumns();
        this.isLong = header.isLong();
        this.periodColumn = header.column("period");
        this.valueColumn = header.column("value");
        this.metricColumn = header.column("metric");
    }

    /** True for rows to pass over silently: blank in every mapped column, or a total line (合计). */
    boolean skip(List<String> cells) {
        boolean blank = true;
        for (int c : mapped) {
            if (c < cells.size() && Text.clean(cells.get(c)) != null) {
                blank = false;
                break;
            }
        }
        if (blank) {
            return true;
        }
        int keyCol = header.fields.keySet().iterator().next();
        if (keyCol < cells.size() && Text.clean(cells.get(keyCol)) != null) {
            return false;
        }
        for (String cell : cells) {
            String t = Text.clean(cell);
            if (t != null && (t.startsWith("合计") || t.startsWith("总计") || t.startsWith("小计"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks a row; adds its problems; hands each staging row (values in staging-column order) to {@code out} when the
     * row has no error.
     */
    void check(int rowNo, List<String> cells, List<ImportProblem> problems, Consumer<String[]> out) {
        String[] staged = new String[columns];
        List<ImportProblem> mine = new ArrayList<>();
        String reason = null;
        for (Map.Entry<Integer, Field> e : header.fields.entrySet()) {
            if (e.getValue().key().equals("reason")) {
                reason = cell(cells, e.getKey());
            }
        }
        for (Map.Entry<Integer, Field> e : header.fields.entrySet()) {
            int col = e.getKey();
            Field f = e.getValue();
            String raw = cell(cells, col);
            if (raw == null) {
                if (f.required()) {
                    mine.add(problem(rowNo, col, null, Severity.ERROR, "cell.required",
                            UserMessage.of("cell.required", UserMessage.bilingual(f.label(), f.labelEn()))));
                }
                continue;
            }
            Optional<Problem> bad = CellReader.malformed(raw);
            CheckResult<String> r = bad.isPresent() ? new CheckResult<>(null, List.of(bad.get()))
                    : CellReader.bounded(f, reader.read(f, raw, col, reason));
            for (Problem p : r.problems()) {
                mine.add(problem(rowNo, col, raw, p.severity(), p.code(), ImportMessages.message(p)));
            }
            staged[kind.stagingColumns().indexOf(f.key())] = r.value();
        }
        problems.addAll(mine);
        boolean errors = mine.stream().anyMatch(ImportProblem::isError);
        if (kind == ImportKind.INDICATORS) {
            figures(rowNo, cells, staged, problems, errors, out);
        } else if (!errors) {
            out.accept(staged);
        }
    }

    private void figures(int rowNo, List<String> cells, String[] staged, List<ImportProblem> problems,
            boolean rowErrors, Consumer<String[]> out) {
        List<String> cols = kind.stagingColumns();
        int iPeriod = cols.indexOf("period"), iMetric = cols.indexOf("metric"), iValue = cols.indexOf("value"),
                iUnit = cols.indexOf("unit"), iDept = cols.indexOf("department");
        if (staged[iPeriod] == null) {
            if (rowErrors && cell(cells, periodColumn) != null) {
                return; // the period cell is there but wrong: already reported
            }
            if (options.period() != null) {
                staged[iPeriod] = options.period();
            } else {
                problems.add(problem(rowNo, periodColumn, null, Severity.ERROR, "period.missing",
                        UserMessage.of("period.missing")));
                return;
            }
        }
        if (isLong) {
            if (staged[iMetric] == null || staged[iValue] == null) {
                if (!rowErrors) {
                    problems.add(problem(rowNo, staged[iMetric] == null ? metricColumn : valueColumn, null,
                            Severity.ERROR, "cell.required", UserMessage.of("cell.required.figure")));
                }
                return;
            }
            String unit = staged[iUnit] != null ? staged[iUnit] : header.units.get(valueColumn);
            String[] row = staged.clone();
            if (convert(rowNo, valueColumn, staged[iMetric], new BigDecimal(staged[iValue]), unit, row,
                    problems) && !rowErrors) {
                row[iDept] = department(row[iDept], row[iMetric]);
                out.accept(row);
            }
            return;
        }
        List<String[]> rows = new ArrayList<>();
        boolean ok = !rowErrors;
        for (Map.Entry<Integer, String> m : header.metricColumns.entrySet()) {
            String raw = cell(cells, m.getKey());
            if (raw == null) {
                continue;
            }
            Optional<Problem> bad = CellReader.malformed(raw);
            CheckResult<BigDecimal> n = bad.isPresent() ? new CheckResult<>(null, List.of(bad.get())) : Numbers.parse(raw);
            if (!CellReader.passes(n)) {
                n.problems().forEach(p -> problems.add(problem(rowNo, m.getKey(), raw, p.severity(), p.code(),
                        ImportMessages.message(p))));
                ok = false;
                continue;
            }
            String[] row = staged.clone();
            row[iMetric] = m.getValue();
            String unit = header.units.getOrDefault(m.getKey(), staged[iUnit]);
            if (convert(rowNo, m.getKey(), m.getValue(), n.value(), unit, row, problems)) {
                row[iDept] = department(row[iDept], row[iMetric]);
                rows.add(row);
            } else {
                ok = false;
            }
        }
        if (ok) {
            rows.forEach(out);
        }
    }

    /** Converts a figure to its metric's canonical unit; false (with a problem) when unit or value will not do. */
    private boolean convert(int rowNo, int col, String metric, BigDecimal value, @Nullable String unit, String[] row,
            List<ImportProblem> problems) {
        List<String> cols = kind.stagingColumns();
        Optional<BigDecimal> factor = Vocabulary.unitFactor(metric, unit);
        if (factor.isEmpty()) {
            problems.add(problem(rowNo, col, unit, Severity.ERROR, "unit.unknown",
                    UserMessage.of("unit.unknown", unit, Vocabulary.METRIC_UNITS.get(metric))));
            return false;
        }
        if (value.signum() < 0) {
            problems.add(problem(rowNo, col, value.toPlainString(), Severity.ERROR, "value.negative",
                    UserMessage.of("value.negative")));
            return false;
        }
        BigDecimal canonical = value.multiply(factor.get()).setScale(4, RoundingMode.HALF_UP);
        Optional<String> limit = Limits.checkDecimal(canonical, Limits.MAX_FIGURE);
        if (limit.isPresent()) {
            problems.add(problem(rowNo, col, value.toPlainString(), Severity.ERROR, limit.get(),
                    UserMessage.of(limit.get(), Limits.MAX_FIGURE.toPlainString())));
            return false;
        }
        row[cols.indexOf("value")] = canonical.stripTrailingZeros().toPlainString();
        row[cols.indexOf("unit")] = Vocabulary.METRIC_UNITS.get(metric);
        return true;
    }

    private String department(@Nullable String given, String metric) {
        if (given != null) {
            return given;
        }
        if (options.department() != null) {
            return options.department();
        }
        return switch (metric) {
            case "TAX" -> "TAX";
            case "ELECTRICITY" -> "POWER";
            case "EMISSIONS" -> "ENV";
            case "LAND_AREA", "FLOOR_AREA" -> "LAND";
            default -> "STATS";
        };
    }

    private static @Nullable String cell(List<String> cells, int col) {
        return col >= 0 && col < cells.size() ? Text.clean(cells.get(col)) : null;
    }

    private ImportProblem problem(int rowNo, int col, @Nullable String value, Severity severity, String code,
            UserMessage message) {
        return new ImportProblem(rowNo, col, col >= 0 ? header.labels.get(col) : null, value, severity, code, message);
    }
}
