package org.parkscope.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.park.ParkQueries;
import org.parkscope.park.ParkQueries.ParkSummary;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The town's headline figures, added up from the stored park and cluster facts (V017: {@code park_year},
 * {@code cluster_park}, {@code cluster_park_year}), which the database keeps in step with the registry rows they are
 * derived from. Each method takes a {@link Scope}, so a park operator's dashboard shows the same figures for its own
 * parks; an enterprise scope sees no aggregate (they add up other firms' figures).
 */
@Service
public class TownDashboard {

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

    /**
     * The parks the dashboard's 亩均税收 chart draws, at most: all of a town's, the lowest and highest half as many of
     * a city's (its 2 300 parks made a 750 KB answer and a chart nobody could read).
     */
    static final int CHART_PARKS = 50;

    /** The figures; {@code parks}: those the chart draws, ordered by 亩均税收 (parks without one left out). */
    public Figures figures(Scope scope, int year, LocalDate asOf) {
        List<ParkSummary> summaries = parks.summaries(scope, year);
        return new Figures(year, asOf, summaries.size(), featured(summaries), seiShare(scope, year),
                keyClusterRevenue(scope, year), clusters(scope, year), qualified(scope, asOf), chartParks(summaries));
    }

    static List<ParkSummary> chartParks(List<ParkSummary> summaries) {
        List<ParkSummary> rated = new ArrayList<>(summaries.stream().filter(p -> p.taxPerMu() != null).toList());
        rated.sort(Comparator.comparing(ParkSummary::taxPerMu));
        if (rated.size() <= CHART_PARKS) {
            return rated;
        }
        List<ParkSummary> ends = new ArrayList<>(rated.subList(0, CHART_PARKS / 2));
        ends.addAll(rated.subList(rated.size() - CHART_PARKS / 2, rated.size()));
        return ends;
    }

    @Nullable
    FeaturedPark featured(List<ParkSummary> summaries) {
        return summaries.stream().filter(p -> p.code().equals(featuredParkCode)).findFirst()
                .map(p -> new FeaturedPark(p.id(), p.name(), p.landM2(), p.landMu(), p.taxWan(), p.goodsSalesWan()))
                .orElse(null);
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

    /** Distinct enterprises per group holding a certificate in force on the day (one query for all groups). */
    Map<QualificationGroup, Long> qualified(Scope scope, LocalDate asOf) {
        List<String> groups = new ArrayList<>();
        List<String> types = new ArrayList<>();
        Map<QualificationGroup, Long> counts = new LinkedHashMap<>();
        for (QualificationGroup g : QualificationGroup.values()) {
            counts.put(g, 0L);
            g.types().forEach(t -> {
                groups.add(g.name());
                types.add(t);
            });
        }
        ScopeParams.bind(jdbc.sql("""
                select t.grp, count(distinct q.enterprise_id)
                from unnest(cast(:groups as varchar[]), cast(:types as varchar[])) t(grp, type)
                join qualification q on q.type = t.type
                join enterprise e on e.id = q.enterprise_id
                where in_force(q.issued_on, q.expires_on, :asOf) and %s
                group by t.grp
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope)
                .param("groups", groups.toArray(new String[0])).param("types", types.toArray(new String[0]))
                .param("asOf", asOf)
                .query((rs, n) -> counts.put(QualificationGroup.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }
}
