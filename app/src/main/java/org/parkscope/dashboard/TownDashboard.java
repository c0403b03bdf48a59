package org.parkscope.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.chain.ClusterConfig;
import org.parkscope.park.ParkQueries;
import org.parkscope.park.ParkQueries.ParkSummary;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The town's headline figures, computed live from the registry: nothing here is stored as a number. Each method
 * takes a {@link Scope}, so a park operator's dashboard shows the same figures for its own parks.
 */
@Service
public class TownDashboard {

    /** Industrial sections B, C and D are divisions 06–46 of GB/T 4754-2017. */
    static final String INDUSTRIAL = "cast(substr(e.industry_code, 1, 2) as int) between 6 and 46";

    private final JdbcClient jdbc;
    private final ParkQueries parks;
    private final String featuredParkCode;

    public TownDashboard(JdbcClient jdbc, ParkQueries parks,
            @Value("${parkscope.dashboard.featured-park:SLS}") String featuredParkCode) {
        this.jdbc = jdbc;
        this.parks = parks;
        this.featuredParkCode = featuredParkCode;
    }

    /** A park singled out on the dashboard (a revitalisation case): land, tax and goods sales in one year. */
    public record FeaturedPark(long id, String name, BigDecimal landM2, BigDecimal landMu, BigDecimal taxWan,
            BigDecimal goodsSalesWan) {}

    /** Share of strategic-emerging-industry (SEI) output in above-scale industrial output. */
    public record SeiShare(BigDecimal seiOutputWan, BigDecimal totalOutputWan, @Nullable BigDecimal percent) {}

    public record ClusterFigure(String code, String name, String tier, long members, BigDecimal revenueWan,
            BigDecimal outputWan) {}

    public record Figures(int year, LocalDate asOf, long parkCount, @Nullable FeaturedPark featured, SeiShare seiShare,
            BigDecimal keyClusterRevenueWan, List<ClusterFigure> clusters, Map<QualificationGroup, Long> qualified,
            List<ParkSummary> parks) {}

    public Figures figures(Scope scope, int year, LocalDate asOf) {
        long parkCount = ScopeParams.bind(jdbc.sql("select count(*) from park p where " + Scope.parkCondition("p.id")),
                scope).query(Long.class).single();
        return new Figures(year, asOf, parkCount, featured(scope, year), seiShare(scope, year),
                keyClusterRevenue(scope, year), clusters(scope, year), qualified(scope, asOf),
                parks.summaries(scope, year));
    }

    @Nullable
    FeaturedPark featured(Scope scope, int year) {
        return parks.summaries(scope, year).stream().filter(p -> p.code().equals(featuredParkCode)).findFirst()
                .map(p -> new FeaturedPark(p.id(), p.name(), p.landM2(), p.landMu(), p.taxWan(), p.goodsSalesWan()))
                .orElse(null);
    }

    /**
     * SEI output over 规上 industrial output, current firms only (active or suspended). A firm counts as SEI by its own SEI codes or by an auto or confirmed link
     * to a chain node that carries SEI categories ({@link ClusterConfig#SEI_FIRM}).
     */
    public SeiShare seiShare(Scope scope, int year) {
        var row = ScopeParams.bind(jdbc.sql("""
                select coalesce(sum(v.value) filter (where %s), 0) as sei,
                       coalesce(sum(v.value), 0) as total
                from enterprise e
                join indicator_value v on v.enterprise_id = e.id and v.metric = 'OUTPUT' and v.period = :period
                where e.above_scale and %s and %s and %s
                """.formatted(ClusterConfig.SEI_FIRM, INDUSTRIAL, org.parkscope.chain.ChainAnalysis.CURRENT,
                        Scope.condition("e.park_id", "e.id"))), scope)
                .param("period", String.valueOf(year))
                .query((rs, n) -> new BigDecimal[] {rs.getBigDecimal("sei"), rs.getBigDecimal("total")}).single();
        BigDecimal percent = row[1].signum() == 0 ? null
                : row[0].multiply(BigDecimal.valueOf(100)).divide(row[1], 2, RoundingMode.HALF_UP);
        return new SeiShare(row[0], row[1], percent);
    }

    /**
     * Revenue of the members of any cluster, each firm once; membership as configured ({@link ClusterConfig}). Written
     * as {@code in (…)} so that PostgreSQL 15 hashes the membership once (a correlated {@code exists} over the union
     * took it 20 s on the demo town; 0.1 s this way).
     */
    public BigDecimal keyClusterRevenue(Scope scope, int year) {
        return ScopeParams.bind(jdbc.sql(ClusterConfig.MEMBERS_CTE + """
                select coalesce(sum(v.value), 0)
                from enterprise e
                join indicator_value v on v.enterprise_id = e.id and v.metric = 'REVENUE' and v.period = :period
                where e.id in (select m.enterprise_id from cluster_members m) and %s
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope)
                .param("period", String.valueOf(year)).query(BigDecimal.class).single();
    }

    /** Each cluster's members, revenue and output; membership as configured ({@link ClusterConfig}). */
    public List<ClusterFigure> clusters(Scope scope, int year) {
        return ScopeParams.bind(jdbc.sql(ClusterConfig.MEMBERS_CTE + """
                select c.code, c.name, c.tier,
                       count(distinct e.id) as members,
                       coalesce(sum(r.value), 0) as revenue_wan,
                       coalesce(sum(o.value), 0) as output_wan
                from cluster c
                left join cluster_members m on m.cluster_id = c.id
                left join enterprise e on e.id = m.enterprise_id and %s
                left join indicator_value r on r.enterprise_id = e.id and r.metric = 'REVENUE' and r.period = :period
                left join indicator_value o on o.enterprise_id = e.id and o.metric = 'OUTPUT' and o.period = :period
                group by c.id, c.code, c.name, c.tier
                order by c.id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope)
                .param("period", String.valueOf(year)).query(ClusterFigure.class).list();
    }

    Map<QualificationGroup, Long> qualified(Scope scope, LocalDate asOf) {
        Map<QualificationGroup, Long> counts = new LinkedHashMap<>();
        for (QualificationGroup g : QualificationGroup.values()) {
            long n = ScopeParams.bind(jdbc.sql("""
                    select count(distinct q.enterprise_id)
                    from qualification q join enterprise e on e.id = q.enterprise_id
                    where q.type = any(cast(:types as varchar[])) and q.issued_on <= :asOf
                      and (q.expires_on is null or q.expires_on >= :asOf) and %s
                    """.formatted(Scope.condition("e.park_id", "e.id"))), scope)
                    .param("types", g.types().toArray(new String[0])).param("asOf", asOf)
                    .query(Long.class).single();
            counts.put(g, n);
        }
        return counts;
    }
}
