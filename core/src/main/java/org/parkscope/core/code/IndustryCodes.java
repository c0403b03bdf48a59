package org.parkscope.core.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GB/T 4754-2017 industry classification, loaded from the bundled tables (structure: sections, divisions,
 * groups; subclasses: the 4-digit classes including the 2019 amendment). Counts are whatever the tables hold: public
 * sources disagree between 1 380, 1 381 and 1 382 classes, so nothing here assumes a number.
 *
 * <p>Industry codes drive the statistical flags (规上工业 needs sections B, C, D) and the chain and SEI mappings, so
 * an unknown code is an error rather than a silent "not industrial".
 */
public final class IndustryCodes {

    static final String STRUCTURE_RESOURCE = "gbt4754-2017-structure.csv";
    static final String CLASSES_RESOURCE = "gbt4754-2017-subclasses.csv";

    private static final Pattern CODE = Pattern.compile("^[A-T]$|^\\d{2,4}$");
    private static final Pattern LETTER_PREFIXED = Pattern.compile("^([A-T])(\\d{2,4})$");
    private static final Set<String> INDUSTRIAL_SECTIONS = Set.of("B", "C", "D");

    private static volatile IndustryCodes instance;

    private final Map<String, IndustryCode> byCode;
    private final Map<String, List<IndustryCode>> children;
    private final List<IndustryCode> classes;

    private IndustryCodes(List<IndustryCode> entries) {
        Map<String, IndustryCode> map = new LinkedHashMap<>();
        for (IndustryCode e : entries) {
            if (map.put(e.code(), e) != null) {
                throw new IllegalStateException("Duplicate industry code in reference table: " + e.code());
            }
        }
        Map<String, List<IndustryCode>> kids = new LinkedHashMap<>();
        for (IndustryCode e : map.values()) {
            if (e.parentCode() != null) {
                if (!map.containsKey(e.parentCode())) {
                    throw new IllegalStateException("Industry code " + e.code() + " has unknown parent "
                            + e.parentCode());
                }
                kids.computeIfAbsent(e.parentCode(), k -> new ArrayList<>()).add(e);
            }
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.byCode = Collections.unmodifiableMap(map);
        this.children = Collections.unmodifiableMap(kids);
        this.classes = map.values().stream().filter(e -> e.level() == 4).toList();
    }

    /** The classification from the bundled tables; loaded once and shared (the instance is immutable). */
    public static IndustryCodes load() {
        IndustryCodes local = instance;
        if (local == null) {
            synchronized (IndustryCodes.class) {
                local = instance;
                if (local == null) {
                    local = new IndustryCodes(readTables());
                    instance = local;
                }
            }
        }
        return local;
    }

    private static List<IndustryCode> readTables() {
        List<IndustryCode> entries = new ArrayList<>();
        for (List<String> row : Csv.readResource(STRUCTURE_RESOURCE)) {
            requireColumns(row, 5, STRUCTURE_RESOURCE);
            String parent = row.get(4).trim();
            entries.add(new IndustryCode(row.get(1).trim(), Integer.parseInt(row.get(0).trim()), row.get(2).trim(),
                    row.get(3).trim(), parent.isEmpty() ? null : parent));
        }
        for (List<String> row : Csv.readResource(CLASSES_RESOURCE)) {
            requireColumns(row, 3, CLASSES_RESOURCE);
            String code = row.get(0).trim();
            entries.add(new IndustryCode(code, 4, row.get(1).trim(), row.get(2).trim(), code.substring(0, 3)));
        }
        return entries;
    }

    private static void requireColumns(List<String> row, int n, String resource) {
        if (row.size() < n) {
            throw new IllegalStateException("Malformed row in " + resource + ": " + row);
        }
    }

    /** Looks up a section letter or a 2-, 3- or 4-digit code exactly as stored (no normalisation). */
    public Optional<IndustryCode> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /**
     * Validates user input. Accepts a section letter, a 2–4 digit code, or a digit code prefixed with its section
     * letter as many forms print it ("C3612"), which is normalised to the digits; the prefix must match the code's
     * real section.
     */
    public CheckResult<IndustryCode> check(String raw) {
        String s = raw == null ? "" : raw.strip().replace(" ", "").toUpperCase();
        if (s.isEmpty()) {
            return new CheckResult<>(null, List.of(Problem.error("industry.empty", "行业代码不能为空。",
                    "The industry code is empty.")));
        }
        String prefix = null;
        Matcher m = LETTER_PREFIXED.matcher(s);
        if (m.matches()) {
            prefix = m.group(1);
            s = m.group(2);
        }
        if (!CODE.matcher(s).matches()) {
            return new CheckResult<>(null, List.of(Problem.error("industry.format",
                    "行业代码“" + raw + "”格式不正确：应为门类字母A–T或2至4位数字。",
                    "Industry code \"" + raw + "\" is malformed: expected a section letter A–T or 2 to 4 digits.")));
        }
        IndustryCode found = byCode.get(s);
        if (found == null) {
            return new CheckResult<>(null, List.of(Problem.error("industry.unknown",
                    "行业代码“" + s + "”不在GB/T 4754-2017中。",
                    "Industry code \"" + s + "\" does not exist in GB/T 4754-2017.")));
        }
        if (prefix != null && !prefix.equals(found.section())) {
            return new CheckResult<>(found, List.of(Problem.error("industry.sectionMismatch",
                    "行业代码“" + s + "”属于门类" + found.section() + "，不是门类" + prefix + "。",
                    "Industry code \"" + s + "\" belongs to section " + found.section() + ", not " + prefix
                            + ".")));
        }
        return CheckResult.valid(found);
    }

    /** All 4-digit classes (小类), in table order. */
    public List<IndustryCode> classes() {
        return classes;
    }

    /** Direct children of a code (divisions of a section, groups of a division, classes of a group). */
    public List<IndustryCode> children(String code) {
        return code == null ? List.of() : children.getOrDefault(code, List.of());
    }

    /** Section letter of a known code, or {@code null} when the code is not in the table. */
    public String sectionOf(String code) {
        return find(code).map(IndustryCode::section).orElse(null);
    }

    /**
     * Whether the code lies in the industrial sections B (采矿业), C (制造业) or D (电力、热力、燃气及水生产和供应业),
     * the scope of 规模以上工业. Unknown codes are not industrial.
     */
    public boolean isIndustrial(String code) {
        String section = sectionOf(code);
        return section != null && INDUSTRIAL_SECTIONS.contains(section);
    }
}
