package org.parkscope.importing;

import org.parkscope.core.unit.Area;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.parkscope.core.code.CheckResult;
import org.parkscope.core.code.IndustryCode;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.core.code.Problem;
import org.parkscope.core.code.Severity;
import org.parkscope.core.code.Uscc;
import org.parkscope.core.parse.Dates;
import org.parkscope.core.parse.Numbers;
import org.parkscope.core.parse.Text;
import org.parkscope.core.validate.Limits;
import org.parkscope.shared.GeoJson;
import org.parkscope.shared.UserMessage;

/**
 * Reads one data row against the header map: every cell of a mapped column is parsed and checked, problems are
 * reported on their cell, and a row without errors becomes one staging row (or, for figures in columns, one per
 * metric).
 */
final class RowChecker {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})\\s*(?:年)?\\s*(?:[-/.]?\\s*(\\d{1,2})\\s*月?)?");
    private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern YEAR_AS_NUMBER = Pattern.compile("\\d{4}\\.0+");
    private static final GeometryFactory GF = new GeometryFactory();

    private final ImportKind kind;
    private final HeaderMap header;
    private final ImportRequest.Options options;
    private final IndustryCodes industries = IndustryCodes.load();
    private final int columns;
    /** Files repeat the same codes and words on many rows: each distinct cell is read once. */
    private final java.util.Map<String, CheckResult<String>> usccCache = new java.util.HashMap<>();
    private final java.util.Map<String, CheckResult<String>> metricCache = new java.util.HashMap<>();
    private final java.util.Map<String, CheckResult<String>> periodCache = new java.util.HashMap<>();
    private static final int CACHE_LIMIT = 200_000;

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
        this.columns = kind.stagingColumns().size();
        this.mapped = header.mappedColumns();
        this.isLong = header.isLong();
        this.periodColumn = header.column("period");
        this.valueColumn = header.column("value");
        this.metricColumn = header.column("metric");
    }

    /** {@link CheckResult#ok()} without its list copies for the usual result with no findings at all. */
    private static boolean passes(CheckResult<?> r) {
        return r.problems().isEmpty() || r.ok();
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
            Optional<Problem> bad = malformed(raw);
            CheckResult<String> r = bad.isPresent() ? new CheckResult<>(null, List.of(bad.get()))
                    : bounded(f, read(f, raw, col, reason));
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
            Optional<Problem> bad = malformed(raw);
            CheckResult<BigDecimal> n = bad.isPresent() ? new CheckResult<>(null, List.of(bad.get())) : Numbers.parse(raw);
            if (!passes(n)) {
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

    private CheckResult<String> read(Field f, String raw, int col, @Nullable String reason) {
        switch (f.type()) {
            case TEXT:
                return ok(Text.clean(raw));
            case USCC: {
                boolean historical = kind != ImportKind.ENTERPRISES || reason != null;
                if (!historical) {
                    CheckResult<String> r = Uscc.check(raw, false);
                    return new CheckResult<>(r.ok() ? r.value() : null, r.problems());
                }
                return cached(usccCache, raw, () -> {
                    CheckResult<String> r = Uscc.check(raw, true);
                    return new CheckResult<>(r.ok() ? r.value() : null, r.problems());
                });
            }
            case INDUSTRY: {
                CheckResult<IndustryCode> r = industries.check(raw);
                if (r.ok() && r.value().level() != 4) {
                    return bad("industry.level", raw.strip());
                }
                return new CheckResult<>(r.ok() ? r.value().code() : null, r.problems());
            }
            case DATE: {
                CheckResult<java.time.LocalDate> r = Dates.parse(raw);
                return new CheckResult<>(r.value() == null ? null : r.value().toString(), r.problems());
            }
            case DECIMAL: {
                CheckResult<BigDecimal> r = Numbers.parse(raw);
                return new CheckResult<>(r.value() == null ? null : r.value().toPlainString(), r.problems());
            }
            case INTEGER: {
                CheckResult<BigDecimal> r = Numbers.parse(raw);
                if (r.ok() && r.value() != null && r.value().stripTrailingZeros().scale() > 0) {
                    return bad("number.integer", raw.strip());
                }
                return new CheckResult<>(r.value() == null ? null : r.value().toBigInteger().toString(), r.problems());
            }
            case AREA:
                return area(raw, header.units.get(col));
            case BOOLEAN:
                return bool(raw);
            case PERIOD:
                return cached(periodCache, raw, () -> period(raw));
            case METRIC:
                return cached(metricCache, raw, () -> lookup(Vocabulary.metric(raw), raw, f.type(), Vocabulary.METRICS));
            case UNIT:
                return ok(Text.clean(raw));
            case DEPARTMENT:
                return lookup(Vocabulary.lookup(Vocabulary.DEPARTMENTS, raw), raw, f.type(), Vocabulary.DEPARTMENTS);
            case ROLE:
                return lookup(Vocabulary.lookup(Vocabulary.ROLES, raw), raw, f.type(), Vocabulary.ROLES);
            case SIZE_CLASS:
                return lookup(Vocabulary.lookup(Vocabulary.SIZE_CLASSES, raw), raw, f.type(), Vocabulary.SIZE_CLASSES);
            case STATUS:
                return lookup(Vocabulary.lookup(Vocabulary.STATUSES, raw), raw, f.type(), Vocabulary.STATUSES);
            case PARK_KIND:
                return lookup(Vocabulary.lookup(Vocabulary.PARK_KINDS, raw), raw, f.type(), Vocabulary.PARK_KINDS);
            case QUALIFICATION_TYPE:
                return lookup(Vocabulary.lookup(Vocabulary.QUALIFICATIONS, raw), raw, f.type(),
                        Vocabulary.QUALIFICATIONS);
            case GEOMETRY:
                return geometry(raw);
            case TAGS: {
                List<String> tags = new ArrayList<>();
                for (String t : Text.clean(raw).split("[,，、;；\\s]+")) {
                    if (!t.isBlank() && !tags.contains(t)) {
                        tags.add(t.replace("\"", ""));
                    }
                }
                return ok(String.join(",", tags));
            }
            default:
                return ok(Text.clean(raw));
        }
    }

    /** Excel error values as they appear in cells. */
    private static final java.util.Set<String> EXCEL_ERRORS = java.util.Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!",
            "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#ERROR");

    /** What makes a cell unreadable whatever its column: too long, an Excel error, a formula, broken bytes. */
    static Optional<Problem> malformed(String raw) {
        if (Limits.checkText(raw).isPresent()) {
            return Optional.of(ImportMessages.error("limit.text", Limits.MAX_TEXT_LENGTH));
        }
        if (raw.equals(RowSource.BROKEN_REFERENCE)) {
            return Optional.of(ImportMessages.error("cell.brokenReference"));
        }
        if (raw.startsWith("#") && EXCEL_ERRORS.contains(raw.toUpperCase(java.util.Locale.ROOT))) {
            return Optional.of(ImportMessages.error("cell.excelError", raw));
        }
        if (raw.length() > 1 && raw.charAt(0) == '=') {
            return Optional.of(ImportMessages.error("cell.formula"));
        }
        if (raw.indexOf('\uFFFD') >= 0) {
            return Optional.of(ImportMessages.error("cell.encoding", "UTF-8 / GBK"));
        }
        return Optional.empty();
    }

    /** A number or date read from a cell, held to the column's range and the limits of precision and dates. */
    private static CheckResult<String> bounded(Field f, CheckResult<String> r) {
        if (r.value() == null || !passes(r)) {
            return r;
        }
        Optional<String> limit = Optional.empty();
        Object arg = null;
        if (f.type() == FieldType.DATE) {
            limit = Limits.checkYear(java.time.LocalDate.parse(r.value()).getYear());
            arg = Limits.MIN_YEAR + "–" + Limits.MAX_YEAR;
        } else if (f.max() != null) {
            BigDecimal v = new BigDecimal(r.value());
            limit = Limits.checkDecimal(v, f.max());
            arg = limit.equals(Optional.of("limit.scale")) ? Limits.MAX_SCALE : f.max().toPlainString();
            if (limit.isEmpty() && f.min() != null) {
                limit = Limits.checkMinimum(v, f.min());
                arg = f.min().toPlainString();
            }
        }
        return limit.isPresent() ? new CheckResult<>(null, List.of(ImportMessages.error(limit.get(), arg))) : r;
    }

    private static CheckResult<String> cached(java.util.Map<String, CheckResult<String>> cache, String raw,
            java.util.function.Supplier<CheckResult<String>> read) {
        CheckResult<String> r = cache.get(raw);
        if (r == null) {
            r = read.get();
            if (cache.size() < CACHE_LIMIT) {
                cache.put(raw, r);
            }
        }
        return r;
    }

    private static CheckResult<String> area(String raw, @Nullable String unit) {
        CheckResult<BigDecimal> n = Numbers.parse(raw);
        if (!n.ok()) {
            return new CheckResult<>(null, n.problems());
        }
        Optional<BigDecimal> factor = Vocabulary.unitFactor("LAND_AREA", unit);
        if (factor.isEmpty()) {
            return bad("unit.area", unit);
        }
        if (Limits.checkScale(n.value()).isPresent()) {
            return new CheckResult<>(null, List.of(ImportMessages.error("limit.scale", Limits.MAX_SCALE)));
        }
        BigDecimal m2 = "亩".equals(unit)
                ? Area.mu(n.value()).squareMetres().setScale(2, RoundingMode.HALF_UP)
                : n.value().multiply(factor.get()).setScale(2, RoundingMode.HALF_UP);
        if (m2.signum() <= 0) { // also an area too small to keep in whole hundredths of a square metre
            return bad("area.positive");
        }
        return ok(m2.toPlainString());
    }

    private static CheckResult<String> bool(String raw) {
        String k = Text.headerKey(raw);
        return switch (k) {
            case "是", "y", "yes", "true", "1", "√", "✓", "规上" -> ok("true");
            case "否", "n", "no", "false", "0", "×", "✗", "规下" -> ok("false");
            default -> bad("bool.format", raw.strip());
        };
    }

    private static CheckResult<String> period(String raw) {
        String s = Text.clean(raw);
        Matcher m = COMPACT_MONTH.matcher(s);
        if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
            return ok(m.group(1) + "-" + m.group(2));
        }
        if (YEAR_AS_NUMBER.matcher(s).matches()) {
            s = s.substring(0, 4); // a year that Excel stored as a number
        }
        m = PERIOD.matcher(s);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            if (year >= 1990 && year <= 2100) {
                if (m.group(2) == null) {
                    return ok(m.group(1));
                }
                int month = Integer.parseInt(m.group(2));
                if (month >= 1 && month <= 12) {
                    return ok(String.format("%d-%02d", year, month));
                }
            }
        }
        return bad("period.format", raw.strip());
    }

    private static CheckResult<String> geometry(String raw) {
        String s = raw.strip();
        try {
            Geometry g = s.startsWith("{") ? GeoJson.readPolygonal(s, GF) : new WKTReader(GF).read(s);
            if (!(g instanceof org.locationtech.jts.geom.Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon)) {
                return bad("geometry.type");
            }
            if (!g.isValid()) {
                return bad("geometry.invalid");
            }
            if (Math.abs(g.getCentroid().getX()) > 180 || Math.abs(g.getCentroid().getY()) > 90) {
                return bad("geometry.crs");
            }
            return ok(GeoJson.write(g));
        } catch (ParseException | IllegalArgumentException e) {
            return bad("geometry.format");
        }
    }

    /** A word from one of the vocabularies; the accepted words are the vocabulary's own (data, not text). */
    private static CheckResult<String> lookup(Optional<String> code, String raw, FieldType what,
            Map<String, String> table) {
        if (code.isPresent()) {
            return ok(code.get());
        }
        String accepted = String.join("、", new java.util.LinkedHashSet<>(table.values()));
        return bad("value.unknown", UserMessage.of("import.what." + what.name()), raw.strip(), accepted);
    }

    private static @Nullable String cell(List<String> cells, int col) {
        return col >= 0 && col < cells.size() ? Text.clean(cells.get(col)) : null;
    }

    private ImportProblem problem(int rowNo, int col, @Nullable String value, Severity severity, String code,
            UserMessage message) {
        return new ImportProblem(rowNo, col, col >= 0 ? header.labels.get(col) : null, value, severity, code, message);
    }

    private static CheckResult<String> ok(@Nullable String v) {
        return new CheckResult<>(v, List.of());
    }

    /** A problem of this package's: its code is its message key. */
    private static CheckResult<String> bad(String code, Object... args) {
        return new CheckResult<>(null, List.of(ImportMessages.error(code, args)));
    }
}
