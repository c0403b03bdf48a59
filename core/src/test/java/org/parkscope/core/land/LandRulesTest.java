package org.parkscope.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkscope.core.land.Obligation.Status;

class LandRulesTest {

    static List<String> codes(List<Finding> f) {
        return f.stream().map(Finding::code).toList();
    }

    @Test
    void parcelChecksFlagAreaDifferencesAboveFivePercentOnly() {
        assertThat(codes(ParcelChecks.check(10_000, 10_490.0, 5000, 4000, List.of()))).isEmpty();
        assertThat(codes(ParcelChecks.check(10_000, 10_510.0, 5000, 4000, List.of()))).containsExactly("AREA_MISMATCH");
        assertThat(codes(ParcelChecks.check(10_000, 9_490.0, 5000, 4000, List.of()))).containsExactly("AREA_MISMATCH");
        assertThat(codes(ParcelChecks.check(10_000, null, 5000, 6000,
                List.of(new ParcelChecks.Tenant("甲", 100, true, false), new ParcelChecks.Tenant("乙", 50, false, true)))))
                .containsExactly("NO_POLYGON", "LEASED_ABOVE_FLOOR", "TENANT_TAX_OUTSIDE", "TENANT_REGISTERED_OUTSIDE");
        assertThat(ParcelChecks.check(10_000, 10_510.0, 0, 0, List.of()).get(0).zh()).contains("+5.1%");
    }

    @Test
    void lowEfficiencyCriteriaNeedAtLeastOne() {
        // What the criteria find is tested against the SQL rule that applies them (LowEfficiencyRuleIT).
        assertThatThrownBy(() -> new LowEfficiencyCriteria(List.of())).hasMessageContaining("至少");
    }

    @Test
    void obligationChecksAreMetMissedOrNotYetDue() {
        Obligation taxPerMu = new Obligation("TAX", "亩均税收", 20, "万元/亩", true, false, "COMPLETION", 3, 5, 0.1,
                "限期整改");
        Map<Integer, Double> tax = Map.of(2019, 1850.0, 2024, 1500.0);
        List<Obligation.Check> checks = taxPerMu.evaluate(LocalDate.of(2014, 3, 1), LocalDate.of(2016, 5, 1),
                LocalDate.of(2034, 2, 28), 100, tax, 2024);
        assertThat(checks).extracting(Obligation.Check::year).containsExactly(2019, 2024, 2029);
        assertThat(checks).extracting(Obligation.Check::status).containsExactly(Status.MET, Status.MISSED, Status.NOT_DUE);
        assertThat(checks.get(0).kind()).isEqualTo("FULL_PRODUCTION");
        assertThat(checks.get(1).kind()).isEqualTo("REVIEW");
        assertThat(checks.get(1).round()).isEqualTo(1);
        assertThat(checks.get(0).actual()).isCloseTo(18.5, within(1e-9)); // 18.5 ≥ 20 × 0.9
        Obligation energy = new Obligation("ENERGY", "能耗", 1000, "吨标准煤", false, true, "SIGNING", 2, 0, 0, "");
        assertThat(energy.evaluate(LocalDate.of(2020, 1, 1), null, null, 100, Map.of(2022, 1001.0), 2023))
                .extracting(Obligation.Check::status).containsExactly(Status.MISSED);
        assertThat(energy.evaluate(LocalDate.of(2020, 1, 1), null, null, 100, Map.of(), 2023))
                .extracting(Obligation.Check::status).containsExactly(Status.NO_DATA);
        assertThat(taxPerMu.evaluate(LocalDate.of(2020, 1, 1), null, null, 100, tax, 2023))
                .extracting(Obligation.Check::status).containsExactly(Status.NOT_DUE);
        assertThatThrownBy(() -> new Obligation("TAX", "", 1, "", true, false, "LATER", 1, 0, 0, ""))
                .hasMessageContaining("COMPLETION");
    }

    @Test
    void revitalisationEffectIsAMultipleOfTheBaseline() {
        List<Revitalisation.Effect> e = Revitalisation.effect(2019, 157, List.of(
                new Revitalisation.YearFigures(2018, 1, 50, 0, 0, 0),
                new Revitalisation.YearFigures(2019, 2, 100, 5000, 4000, 0),
                new Revitalisation.YearFigures(2023, 30, 3500, 520000, 0, 500000)));
        assertThat(e).extracting(Revitalisation.Effect::year).containsExactly(2019, 2023);
        assertThat(e.get(0).baseline()).isTrue();
        assertThat(e.get(1).taxMultiple()).isEqualTo(35.0);
        assertThat(e.get(1).taxPerMu()).isCloseTo(22.29, within(0.01));
    }
}
