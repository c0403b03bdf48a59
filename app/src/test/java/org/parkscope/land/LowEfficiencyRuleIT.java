package org.parkscope.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.core.land.Finding;
import org.parkscope.core.land.LowEfficiencyCriteria;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The low-efficiency rule (V022's SQL function {@code low_efficiency_reasons}) on hand-made parcels: each criterion
 * gives its reason, with its words from the message files. Criteria are written the way the platform writes its
 * configured ones on start, inside a transaction that is rolled back.
 */
@PlatformTest
class LowEfficiencyRuleIT {

    static final double MU_90 = 60_000; // 90 亩 in m², exactly

    static final LowEfficiencyCriteria CRITERIA = new LowEfficiencyCriteria(List.of(new LowEfficiencyCriteria.NoTax(2),
            new LowEfficiencyCriteria.BelowContract("TAX", 0.5, 2),
            new LowEfficiencyCriteria.BelowStandard("OUTPUT", 500, 0.5, Set.of("工业用地"), 2),
            new LowEfficiencyCriteria.CompletionOverdue(2), new LowEfficiencyCriteria.ProductionStopped(1),
            new LowEfficiencyCriteria.SubletElsewhere(0.5, 0.5)));

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired LowEfficiencyTexts texts;
    @Autowired LowEfficiencyCriteriaStore store;

    /** A parcel of 90 亩 of industrial land with contract targets of 20 万元 tax and 300 万元 output per 亩, in 2023. */
    record Parcel(Map<Integer, Double> tax, Map<Integer, Double> output, int occupants, @Nullable LocalDate due,
            @Nullable LocalDate done, double floor, double leased, double outside) {}

    private List<List<Finding>> judge(Parcel... parcels) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            store.write(CRITERIA);
            return java.util.Arrays.stream(parcels).map(this::judge).toList();
        });
    }

    private List<Finding> judge(Parcel p) {
        Set<Integer> years = new TreeSet<>(p.tax().keySet());
        years.addAll(p.output().keySet());
        String json = jdbc.sql("""
                select low_efficiency_reasons(2023, cast(? as numeric), text '工业用地', ?, cast(? as numeric),
                                              cast(? as numeric), cast(? as numeric), cast(? as date), cast(? as date), 20.0, 300.0,
                                              cast(? as int[]), cast(? as numeric[]), cast(? as numeric[]))::text""")
                .params(MU_90, p.occupants(), p.floor(), p.leased(), p.outside(), p.due(), p.done(),
                        years.toArray(new Integer[0]),
                        years.stream().map(y -> p.tax().getOrDefault(y, 0.0)).toArray(Double[]::new),
                        years.stream().map(y -> p.output().getOrDefault(y, 0.0)).toArray(Double[]::new))
                .query(String.class).single();
        return texts.reasons(json, 2023);
    }

    private static List<String> codes(List<Finding> f) {
        return f.stream().map(Finding::code).toList();
    }

    @Test
    void eachCriterionGivesItsReason() {
        List<List<Finding>> judged = judge(
                // A healthy parcel: tax 25 万元/亩 against 20 contracted, output 400 万元/亩, let to local tenants.
                new Parcel(Map.of(2022, 2160.0, 2023, 2250.0), Map.of(2022, 35100.0, 2023, 36000.0), 3,
                        LocalDate.of(2015, 6, 30), LocalDate.of(2016, 1, 1), 50_000, 20_000, 0),
                // No tax for two years, production stopped in 2023 after earlier output, completion 3 years late.
                new Parcel(Map.of(2021, 270.0, 2022, 0.0, 2023, 0.0), Map.of(2021, 8100.0, 2022, 90.0, 2023, 0.0), 1,
                        LocalDate.of(2015, 6, 30), LocalDate.of(2018, 9, 1), 50_000, 40_000, 30_000),
                // One year without tax is not two; tax and output just at half the contract and the standard are not below.
                new Parcel(Map.of(2022, 4.5, 2023, 900.0), Map.of(2023, 22500.0), 1, null, null, 1, 0, 0),
                // Still not completed, more than two years after the due date.
                new Parcel(Map.of(2023, 2250.0), Map.of(2023, 36000.0), 1, LocalDate.of(2020, 12, 31), null, 1, 0, 0),
                // Years whose figures have not arrived never count against a parcel.
                new Parcel(Map.of(), Map.of(), 1, LocalDate.of(2015, 6, 30), LocalDate.of(2016, 1, 1), 1, 0, 0),
                // Still being built (completion due in 2025): not judged on tax or output yet.
                new Parcel(Map.of(2023, 0.0), Map.of(2023, 0.0), 1, LocalDate.of(2025, 6, 30), null, 1, 0, 0),
                // Completed a year ago: the contract is not judged before two years in use.
                new Parcel(Map.of(2023, 0.0), Map.of(2023, 0.0), 1, LocalDate.of(2022, 6, 30), LocalDate.of(2022, 6, 1),
                        1, 0, 0));
        assertThat(judged.get(0)).isEmpty();
        List<Finding> idle = judged.get(1);
        assertThat(codes(idle)).containsExactly("NO_TAX", "BELOW_CONTRACT_TAX", "BELOW_STANDARD_OUTPUT",
                "COMPLETION_OVERDUE", "PRODUCTION_STOPPED", "SUBLET_TAX_ELSEWHERE");
        assertThat(idle).extracting(Finding::zh).containsExactly("连续 2 年（2022–2023）无税收",
                "2023 年亩均税收 0.00 万元/亩，低于出让合同约定 20.00 的 50%",
                "2023 年亩均产值 0.00 万元/亩，低于标准 500.00 的 50%（250.00）",
                "合同约定 2015-06-30 竣工，实际 2018-09-01 竣工，逾期超过 2 年",
                "停产已满 1 年（2023 年起无产值、无营收）",
                "80% 的建筑面积出租，其中 75% 由在镇外纳税的企业承租（厂中厂）");
        assertThat(idle.get(0).en()).isEqualTo("No tax paid for 2 years (2022–2023)");
        assertThat(idle.get(1).en()).isEqualTo("Tax per mu in 2023 was 0.00 万元, below 50% of the contract's 20.00");
        assertThat(codes(judged.get(2))).isEmpty();
        assertThat(codes(judged.get(3))).containsExactly("COMPLETION_OVERDUE");
        assertThat(judged.get(3).get(0).en())
                .isEqualTo("Completion was due on 2020-12-31 and is still outstanding on 2023-12-31, more than 2 years late");
        assertThat(codes(judged.get(4))).isEmpty();
        assertThat(codes(judged.get(5))).isEmpty();
        assertThat(codes(judged.get(6))).isEmpty();
    }
}
