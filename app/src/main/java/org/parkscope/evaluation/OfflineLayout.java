package org.parkscope.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.core.parse.Text;
import org.parkscope.core.unit.Area;
import org.parkscope.importing.Vocabulary;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.UserMessage;

/**
 * The layout of the data sheet {@code parkscope evaluate} reads, one home for it: which columns a scheme needs, their
 * headers in Chinese and English (message keys {@code evaluate.column.*}), their units, and the template workbook
 * {@code parkscope evaluate --template SCHEME} writes. A header is recognised in either language, with or without its
 * unit in brackets; the import's own metric names (税收, 营业收入 …) and units are recognised too.
 */
final class OfflineLayout {

    /** What a column of the data sheet is. */
    enum Role { ID, NAME, ABOVE, INDUSTRY, YEAR, LAND, METRIC }

    /** A column: its role, the metric it carries (for {@link Role#METRIC}), and its unit as written in the header. */
    record Column(Role role, String metric, String unit, boolean required) {

        String header(Locale locale) {
            String name = UserMessage.of("evaluate.column." + key()).text(locale);
            return unit.isEmpty() ? name : name + "(" + unitText(locale) + ")";
        }

        String note(Locale locale) {
            return UserMessage.of("evaluate.column." + key() + ".note").text(locale);
        }

        private String key() {
            return role == Role.METRIC ? metric : role.name();
        }

        private String unitText(Locale locale) {
            return UserMessage.of("evaluate.unit." + unit).text(locale);
        }
    }

