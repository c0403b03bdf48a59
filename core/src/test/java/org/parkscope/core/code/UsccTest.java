package org.parkscope.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    /** Published codes verified by hand in statistics-and-codes.md §5.1. */
    static final List<String> PUBLISHED = List.of(
            "91350100M000100Y43", "91310110666007217T", "91310115591693856A", "9144030071526726XG");

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91310110666007217T", "91310115591693856A", "9144030071526726XG"})
    void acceptsPublishedCodes(String code) {
        CheckResult<String> r = Uscc.check(code, false);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100m000100y43", " 9131-0110-6660-0721-7t ", "9131 0115 5916 9385 6a",
            "９１４４０３００７１５２６７２６ＸＧ", "9144030071526726xg"})
    void normalisesCaseSpacesHyphensAndFullWidth(String raw) {
        CheckResult<String> r = Uscc.check(raw, false);
        assertThat(r.ok()).as(r.problems().toString()).isTrue();
        assertThat(PUBLISHED).contains(r.value());
    }

    @Test
    void checkCharactersMatchThePublishedCodes() {
        for (String code : PUBLISHED) {
            assertThat(Uscc.orgCodeCheckChar(code.substring(8, 16))).isEqualTo(code.charAt(16));
            assertThat(Uscc.checkChar(code.substring(0, 17))).isEqualTo(code.charAt(17));
            assertThat(Uscc.complete(code.substring(0, 16))).isEqualTo(code);
        }
    }

    @Test
    void orgCodeCheckUsesFullAlphabetValuesNotUsccValues() {
        // Worked example of §5.1: M=22, Y=34 in GB 11714 give 139, 139 mod 11 = 7, 11 - 7 = 4.
        assertThat(Uscc.orgCodeCheckChar("M000100Y")).isEqualTo('4');
    }

    @Test
    void acceptsACodeWhoseCheckCharacterIsZero() {
        String found = null;
        for (int n = 0; n < 100_000 && found == null; n++) {
            String candidate = Uscc.complete("91310117" + String.format("%08d", n));
            if (candidate.charAt(17) == '0') {
                found = candidate;
            }
        }
        assertThat(found).as("some code with check value 0").isNotNull();
        CheckResult<String> r = Uscc.check(found, false);
        assertThat(r.problems()).isEmpty();
        // Independent recomputation of the weighted sum: it must be a multiple of 31.
        int sum = 0;
        int w = 1;
        for (int i = 0; i < 17; i++) {
            sum += Uscc.ALPHABET.indexOf(found.charAt(i)) * w;
            w = w * 3 % 31;
        }
        assertThat(sum % 31).isZero();
    }

    @Test
    void acceptsOrgCodeCheckValuesTenAndEleven() {
        String withX = null;
        String withZero = null;
        for (int n = 0; n < 10_000 && (withX == null || withZero == null); n++) {
            String c = Uscc.complete("91310117" + String.format("%08d", n));
            if (c.charAt(16) == 'X') {
                withX = c;
            }
            if (c.charAt(16) == '0') {
                withZero = c;
            }
        }
        assertThat(Uscc.check(withX, false).problems()).isEmpty();
        assertThat(Uscc.check(withZero, false).problems()).isEmpty();
    }

    @Test
    void rejectsEverySingleCharacterSubstitution() {
        // Each weight 3^k mod 31 is non-zero and 31 is prime, so any single substitution in positions 1-17 changes the
        // weighted sum mod 31 and breaks the 18th character; a substitution of the 18th breaks it directly.
        for (String code : PUBLISHED) {
            for (int pos = 0; pos < 18; pos++) {
                for (char c : Uscc.ALPHABET.toCharArray()) {
                    if (c == code.charAt(pos)) {
                        continue;
                    }
                    String corrupted = code.substring(0, pos) + c + code.substring(pos + 1);
                    assertThat(Uscc.check(corrupted, false).ok()).as(corrupted).isFalse();
                }
            }
        }
    }

    @Test
    void everyCorruptionOfTheLastCharacterNamesTheExpectedOne() {
        for (String code : PUBLISHED) {
            for (char c : Uscc.ALPHABET.toCharArray()) {
                if (c == code.charAt(17)) {
                    continue;
                }
                CheckResult<String> r = Uscc.check(code.substring(0, 17) + c, false);
                assertThat(r.errors()).extracting(Problem::code).containsExactly("uscc.checksum");
                assertThat(r.errors().get(0).messageZh()).contains("“" + code.charAt(17) + "”");
                assertThat(r.errors().get(0).messageEn()).contains("\"" + code.charAt(17) + "\"");
            }
        }
    }

    @Test
    void historicalModeTurnsChecksumFailuresIntoWarnings() {
        String bad18 = "91350100M000100Y44";
        CheckResult<String> strict = Uscc.check(bad18, false);
        assertThat(strict.ok()).isFalse();
        CheckResult<String> historical = Uscc.check(bad18, true);
        assertThat(historical.ok()).isTrue();
        assertThat(historical.hasWarnings()).isTrue();
        assertThat(historical.value()).isEqualTo(bad18);
        assertThat(historical.warnings()).extracting(Problem::code).containsExactly("uscc.checksum");
        assertThat(historical.warnings().get(0).messageZh()).contains("原因");
        assertThat(historical.warnings().get(0).messageEn()).contains("reason is required");

        String badBody = "91350100M000100Y53";
        CheckResult<String> h2 = Uscc.check(badBody, true);
        assertThat(h2.ok()).isTrue();
        assertThat(h2.warnings()).extracting(Problem::code).contains("uscc.orgCodeChecksum");
        assertThat(Uscc.check(badBody, false).errors()).extracting(Problem::code).contains("uscc.orgCodeChecksum");
    }

    @Test
    void historicalModeDoesNotExcuseStructuralErrors() {
        assertThat(Uscc.check("91350100M000100Y4", true).ok()).isFalse();
        assertThat(Uscc.check("9I350100M000100Y43", true).ok()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void rejectsExcludedLetters(char letter) {
        String code = "91310110666007217T".substring(0, 10) + letter + "91310110666007217T".substring(11);
        CheckResult<String> r = Uscc.check(code, true);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(Problem::code).contains("uscc.charset");
        assertThat(r.value()).isNull();
    }

    @Test
    void rejectsWrongLengthAndEmpty() {
        assertThat(Uscc.check("91310110666007217", false).errors()).extracting(Problem::code)
                .contains("uscc.length");
        assertThat(Uscc.check("91310110666007217TT", false).errors()).extracting(Problem::code)
                .contains("uscc.length");
        assertThat(Uscc.check(null, false).errors()).extracting(Problem::code).containsExactly("uscc.empty");
        assertThat(Uscc.check("  - ", false).errors()).extracting(Problem::code).containsExactly("uscc.empty");
    }

    @Test
    void rejectsLettersInTheAreaPart() {
        String code = Uscc.complete("9131A110666007" + "21");
        assertThat(Uscc.check(code, false).errors()).extracting(Problem::code).containsExactly("uscc.format");
    }

    @Test
    void acceptsRetiredAreaCodes() {
        String code = Uscc.complete("91120222" + "MA05K1L5");
        CheckResult<String> r = Uscc.check(code, false);
        assertThat(r.problems()).isEmpty();
        assertThat(r.value().substring(2, 8)).isEqualTo("120222");
    }

    @Test
    void checksAuthorityAndEntityTypeCombinations() {
        for (String prefix : List.of("11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93",
                "Y1", "Y2", "Y3", "Y9", "31", "35", "N2", "A1", "G9")) {
            assertThat(Uscc.check(Uscc.complete(prefix + "310117" + "MA1GT0K2"), false).problems())
                    .as(prefix).isEmpty();
        }
        for (String prefix : List.of("99", "94", "14", "54", "Y4", "H1", "10", "3A", "01")) {
            CheckResult<String> r = Uscc.check(Uscc.complete(prefix + "310117" + "MA1GT0K2"), false);
            assertThat(r.ok()).as(prefix).isFalse();
            assertThat(r.errors()).extracting(Problem::code).containsAnyOf("uscc.authority", "uscc.category");
        }
    }

    @Test
    void helpersRejectMalformedInput() {
        assertThatThrownBy(() -> Uscc.checkChar("123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.checkChar("9131011066600721I")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.orgCodeCheckChar("1234567")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.complete("913101106660072O")).isInstanceOf(IllegalArgumentException.class);
    }
}
