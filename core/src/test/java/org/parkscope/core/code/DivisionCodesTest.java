package org.parkscope.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DivisionCodesTest {

    final DivisionCodes divisions = DivisionCodes.load();

    @ParameterizedTest
    @ValueSource(strings = {"310117102", "310117102000", " 310117102000 "})
    void sijingIsATownInSongjiang(String code) {
        Town sijing = divisions.town(code).orElseThrow();
        assertThat(sijing.name()).isEqualTo("泗泾镇");
        assertThat(sijing.code9()).isEqualTo("310117102");
        assertThat(sijing.code12()).isEqualTo("310117102000");
        assertThat(sijing.countyCode()).isEqualTo("310117");
        assertThat(sijing.countyName()).isEqualTo("松江区");
        assertThat(sijing.kind()).isEqualTo(TownKind.TOWN);

        CheckResult<String> r = divisions.checkTown(code);
        assertThat(r.problems()).isEmpty();
        assertThat(r.value()).isEqualTo("310117102");
    }

    @Test
    void songjiangIndustrialZoneIsNeitherTownNorSubdistrict() {
        Town zone = divisions.town("310117501").orElseThrow();
        assertThat(zone.kind()).isEqualTo(TownKind.SPECIAL_ZONE);
        assertThat(zone.kind()).isNotIn(TownKind.TOWN, TownKind.SUBDISTRICT);
        assertThat(divisions.checkTown("310117501000").problems()).isEmpty();
    }

    @Test
    void townsOfSongjiangContainSijingAndAllBelongToTheCounty() {
        List<Town> songjiang = divisions.townsOf("310117");
        assertThat(songjiang).extracting(Town::name).contains("泗泾镇", "佘山镇");
        assertThat(songjiang).allSatisfy(t -> assertThat(t.code9()).startsWith("310117"));
        assertThat(divisions.townsOf("110101")).isEmpty();
    }

    @Test
    void everyRowOfTheTableIsLoaded() throws IOException {
        List<String> lines = ResourceLines.dataLines(DivisionCodes.TOWNS_RESOURCE);
        for (String line : lines) {
            String code9 = line.split(",")[0];
            assertThat(divisions.town(code9)).as(code9).isPresent();
        }
        long loaded = lines.stream().map(l -> l.split(",")[3]).distinct()
                .mapToLong(c -> divisions.townsOf(c).size()).sum();
        assertThat(loaded).isEqualTo(lines.size());
    }

    @Test
    void kindsFollowGbt10114Ranges() {
        assertThat(TownKind.ofDigits(1)).isEqualTo(TownKind.SUBDISTRICT);
        assertThat(TownKind.ofDigits(99)).isEqualTo(TownKind.SUBDISTRICT);
        assertThat(TownKind.ofDigits(100)).isEqualTo(TownKind.TOWN);
        assertThat(TownKind.ofDigits(199)).isEqualTo(TownKind.TOWN);
        assertThat(TownKind.ofDigits(200)).isEqualTo(TownKind.TOWNSHIP);
        assertThat(TownKind.ofDigits(299)).isEqualTo(TownKind.TOWNSHIP);
        assertThat(TownKind.ofDigits(300)).isEqualTo(TownKind.UNASSIGNED);
        assertThat(TownKind.ofDigits(400)).isEqualTo(TownKind.SPECIAL_ZONE);
        assertThat(TownKind.ofDigits(599)).isEqualTo(TownKind.SPECIAL_ZONE);
        assertThat(TownKind.ofDigits(600)).isEqualTo(TownKind.UNASSIGNED);
    }

    @Test
    void townKindsOfLoadedDataMatchTheirNames() {
        for (Town t : divisions.townsOf("310117")) {
            if (t.name().endsWith("街道")) {
                assertThat(t.kind()).as(t.name()).isEqualTo(TownKind.SUBDISTRICT);
            } else if (t.name().endsWith("镇")) {
                assertThat(t.kind()).as(t.name()).isEqualTo(TownKind.TOWN);
            }
        }
    }

    @Test
    void checkTownRejectsMalformedAndVillageLevelCodes() {
        assertThat(divisions.checkTown("31011710").errors()).extracting(Problem::code)
                .containsExactly("division.town.format");
        assertThat(divisions.checkTown("310117102001").errors()).extracting(Problem::code)
                .containsExactly("division.town.villageLevel");
        assertThat(divisions.checkTown("310117000").errors()).extracting(Problem::code)
                .containsExactly("division.town.countyItself");
        assertThat(divisions.checkTown(null).ok()).isFalse();
    }

    @Test
    void checkTownOutsideShanghaiIsStructuralOnly() {
        CheckResult<String> r = divisions.checkTown("330302101000");
        assertThat(r.problems()).isEmpty();
        assertThat(r.value()).isEqualTo("330302101");
    }

    @Test
    void unknownShanghaiTownAndOddRangeAreWarnings() {
        CheckResult<String> unknown = divisions.checkTown("310117198");
        assertThat(unknown.ok()).isTrue();
        assertThat(unknown.warnings()).extracting(Problem::code).containsExactly("division.town.unknown");

        CheckResult<String> odd = divisions.checkTown("330302650");
        assertThat(odd.ok()).isTrue();
        assertThat(odd.warnings()).extracting(Problem::code).containsExactly("division.town.range");
    }

    @Test
    void checkCountyStructure() {
        assertThat(divisions.checkCounty("310117").problems()).isEmpty();
        assertThat(divisions.checkCounty("120222").problems()).isEmpty();
        assertThat(divisions.checkCounty("429004").problems()).isEmpty();
        assertThat(divisions.checkCounty("31011").errors()).extracting(Problem::code)
                .containsExactly("division.county.format");
        assertThat(divisions.checkCounty("991234").errors()).extracting(Problem::code)
                .containsExactly("division.province");
        assertThat(divisions.checkCounty("310100").errors()).extracting(Problem::code)
                .containsExactly("division.notCounty");
        assertThat(divisions.checkCounty("310000").errors()).extracting(Problem::code)
                .containsExactly("division.notCounty");
        assertThat(divisions.checkCounty("337501").warnings()).extracting(Problem::code)
                .containsExactly("division.prefectureRange");
    }

    @Test
    void retiredShanghaiCountyIsAWarningNotAnError() {
        CheckResult<String> r = divisions.checkCounty("310230");
        assertThat(r.ok()).isTrue();
        assertThat(r.value()).isEqualTo("310230");
        assertThat(r.warnings()).extracting(Problem::code).containsExactly("division.county.unknown");
    }
}
