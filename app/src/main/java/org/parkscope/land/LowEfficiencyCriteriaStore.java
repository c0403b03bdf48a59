package org.parkscope.land;

import jakarta.annotation.PostConstruct;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.land.LowEfficiencyCriteria;
import org.parkscope.core.land.LowEfficiencyCriteria.Criterion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the configured low-efficiency criteria into {@code low_efficiency_criterion} on start, where the SQL rule
 * reads them. When they differ from the stored ones (a new file, a changed threshold), every parcel's kept findings
 * are recomputed in the same transaction and the land data gets a new version.
 */
@Component
class LowEfficiencyCriteriaStore {

    /** One criterion as a row of {@code low_efficiency_criterion}. */
    record Row(int ord, String kind, @Nullable String metric, @Nullable Integer years, @Nullable Double share,
            @Nullable Double standardPerMu, Set<String> landUses, @Nullable Integer minYearsInUse,
            @Nullable Double leasedShare, @Nullable Double outsideShare) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final LowEfficiencyConfig config;

    LowEfficiencyCriteriaStore(JdbcClient jdbc, TransactionTemplate tx, LowEfficiencyConfig config) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.config = config;
    }

    @PostConstruct
    void store() {
        List<Row> wanted = rows(config.criteria());
        tx.executeWithoutResult(s -> {
            jdbc.sql("select lock_stored_facts()").query().listOfRows();
            if (stored().equals(wanted)) {
                return;
            }
            write(config.criteria());
            jdbc.sql("select refresh_low_efficiency(null), land_facts_touch_all()").query().listOfRows();
        });
    }

    /** Replaces the stored criteria by {@code criteria}, in the caller's transaction; the findings are not refreshed. */
    void write(LowEfficiencyCriteria criteria) {
        jdbc.sql("delete from low_efficiency_criterion").update();
        for (Row r : rows(criteria)) {
            jdbc.sql("""
                    insert into low_efficiency_criterion(ord, kind, metric, n_years, share, standard_per_mu, land_uses,
                                                         min_years_in_use, leased_share, outside_share)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.ord(), r.kind(), r.metric(), r.years(), r.share(), r.standardPerMu(),
                            r.landUses().toArray(new String[0]), r.minYearsInUse(), r.leasedShare(), r.outsideShare())
                    .update();
        }
    }

    private List<Row> stored() {
        return jdbc.sql("select * from low_efficiency_criterion order by ord").query((rs, n) -> new Row(rs.getInt("ord"),
                rs.getString("kind"), rs.getString("metric"), (Integer) rs.getObject("n_years"),
                number(rs.getBigDecimal("share")), number(rs.getBigDecimal("standard_per_mu")),
                new TreeSet<>(List.of((String[]) rs.getArray("land_uses").getArray())),
                (Integer) rs.getObject("min_years_in_use"), number(rs.getBigDecimal("leased_share")),
                number(rs.getBigDecimal("outside_share")))).list();
    }

    static List<Row> rows(LowEfficiencyCriteria criteria) {
        List<Row> out = new ArrayList<>();
        for (Criterion c : criteria.criteria()) {
            out.add(row(out.size() + 1, c));
        }
        return out;
    }

    private static Row row(int ord, Criterion c) {
        Set<String> none = new TreeSet<>();
        if (c instanceof LowEfficiencyCriteria.NoTax t) {
            return new Row(ord, "NO_TAX", null, t.years(), null, null, none, null, null, null);
        } else if (c instanceof LowEfficiencyCriteria.BelowContract b) {
            return new Row(ord, "BELOW_CONTRACT", b.metric(), null, b.share(), null, none, b.minYearsInUse(), null, null);
        } else if (c instanceof LowEfficiencyCriteria.BelowStandard b) {
            return new Row(ord, "BELOW_STANDARD", b.metric(), null, b.share(), b.standardPerMu(),
                    new TreeSet<>(b.landUses()), b.minYearsInUse(), null, null);
        } else if (c instanceof LowEfficiencyCriteria.CompletionOverdue o) {
            return new Row(ord, "COMPLETION_OVERDUE", null, o.years(), null, null, none, null, null, null);
        } else if (c instanceof LowEfficiencyCriteria.ProductionStopped p) {
            return new Row(ord, "PRODUCTION_STOPPED", null, p.years(), null, null, none, null, null, null);
        }
        LowEfficiencyCriteria.SubletElsewhere s = (LowEfficiencyCriteria.SubletElsewhere) c;
        return new Row(ord, "SUBLET_ELSEWHERE", null, null, null, null, none, null, s.leasedShare(), s.outsideShare());
    }

    private static @Nullable Double number(@Nullable BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }
}
