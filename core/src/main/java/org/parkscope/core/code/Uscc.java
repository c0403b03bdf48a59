package org.parkscope.core.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validator for the 统一社会信用代码 (unified social credit code, GB 32100-2015), the 18-character identifier every
 * enterprise record in Parkscope is keyed on.
 *
 * <p>Rules applied by {@link #check(String, boolean)}, in this order:
 * <ol>
 *   <li>Normalisation: trim, full-width letters and digits to half-width, drop all whitespace and hyphens, upper
 *       case. The canonical form is the resulting 18 characters.</li>
 *   <li>Length 18, every character in the 31-character {@link #ALPHABET} (so I, O, Z, S and V are rejected) and the
 *       shape {@code ^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$}: errors.</li>
 *   <li>Registering authority (position 1) and entity type (position 2): an error when the pair is not allowed.
 *       The allowed pairs are a deliberate decision:
 *       <ul>
 *         <li>For the authorities documented in our domain notes and widely verified — {@code 1} 机构编制,
 *             {@code 5} 民政, {@code 9} 工商/市场监管 and {@code Y} other — the entity type is checked strictly:
 *             {@code 1}: 1, 2, 3, 9; {@code 5}: 1, 2, 3, 9; {@code 9}: 1, 2, 3; {@code Y}: 1, 2, 3, 9.</li>
 *         <li>GB 32100 Table 1 also assigns authority codes {@code 2 3 4 6 7 8 A B C D E F G N} (外交, 司法行政,
 *             文化, 旅游, 宗教, 工会, 军队, 农业 and others). Public copies of that table disagree on their entity
 *             types (司法行政, for example, has types up to 5), and wrongly rejecting an issued code is worse than
 *             accepting an odd one that still passes two check characters. For these authorities any digit
 *             1–9 is therefore accepted as entity type.</li>
 *         <li>Any other authority character, and an entity type of 0 or a letter, is an error.</li>
 *       </ul></li>
 *   <li>Positions 3–8 must be six digits but are deliberately <em>not</em> compared with today's GB/T 2260 list:
 *       issued codes carry retired county codes (for example Tianjin 120222).</li>
 *   <li>The GB 11714 organisation-code check character (position 17 over positions 9–16) and the GB 32100 check
 *       character (position 18). A failure is an error for new registrations; with {@code historical == true} it is
 *       a warning that may be kept only with a recorded reason, because a few early codes were issued with a check
 *       character that does not verify.</li>
 * </ol>
 * Whether a well-formed code was actually issued cannot be decided offline.
 */
public final class Uscc {

    /** The 31 characters of GB 32100, in value order 0–30 (no I, O, Z, S, V). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** Characters of the GB 11714 organisation-code alphabet, in value order 0–35 (full Latin alphabet). */
    private static final String ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private static final int[] WEIGHTS = new int[17];

    static {
        int w = 1;
        for (int i = 0; i < WEIGHTS.length; i++) {
            WEIGHTS[i] = w;
            w = (w * 3) % 31;
        }
    }

    private static final Pattern SHAPE = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");

    private static final Set<Character> DIGITS_1_TO_9 = Set.of('1', '2', '3', '4', '5', '6', '7', '8', '9');

    private static final Map<Character, Set<Character>> ENTITY_TYPES = Map.ofEntries(
            Map.entry('1', Set.of('1', '2', '3', '9')),
            Map.entry('5', Set.of('1', '2', '3', '9')),
            Map.entry('9', Set.of('1', '2', '3')),
            Map.entry('Y', Set.of('1', '2', '3', '9')),
            Map.entry('2', DIGITS_1_TO_9),
            Map.entry('3', DIGITS_1_TO_9),
            Map.entry('4', DIGITS_1_TO_9),
            Map.entry('6', DIGITS_1_TO_9),
            Map.entry('7', DIGITS_1_TO_9),
            Map.entry('8', DIGITS_1_TO_9),
            Map.entry('A', DIGITS_1_TO_9),
            Map.entry('B', DIGITS_1_TO_9),
            Map.entry('C', DIGITS_1_TO_9),
            Map.entry('D', DIGITS_1_TO_9),
            Map.entry('E', DIGITS_1_TO_9),
            Map.entry('F', DIGITS_1_TO_9),
            Map.entry('G', DIGITS_1_TO_9),
            Map.entry('N', DIGITS_1_TO_9));

    private Uscc() {
    }

    /**
     * Validates a raw code as typed or imported.
     *
     * @param raw        user input; {@code null} and blank are reported as errors
     * @param historical {@code true} when importing records of already-issued codes: check-character failures become
     *                   warnings that need a reason instead of errors
     * @return the canonical 18-character code as value when it has the right length and alphabet (even if a check
     *         character fails), and every problem found
     */
    public static CheckResult<String> check(String raw, boolean historical) {
        List<Problem> problems = new ArrayList<>();
        String code = normalise(raw);
        if (code.isEmpty()) {
            problems.add(Problem.error("uscc.empty", "统一社会信用代码不能为空。",
                    "The unified social credit code is empty."));
            return new CheckResult<>(null, problems);
        }
        if (code.length() != 18) {
            problems.add(Problem.error("uscc.length",
                    "统一社会信用代码应为18位，实际为" + code.length() + "位。",
                    "A unified social credit code has 18 characters, this one has " + code.length() + "."));
        }
        StringBuilder bad = new StringBuilder();
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0 && bad.indexOf(String.valueOf(c)) < 0) {
                bad.append(c);
            }
        }
        if (!bad.isEmpty()) {
            problems.add(Problem.error("uscc.charset",
                    "含有不允许的字符“" + bad + "”（只允许数字和除I、O、Z、S、V以外的大写字母）。",
                    "Contains characters not allowed: \"" + bad
                            + "\" (only digits and capital letters except I, O, Z, S, V)."));
        }
        if (!problems.isEmpty()) {
            return new CheckResult<>(null, problems);
        }
        if (!SHAPE.matcher(code).matches()) {
            problems.add(Problem.error("uscc.format", "第3至8位（登记管理机关行政区划码）必须是6位数字。",
                    "Positions 3 to 8 (the registering authority's area code) must be six digits."));
        }
        char authority = code.charAt(0);
        char type = code.charAt(1);
        Set<Character> allowed = ENTITY_TYPES.get(authority);
        if (allowed == null) {
            problems.add(Problem.error("uscc.authority",
                    "第1位登记管理部门码“" + authority + "”无效。",
                    "Position 1 (registering authority) \"" + authority + "\" is not a valid authority code."));
        } else if (!allowed.contains(type)) {
            problems.add(Problem.error("uscc.category",
                    "第2位机构类别码“" + type + "”与登记管理部门码“" + authority + "”不匹配。",
                    "Position 2 (entity type) \"" + type + "\" is not valid for registering authority \""
                            + authority + "\"."));
        }
        char expectedOrg = orgCodeCheckChar(code.substring(8, 16));
        if (code.charAt(16) != expectedOrg) {
            problems.add(checksumProblem(historical, "uscc.orgCodeChecksum",
                    "第17位（组织机构代码校验码）应为“" + expectedOrg + "”，实际为“" + code.charAt(16) + "”。",
                    "Position 17 (organisation-code check character, GB 11714) should be \"" + expectedOrg
                            + "\" but is \"" + code.charAt(16) + "\"."));
        }
        char expected = checkChar(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            problems.add(checksumProblem(historical, "uscc.checksum",
                    "第18位校验码应为“" + expected + "”，实际为“" + code.charAt(17) + "”。",
                    "The check character (position 18) should be \"" + expected + "\" but is \""
                            + code.charAt(17) + "\"."));
        }
        return new CheckResult<>(code, problems);
    }

    private static Problem checksumProblem(boolean historical, String key, String zh, String en) {
        if (historical) {
            return Problem.warning(key, zh + "历史代码可保留，但必须填写原因。",
                    en + " A historical code may be kept, but a reason is required.");
        }
        return Problem.error(key, zh, en);
    }

    /**
     * Computes the 18th (GB 32100) check character.
     *
     * @param first17 the first 17 characters, all in {@link #ALPHABET}
     * @throws IllegalArgumentException when the input is not 17 characters of the alphabet
     */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("Expected 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("Character not in the GB 32100 alphabet: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * Computes the GB 11714 organisation-code check character over an 8-character body. Letters take their
     * full-alphabet values A=10 … Z=35, which differ from their GB 32100 values.
     *
     * @param first8 eight characters from 0–9 and A–Z
     * @return '0'–'9' or 'X'
     * @throws IllegalArgumentException when the input is not 8 characters of 0–9, A–Z
     */
    public static char orgCodeCheckChar(String first8) {
        if (first8 == null || first8.length() != 8) {
            throw new IllegalArgumentException("Expected 8 characters: " + first8);
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = ORG_ALPHABET.indexOf(first8.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("Character not in the GB 11714 alphabet: " + first8.charAt(i));
            }
            sum += v * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        if (c == 10) {
            return 'X';
        }
        if (c == 11) {
            return '0';
        }
        return (char) ('0' + c);
    }

    /**
     * Appends the organisation-code check character (position 17) and the GB 32100 check character (position 18) to
     * the first 16 characters, producing a code that passes {@link #check(String, boolean)} when positions 1–16 are
     * themselves valid. Used to mint demo and test codes.
     *
     * @param first16 positions 1–16, all in {@link #ALPHABET}
     * @throws IllegalArgumentException when the input is not 16 characters of the alphabet
     */
    public static String complete(String first16) {
        if (first16 == null || first16.length() != 16) {
            throw new IllegalArgumentException("Expected 16 characters: " + first16);
        }
        for (int i = 0; i < 16; i++) {
            if (ALPHABET.indexOf(first16.charAt(i)) < 0) {
                throw new IllegalArgumentException("Character not in the GB 32100 alphabet: " + first16.charAt(i));
            }
        }
        String first17 = first16 + orgCodeCheckChar(first16.substring(8, 16));
        return first17 + checkChar(first17);
    }

    /** Trim, full-width to half-width, drop whitespace and hyphen-like characters, upper-case. */
    static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\u2010'
                    || c == '\u2011' || c == '\u2012' || c == '\u2013' || c == '\u2014' || c == '\u2212') {
                continue;
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
