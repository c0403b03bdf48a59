package org.parkscope.core.land;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parkscope.core.land.Obligation.Status;

class LandRulesTest {

    static final double MU_100 = 100 * 2000.0 / 3; // 100 亩 in m²

    static LandFacts facts(Map<Integer, Double> tax, Map<Integer, Double> output, int occupants, LocalDate due,
            LocalDate done, double floor, double leased, double outside) {
        return new LandFacts(7, MU_100, "工业用地", 2023, tax, output, occupants, due, done, 20.0, 300.0, floor, leased,
                outside);
    }

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
    void eachLowEfficiencyCriterionGivesItsReason() {
        LowEfficiencyCriteria c = new LowEfficiencyCriteria(List.of(new LowEfficiencyCriteria.NoTax(2),
                new LowEfficiencyCriteria.BelowContract("TAX", 0.5, 2),
                new LowEfficiencyCriteria.BelowStandard("OUTPUT", 500, 0.5, Set.of("工业用地"), 2),
                new LowEfficiencyCriteria.CompletionOverdue(2), new LowEfficiencyCriteria.ProductionStopped(1),
                new LowEfficiencyCriteria.SubletElsewhere(0.5, 0.5)));
        // A healthy parcel: tax 25 万元/亩 against 20 contracted, output 400 万元/亩, let to local tenants.
        LandFacts healthy = facts(Map.of(2022, 2400.0, 2023, 2500.0), Map.of(2022, 39000.0, 2023, 40000.0), 3,
                LocalDate.of(2015, 6, 30), LocalDate.of(2016, 1, 1), 50_000, 20_000, 0);
        assertThat(c.evaluate(healthy)).isEmpty();
        // No tax for two years, production stopped in 2023 after earlier output, completion 3 years late.
        LandFacts idle = facts(Map.of(2021, 300.0, 2022, 0.0, 2023, 0.0), Map.of(2021, 9000.0, 2022, 100.0, 2023, 0.0), 1,
                LocalDate.of(2015, 6, 30),
                LocalDate.of(2018, 9, 1), 50_000, 40_000, 30_000);
        assertThat(codes(c.evaluate(idle))).containsExactly("NO_TAX", "BELOW_CONTRACT_TAX", "BELOW_STANDARD_OUTPUT",
                "COMPLETION_OVERDUE", "PRODUCTION_STOPPED", "SUBLET_TAX_ELSEWHERE");
        assertThat(c.evaluate(idle).get(0).zh()).isEqualTo("连续 2 年（2022–2023）无税收");
        // One year without tax is not two; tax just at half the contract is not below it.
        LandFacts borderline = facts(Map.of(2022, 5.0, 2023, 1000.0), Map.of(2023, 25000.0), 1, null, null, 1, 0, 0);
        assertThat(codes(c.evaluate(borderline))).isEmpty();
        // Still not completed, more than two years after the due date.
        LandFacts unfinished = facts(Map.of(2023, 2500.0), Map.of(2023, 40000.0), 1, LocalDate.of(2020, 12, 31), null,
                1, 0, 0);
        assertThat(codes(c.evaluate(unfinished))).containsExactly("COMPLETION_OVERDUE");
        // Years whose figures have not arrived never count against a parcel.
        LandFacts noData = facts(Map.of(), Map.of(), 1, LocalDate.of(2015, 6, 30), LocalDate.of(2016, 1, 1), 1, 0, 0);
        assertThat(codes(c.evaluate(noData))).isEmpty();
        // Still being built (completion due in 2025): not judged on tax or output yet.
        LandFacts building = facts(Map.of(2023, 0.0), Map.of(2023, 0.0), 1, LocalDate.of(2025, 6, 30), null, 1, 0, 0);
        assertThat(codes(c.evaluate(building))).isEmpty();
        // Completed a year ago: the contract is not judged before two years in use.
        LandFacts young = facts(Map.of(2023, 0.0), Map.of(2023, 0.0), 1, LocalDate.of(2022, 6, 30),
                LocalDate.of(2022, 6, 1), 1, 0, 0);
        assertThat(codes(c.evaluate(young))).isEmpty();
        assertThat(c.yearsNeeded()).isEqualTo(4);
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
