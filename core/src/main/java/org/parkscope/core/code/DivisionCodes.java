package org.parkscope.core.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Administrative division codes: 6-digit county codes (GB/T 2260) and 9- or 12-digit township codes (GB/T 10114 and
 * the NBS 统计用区划代码). Reference data is bundled for Shanghai only (china-division 2.7.0, to be re-checked
 * against the latest NBS table); elsewhere only the code structure is checked, because a missing list must not make
 * valid codes from other provinces fail.
 *
 * <p>Structural rules (§5.2): province part must be an assigned GB/T 2260 province code; digits 3–4 and 5–6 must not
 * be {@code 00} (those are province- and prefecture-level records, not counties). Digits 3–4 in 71–89 or 91–99 are
 * outside the documented ranges (01–20 and 51–70 cities, 21–50 prefectures; 90 is used for province-administered
 * county-level units) and yield a warning only. For Shanghai, a county or township absent from the bundled table is a
 * warning: it may be retired or newer than the data.
 */
public final class DivisionCodes {

    static final String TOWNS_RESOURCE = "shanghai-towns-china-division-2.7.0.csv";

    /** Province codes assigned by GB/T 2260 (mainland provinces, Taiwan 71, Hong Kong 81, Macao 82). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
            "71", "81", "82");

    /** Province whose county and township lists are bundled. */
    private static final String LOADED_PROVINCE = "31";

    private static volatile DivisionCodes instance;

    private final Map<String, Town> towns;
    private final Map<String, List<Town>> townsByCounty;

    private DivisionCodes(List<Town> list) {
        Map<String, Town> map = new LinkedHashMap<>();
        Map<String, List<Town>> byCounty = new LinkedHashMap<>();
        for (Town t : list) {
            if (map.put(t.code9(), t) != null) {
                throw new IllegalStateException("Duplicate township code in reference table: " + t.code9());
            }
            byCounty.computeIfAbsent(t.countyCode(), k -> new ArrayList<>()).add(t);
        }
        byCounty.replaceAll((k, v) -> List.copyOf(v));
        this.towns = Collections.unmodifiableMap(map);
        this.townsByCounty = Collections.unmodifiableMap(byCounty);
    }

    /** The bundled division data; loaded once and shared (the instance is immutable). */
    public static DivisionCodes load() {
        DivisionCodes local = instance;
        if (local == null) {
            synchronized (DivisionCodes.class) {
                local = instance;
                if (local == null) {
                    local = new DivisionCodes(readTowns());
                    instance = local;
                }
            }
        }
        return local;
    }

    private static List<Town> readTowns() {
        List<Town> list = new ArrayList<>();
        for (List<String> row : Csv.readResource(TOWNS_RESOURCE)) {
            if (row.size() < 5) {
                throw new IllegalStateException("Malformed row in " + TOWNS_RESOURCE + ": " + row);
            }
            String code9 = row.get(0).trim();
            String code12 = row.get(1).trim();
            String county = row.get(3).trim();
            if (!code9.matches("\\d{9}") || !code12.equals(code9 + "000") || !code9.startsWith(county)) {
                throw new IllegalStateException("Inconsistent row in " + TOWNS_RESOURCE + ": " + row);
            }
            list.add(new Town(code9, code12, row.get(2).trim(), county, row.get(4).trim(),
                    TownKind.ofDigits(Integer.parseInt(code9.substring(6)))));
        }
        return list;
    }

    /** Validates a 6-digit county-level code; the value is the trimmed code when it is six digits. */
    public CheckResult<String> checkCounty(String code6) {
        String s = code6 == null ? "" : code6.strip();
        if (!s.matches("\\d{6}")) {
            return new CheckResult<>(null, List.of(Problem.error("division.county.format",
                    "县级行政区划代码应为6位数字：“" + s + "”。",
                    "A county-level division code has six digits: \"" + s + "\".")));
        }
        List<Problem> problems = new ArrayList<>();
        countyProblems(s, problems);
        return new CheckResult<>(s, problems);
    }

