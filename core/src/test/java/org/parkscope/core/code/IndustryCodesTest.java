package org.parkscope.core.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryCodesTest {

    final IndustryCodes codes = IndustryCodes.load();

    @Test
    void newEnergyVehicleClassSitsInItsHierarchy() {
        IndustryCode nev = codes.find("3612").orElseThrow();
        assertThat(nev.name()).isEqualTo("新能源车整车制造");
        assertThat(nev.level()).isEqualTo(4);
        assertThat(nev.parentCode()).isEqualTo("361");

        IndustryCode group = codes.find("361").orElseThrow();
        assertThat(group.name()).isEqualTo("汽车整车制造");
        assertThat(group.level()).isEqualTo(3);
        assertThat(group.parentCode()).isEqualTo("36");

        IndustryCode division = codes.find("36").orElseThrow();
        assertThat(division.name()).isEqualTo("汽车制造业");
        assertThat(division.parentCode()).isEqualTo("C");

        IndustryCode section = codes.find("C").orElseThrow();
        assertThat(section.level()).isEqualTo(1);
        assertThat(section.name()).isEqualTo("制造业");
        assertThat(section.parentCode()).isNull();

        assertThat(codes.children("361")).extracting(IndustryCode::code).contains("3611", "3612");
        assertThat(codes.sectionOf("3612")).isEqualTo("C");
    }

    @Test
    void loadsEveryRowOfTheReferenceTables() throws IOException {
        List<String> classLines = ResourceLines.dataLines(IndustryCodes.CLASSES_RESOURCE);
        assertThat(codes.classes()).hasSize(classLines.size());

        List<String> structureLines = ResourceLines.dataLines(IndustryCodes.STRUCTURE_RESOURCE);
        for (int level = 1; level <= 3; level++) {
            String prefix = level + ",";
            long expected = structureLines.stream().filter(l -> l.startsWith(prefix)).count();
            int lvl = level;
            long loaded = structureLines.stream()
                    .map(l -> l.split(",")[1])
                    .filter(c -> codes.find(c).map(ic -> ic.level() == lvl).orElse(false))
                    .count();
            assertThat(loaded).as("level " + level).isEqualTo(expected);
        }
    }

    @Test
    void everyClassHasAGroupParentInTheSameSection() {
        for (IndustryCode c : codes.classes()) {
            IndustryCode group = codes.find(c.parentCode()).orElseThrow();
            assertThat(group.level()).isEqualTo(3);
            assertThat(group.section()).as(c.code()).isEqualTo(c.section());
            assertThat(c.code()).startsWith(group.code());
        }
    }

    @Test
    void checkNormalisesSectionPrefixedCodes() {
        CheckResult<IndustryCode> r = codes.check(" c3612 ");
        assertThat(r.ok()).isTrue();
        assertThat(r.value().code()).isEqualTo("3612");
        assertThat(codes.check("C").value().level()).isEqualTo(1);
        assertThat(codes.check("36").value().level()).isEqualTo(2);
    }

    @Test
    void checkRejectsSectionPrefixThatDoesNotMatch() {
        CheckResult<IndustryCode> r = codes.check("A3612");
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(Problem::code).containsExactly("industry.sectionMismatch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9999", "999", "00"})
    void rejectsUnknownCodes(String raw) {
        CheckResult<IndustryCode> r = codes.check(raw);
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).extracting(Problem::code).containsExactly("industry.unknown");
        assertThat(r.errors().get(0).messageZh()).contains(raw);
        assertThat(r.errors().get(0).messageEn()).contains(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "36121", "Z", "U", "3a12", "CC", ""})
    void rejectsMalformedCodes(String raw) {
        assertThat(codes.check(raw).ok()).isFalse();
        assertThat(codes.check(raw).value()).isNull();
    }

    @Test
    void industrialMeansSectionsBcd() {
        assertThat(codes.isIndustrial("3612")).isTrue();
        assertThat(codes.isIndustrial("B")).isTrue();
        assertThat(codes.isIndustrial("44")).isTrue();
        assertThat(codes.isIndustrial("6513")).isFalse();
        assertThat(codes.isIndustrial("0111")).isFalse();
        assertThat(codes.isIndustrial("9999")).isFalse();
        for (IndustryCode c : codes.classes()) {
            assertThat(codes.isIndustrial(c.code())).isEqualTo(List.of("B", "C", "D").contains(c.section()));
        }
    }

    @Test
    void loadIsCached() {
        assertThat(IndustryCodes.load()).isSameAs(codes);
    }
}
