package org.parkscope.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.stats.YearOnYear;
import org.parkscope.park.ParkQueries;
import org.parkscope.park.ParkQueries.ParkSummary;
import org.parkscope.shared.ClusterFigures;
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
    private final ClusterFigures clusters;
    private final String featuredParkCode;

    public TownDashboard(JdbcClient jdbc, ParkQueries parks, ClusterFigures clusters,
            @Value("${parkscope.dashboard.featured-park:SLS}") String featuredParkCode) {
        this.jdbc = jdbc;
        this.parks = parks;
        this.clusters = clusters;
        this.featuredParkCode = featuredParkCode;
    }

    /** A park singled out on the dashboard (a revitalisation case): land, tax and goods sales in one year. */
    public record FeaturedPark(long id, String name, BigDecimal landM2, BigDecimal landMu, BigDecimal taxWan,
            BigDecimal goodsSalesWan) {}


    public record Figures(int year, LocalDate asOf, long parkCount, @Nullable FeaturedPark featured, ClusterFigures.SeiShare seiShare,
            BigDecimal keyClusterRevenueWan, List<ClusterFigures.ClusterFigure> clusters, Map<QualificationGroup, Long> qualified,
            List<ParkSummary> parks) {}

    /**
     * The parks the dashboard's 亩均税收 chart draws, at most: all of a town's, the lowest and highest half as many of
     * a city's (its 2 300 parks made a 750 KB answer and a chart nobody could read).
     */
    static final int CHART_PARKS = 50;

    /** The figures; {@code parks}: those the chart draws, ordered by 亩均税收 (parks without one left out). */
    public Figures figures(Scope scope, int year, LocalDate asOf) {
        List<ParkSummary> summaries = parks.summaries(scope, year);
        return new Figures(year, asOf, summaries.size(), featured(summaries), clusters.seiShare(scope, year),
                clusters.keyClusterRevenue(scope, year), clusters.clusters(scope, year), qualified(scope, asOf), chartParks(summaries));
    }

    /**
     * 同比 of the dashboard's yearly figures against the year before ({@code prior}: whether that year has figures;
     * without, every change is "—"): the featured park's tax and sales, the SEI share (in points), the key clusters'
     * revenue, and each cluster's revenue the year before (by code) for the chart.
     */
    public record Trend(YearOnYear featuredTax, YearOnYear featuredSales, YearOnYear seiShare,
            YearOnYear keyClusterRevenue, Map<String, BigDecimal> clusterRevenueBefore) {}

    public Trend trend(Scope scope, Figures now, boolean prior) {
        int year = now.year() - 1;
        FeaturedPark f = now.featured();
        ParkSummary before = prior && f != null ? parks.summary(scope, f.id(), year).orElse(null) : null;
        Map<String, BigDecimal> clusterBefore = new LinkedHashMap<>();
        if (prior) {
            clusters.clusters(scope, year).forEach(c -> clusterBefore.put(c.code(), c.revenueWan()));
        }
        return new Trend(
                YearOnYear.of(f == null ? null : f.taxWan(), before == null ? null : before.taxWan()),
                YearOnYear.of(f == null ? null : f.goodsSalesWan(), before == null ? null : before.goodsSalesWan()),
                YearOnYear.of(now.seiShare().percent(), prior ? clusters.seiShare(scope, year).percent() : null),
                YearOnYear.of(now.keyClusterRevenueWan(), prior ? clusters.keyClusterRevenue(scope, year) : null),
                clusterBefore);
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
