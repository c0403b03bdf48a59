package org.parkscope.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The town's cluster and SEI figures from the stored facts (V017 {@code park_year}, {@code cluster_park},
 * {@code cluster_park_year}), shown on the town dashboard and on the cluster page. Here, between the two, so that
 * neither the dashboard nor the chains depend on the other.
 */
@Component
public class ClusterFigures {

    /** Share of strategic-emerging-industry (SEI) output in above-scale industrial output. */
    public record SeiShare(BigDecimal seiOutputWan, BigDecimal totalOutputWan, @Nullable BigDecimal percent) {}

    public record ClusterFigure(String code, String name, String tier, long members, BigDecimal revenueWan,
            BigDecimal outputWan) {}

    private final JdbcClient jdbc;

    public ClusterFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * SEI output over 规上 industrial output, current firms only (active or suspended). A firm counts as SEI by its own
     * SEI codes or by capacity on a chain node that carries SEI categories (V017 {@code sei_firm_of}).
     */
    public SeiShare seiShare(Scope scope, int year) {
        var row = ScopeParams.bind(jdbc.sql("""
                select coalesce(sum(f.sei_output), 0) as sei, coalesce(sum(f.industrial_output), 0) as total
                from park_year f where f.year = :year and %s
                """.formatted(Scope.parkCondition("f.park_id"))), scope).param("year", year)
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal("sei"), rs.getBigDecimal("total")}).single();
        BigDecimal percent = row[1].signum() == 0 ? null
                : row[0].multiply(BigDecimal.valueOf(100)).divide(row[1], 2, RoundingMode.HALF_UP);
        return new SeiShare(row[0], row[1], percent);
    }

    /** Revenue of the members of any cluster, each firm once; membership as configured (V017 {@code cluster_membership_of}). */
    public BigDecimal keyClusterRevenue(Scope scope, int year) {
        return ScopeParams.bind(jdbc.sql("select coalesce(sum(f.cluster_revenue), 0) from park_year f where f.year = :year"
                + " and " + Scope.parkCondition("f.park_id")), scope).param("year", year).query(BigDecimal.class).single();
    }

    /** Each cluster's members, revenue and output; membership as configured (V017 {@code cluster_membership_of}). */
    public List<ClusterFigure> clusters(Scope scope, int year) {
        return ScopeParams.bind(jdbc.sql("""
                select c.code, c.name, c.tier,
                       coalesce((select sum(m.members) from cluster_park m where m.cluster_id = c.id and %1$s), 0)
                           as members,
                       coalesce(sum(f.revenue), 0) as revenue_wan, coalesce(sum(f.output), 0) as output_wan
                from cluster c
                left join cluster_park_year f on f.cluster_id = c.id and f.year = :year and %2$s
                group by c.id, c.code, c.name, c.tier
                order by c.id
                """.formatted(Scope.parkCondition("m.park_id"), Scope.parkCondition("f.park_id"))), scope)
                .param("year", year).query(RecordRows.of(ClusterFigure.class)).list();
    }
}