    private void countyProblems(String s, List<Problem> problems) {
        String province = s.substring(0, 2);
        String prefecture = s.substring(2, 4);
        String county = s.substring(4, 6);
        if (!PROVINCES.contains(province)) {
            problems.add(Problem.error("division.province",
                    "前两位“" + province + "”不是有效的省级代码。",
                    "The first two digits \"" + province + "\" are not a valid province code."));
            return;
        }
        if (prefecture.equals("00") || county.equals("00")) {
            problems.add(Problem.error("division.notCounty",
                    "“" + s + "”是省级或地级代码，不是县级代码。",
                    "\"" + s + "\" is a province- or prefecture-level code, not a county-level one."));
            return;
        }
        int p = Integer.parseInt(prefecture);
        if (p > 70 && p != 90) {
            problems.add(Problem.warning("division.prefectureRange",
                    "第3–4位“" + prefecture + "”不在常见的地级代码区段内，请核对。",
                    "Digits 3-4 \"" + prefecture + "\" are outside the usual prefecture-level ranges; please verify."));
        }
        if (province.equals(LOADED_PROVINCE) && !townsByCounty.containsKey(s)) {
            problems.add(Problem.warning("division.county.unknown",
                    "县级代码“" + s + "”不在当前上海区划数据中（可能已撤销或数据较旧）。",
                    "County code \"" + s + "\" is not in the current Shanghai division data (it may be retired, "
                            + "or the data may be out of date)."));
        }
    }

    /**
     * Validates a township-level code given as 9 digits or as the 12-digit statistical code (which must end in
     * {@code 000} at township level). The value is the canonical 9-digit code.
     */
    public CheckResult<String> checkTown(String code) {
        String s = code == null ? "" : code.strip();
        if (s.matches("\\d{12}")) {
            if (!s.endsWith("000")) {
                return new CheckResult<>(null, List.of(Problem.error("division.town.villageLevel",
                        "12位代码“" + s + "”是村级代码，乡镇级代码应以000结尾。",
                        "12-digit code \"" + s + "\" is a village-level code; a township-level code ends in 000.")));
            }
            s = s.substring(0, 9);
        } else if (!s.matches("\\d{9}")) {
            return new CheckResult<>(null, List.of(Problem.error("division.town.format",
                    "乡镇级代码应为9位或12位数字：“" + s + "”。",
                    "A township-level code has 9 or 12 digits: \"" + s + "\".")));
        }
        List<Problem> problems = new ArrayList<>();
        countyProblems(s.substring(0, 6), problems);
        int digits = Integer.parseInt(s.substring(6));
        if (digits == 0) {
            problems.add(Problem.error("division.town.countyItself",
                    "第7–9位为000，表示县级本身而不是乡镇。",
                    "Digits 7-9 are 000, which denotes the county itself, not a township."));
            return new CheckResult<>(s, problems);
        }
        if (TownKind.ofDigits(digits) == TownKind.UNASSIGNED) {
            problems.add(Problem.warning("division.town.range",
                    "第7–9位“" + s.substring(6) + "”不在GB/T 10114规定的区段内。",
                    "Digits 7-9 \"" + s.substring(6) + "\" are outside the ranges assigned by GB/T 10114."));
        }
        if (s.startsWith(LOADED_PROVINCE) && !towns.containsKey(s)) {
            problems.add(Problem.warning("division.town.unknown",
                    "乡镇级代码“" + s + "”不在当前上海区划数据中。",
                    "Township code \"" + s + "\" is not in the current Shanghai division data."));
        }
        return new CheckResult<>(s, problems);
    }

    /** Looks up a bundled township by its 9- or 12-digit code (the 12-digit form must end in 000). */
    public Optional<Town> town(String code9or12) {
        if (code9or12 == null) {
            return Optional.empty();
        }
        String s = code9or12.strip();
        if (s.length() == 12 && s.endsWith("000")) {
            s = s.substring(0, 9);
        }
        return Optional.ofNullable(towns.get(s));
    }

    /** Bundled townships of a county, in table order; empty for counties without bundled data. */
    public List<Town> townsOf(String countyCode) {
        return countyCode == null ? List.of() : townsByCounty.getOrDefault(countyCode.strip(), List.of());
    }
}
