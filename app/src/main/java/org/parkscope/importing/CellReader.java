package org.parkscope.importing;

import org.parkscope.core.unit.Area;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.parkscope.core.code.Uscc;
import org.parkscope.core.parse.Dates;
import org.parkscope.core.parse.Numbers;
import org.parkscope.core.parse.Text;
import org.parkscope.core.validate.Limits;
import org.parkscope.shared.GeoJson;
import org.parkscope.shared.UserMessage;

/**
 * Reads one cell of a mapped column by the column's type: codes and numbers through core's checks, words through the
 * vocabularies, areas in square metres, shapes as GeoJSON; a number or date is held to the column's range. Files repeat
 * the same codes and words on many rows, so each distinct cell of those is read once.
 */
final class CellReader {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})\\s*(?:年)?\\s*(?:[-/.]?\\s*(\\d{1,2})\\s*月?)?");
    private static final Pattern COMPACT_MONTH = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Pattern YEAR_AS_NUMBER = Pattern.compile("\\d{4}\\.0+");
    private static final GeometryFactory GF = new GeometryFactory();
    private static final int CACHE_LIMIT = 200_000;

    private final ImportKind kind;
    private final HeaderMap header;
    private final IndustryCodes industries = IndustryCodes.load();
    private final java.util.Map<String, CheckResult<String>> usccCache = new java.util.HashMap<>();
    private final java.util.Map<String, CheckResult<String>> metricCache = new java.util.HashMap<>();
    private final java.util.Map<String, CheckResult<String>> periodCache = new java.util.HashMap<>();

    CellReader(ImportKind kind, HeaderMap header) {
        this.kind = kind;
        this.header = header;
    }

    /** {@link CheckResult#ok()} without its list copies for the usual result with no findings at all. */
    static boolean passes(CheckResult<?> r) {
        return r.problems().isEmpty() || r.ok();
    }

    /** The cell's value as staged, or its problems; {@code reason} is the row's reason for keeping a historical code. */
    CheckResult<String> read(Field f, String raw, int col, @Nullable String reason) {
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
    static CheckResult<String> bounded(Field f, CheckResult<String> r) {
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

    private static CheckResult<String> ok(@Nullable String v) {
        return new CheckResult<>(v, List.of());
    }

    /** A problem of this package's: its code is its message key. */
    private static CheckResult<String> bad(String code, Object... args) {
        return new CheckResult<>(null, List.of(ImportMessages.error(code, args)));
    }
}