    /**
     * Canonical units of the columns schemes can read ({@code SchemeFile}'s metrics and counts, and the leased area of
     * a membership rule): the import vocabulary's where it knows the metric; counts and flags have none.
     */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("TAX", "WAN_YUAN"), Map.entry("REVENUE", "WAN_YUAN"), Map.entry("OUTPUT", "WAN_YUAN"),
            Map.entry("VALUE_ADDED", "WAN_YUAN"), Map.entry("GOODS_SALES", "WAN_YUAN"), Map.entry("RD", "WAN_YUAN"),
            Map.entry("TECH_INVEST", "WAN_YUAN"), Map.entry("ENERGY", "TCE"), Map.entry("ELECTRICITY", "WAN_KWH"),
            Map.entry("EMISSIONS", "TONNE"), Map.entry("WATER", "TONNE"), Map.entry("STAFF", "PERSON"),
            Map.entry("LEASED_M2", "M2"), Map.entry("POWER_PUNITIVE", "YUAN_PER_KWH"),
            Map.entry("POWER_TIERED", "YUAN_PER_KWH"));

    /**
     * Words that mark a fixed column inside a longer header, as towns write them (data vocabulary, like the import's):
     * "纳税人统一社会信用代码", "是否规模以上", "土地面积(平方米)". Checked in this order, so 行业代码 is not the id.
     */
    private static final Map<Role, List<String>> SYNONYMS = new java.util.EnumMap<>(Map.of(
            Role.INDUSTRY, List.of("行业代码"), Role.ID, List.of("信用代码"), Role.NAME, List.of("名称"),
            Role.ABOVE, List.of("规上", "规模以上"), Role.LAND, List.of("用地面积", "土地面积")));
    /** Whole headers that name a fixed column. */
    private static final Map<String, Role> EXACT = Map.of("id", Role.ID, "代码", Role.ID, "年度", Role.YEAR, "年份",
            Role.YEAR, "数据年度", Role.YEAR, "year", Role.YEAR);

    private static final Locale[] LANGUAGES = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};

    private OfflineLayout() {}

    /** The columns a scheme reads, in template order: who, then land, then its metrics, counts and flags. */
    static List<Column> columns(Scheme scheme) {
        List<Column> out = new ArrayList<>();
        out.add(new Column(Role.ID, null, "", true));
        out.add(new Column(Role.NAME, null, "", false));
        out.add(new Column(Role.ABOVE, null, "", false));
        out.add(new Column(Role.INDUSTRY, null, "", false));
        if (!scheme.referenceYears().isEmpty()) {
            out.add(new Column(Role.YEAR, null, "", false));
        }
        out.add(new Column(Role.LAND, null, "MU", true));
        for (String metric : Scoring.usedColumns(scheme)) {
            if (!metric.equals("LAND_MU")) {
                out.add(new Column(Role.METRIC, metric, UNITS.getOrDefault(metric, ""), false));
            }
        }
        return out;
    }

    /** The column a header names, if any: a metric of the import vocabulary, or any column's header in either language. */
    static Optional<Column> recognise(String header) {
        String key = Text.headerKey(Vocabulary.stripUnit(header));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (EXACT.containsKey(key)) {
            return Optional.of(new Column(EXACT.get(key), null, "", false));
        }
        for (Role role : List.of(Role.INDUSTRY, Role.ID, Role.YEAR, Role.NAME, Role.ABOVE, Role.LAND)) {
            if ((named(role.name(), key) || SYNONYMS.getOrDefault(role, List.of()).stream()
                    .anyMatch(key::contains))) {
                return Optional.of(new Column(role, null, "", false));
            }
        }
        Optional<String> imported = Vocabulary.metric(header);
        if (imported.isPresent()) {
            return Optional.of(new Column(Role.METRIC, imported.get(), "", false));
        }
        for (String metric : metricsKnown()) {
            if (named(metric, key)) {
                return Optional.of(new Column(Role.METRIC, metric, UNITS.getOrDefault(metric, ""), false));
            }
        }
        return Optional.empty();
    }

    /**
     * The factor from the unit a metric's header is written in to the metric's canonical unit: the import's units
     * where it knows the metric (元, 亿元, 千瓦时 …), otherwise only the canonical unit itself; empty when it does not fit.
     */
    static Optional<BigDecimal> factor(String metric, String header) {
        String unit = Vocabulary.unitIn(header).orElse("");
        if (isCanonical(UNITS.getOrDefault(metric, ""), unit)) {
            return Optional.of(BigDecimal.ONE);
        }
        if (Vocabulary.knowsUnitsOf(metric)) {
            return Vocabulary.unitFactor(metric, unit);
        }
        return unit.isBlank() ? Optional.of(BigDecimal.ONE) : Optional.empty();
    }

    /** The factor from the land column's unit (亩 when none; m², 公顷 …) to 亩. */
    static Optional<BigDecimal> landToMu(String header) {
        String unit = Vocabulary.unitIn(header).orElse("");
        if (unit.isBlank() || isCanonical("MU", unit)) {
            return Optional.of(BigDecimal.ONE);
        }
        return Vocabulary.unitFactor("LAND_AREA", unit).map(m2 -> Area.squareMetres(m2).toMu());
    }

    private static boolean isCanonical(String unitKey, String written) {
        if (unitKey.isEmpty()) {
            return false;
        }
        for (Locale l : LANGUAGES) {
            if (Text.headerKey(UserMessage.of("evaluate.unit." + unitKey).text(l)).equals(Text.headerKey(written))) {
                return true;
            }
        }
        return false;
    }

    private static boolean named(String key, String headerKey) {
        for (Locale l : LANGUAGES) {
            if (Text.headerKey(UserMessage.of("evaluate.column." + key).text(l)).equals(headerKey)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> metricsKnown() {
        List<String> all = new ArrayList<>(UNITS.keySet());
        all.addAll(SchemeFile.COUNTS);
        all.sort(null);
        return all;
    }

    /** The template workbook for a scheme: the data sheet's header row, and a sheet saying what each column holds. */
    static void writeTemplate(Scheme scheme, Path out, Locale locale) throws IOException {
        List<Column> columns = columns(scheme);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = Files.newOutputStream(out)) {
            Sheet data = wb.createSheet(UserMessage.of("evaluate.template.dataSheet").text(locale));
            Sheets.header(data, columns.stream().map(c -> c.header(locale)).toList());
            Sheet notes = wb.createSheet(UserMessage.of("evaluate.template.notesSheet").text(locale));
            Sheets.header(notes, List.of(UserMessage.of("evaluate.template.column").text(locale),
                    UserMessage.of("evaluate.template.required").text(locale),
                    UserMessage.of("evaluate.template.meaning").text(locale)));
            String yes = UserMessage.of("evaluate.template.yes").text(locale);
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                Row row = notes.createRow(i + 1);
                Sheets.text(row, 0, c.header(locale));
                Sheets.text(row, 1, c.required() ? yes : "");
                Sheets.text(row, 2, c.note(locale));
            }
            Sheets.text(notes.createRow(columns.size() + 2), 0,
                    UserMessage.of("evaluate.template.scheme", scheme.id(), scheme.region(), scheme.year()).text(locale));
            wb.write(os);
        }
    }
}
