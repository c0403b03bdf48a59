package org.parkscope.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.core.code.IndustryCode;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.core.unit.Area;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The named SQL rules (V016) agree with their Java counterparts in core. */
@PlatformTest
class DerivedRulesIT {

    @Autowired JdbcClient jdbc;

    @Test
    void muIsTheCoreConversion() {
        for (String m2 : List.of("0", "1", "666.67", "104666.67", "0.01", "123456789.99")) {
            BigDecimal sql = jdbc.sql("select mu(cast(? as numeric))").param(m2).query(BigDecimal.class).single();
            assertThat(sql).as(m2).isEqualByComparingTo(new Area(new BigDecimal(m2)).toMu());
        }
    }

    @Test
    void industrialIsSectionsBToDOfTheCatalogue() {
        IndustryCodes codes = IndustryCodes.load();
        List<String> all = codes.classes().stream().map(IndustryCode::code).toList();
        List<String> industrialInSql = jdbc.sql("select c from unnest(cast(? as varchar[])) c where is_industrial(c)")
                .param(all.toArray(String[]::new)).query(String.class).list();
        assertThat(industrialInSql).containsExactlyInAnyOrderElementsOf(all.stream().filter(codes::isIndustrial).toList());
        assertThat(jdbc.sql("select is_industrial(null) or is_industrial('') or is_industrial('C3')")
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void inForceIncludesBothEndsAndOpenSpans() {
        LocalDate from = LocalDate.of(2023, 3, 1);
        LocalDate to = LocalDate.of(2023, 12, 31);
        assertThat(inForce(from, to, from)).isTrue();
        assertThat(inForce(from, to, to)).isTrue();
        assertThat(inForce(from, to, to.plusDays(1))).isFalse();
        assertThat(inForce(from, to, from.minusDays(1))).isFalse();
        assertThat(inForce(from, null, LocalDate.of(2099, 1, 1))).isTrue();
        assertThat(jdbc.sql("select in_force_during(?, ?, 2024)").params(from, to).query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select in_force_during(?, ?, 2023)").params(to, null).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select in_force_during(?, ?, 2022)").params(from, null).query(Boolean.class).single()).isFalse();
    }

    @Test
    void occupancyAtIsTheOccupanciesInForce() {
        LocalDate day = LocalDate.of(2023, 12, 31);
        long viaFunction = jdbc.sql("select count(*) from occupancy_at(?)").param(day).query(Long.class).single();
        long direct = jdbc.sql("select count(*) from occupancy where valid_from <= ? and (valid_to is null or valid_to >= ?)")
                .params(day, day).query(Long.class).single();
        assertThat(viaFunction).isEqualTo(direct).isPositive();
    }

    private boolean inForce(LocalDate from, LocalDate to, LocalDate day) {
        return jdbc.sql("select in_force(?, ?, ?)").params(from, to, day).query(Boolean.class).single();
    }
}
