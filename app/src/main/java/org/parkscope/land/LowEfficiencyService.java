package org.parkscope.land;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.land.Finding;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The low-efficiency land list: the parcels in scope the configured criteria find, with reasons. The findings are
 * kept (V022's {@code low_efficiency_finding}, refreshed with the land facts) for the assessed year and computed on
 * the spot for any other; this class only reads them.
 */
@Service
public class LowEfficiencyService {

    /** A listed parcel and why. */
    public record Listed(long parcelId, long parkId, String parkName, String certificateNo, double areaMu,
            String landUse, String holder, double taxPerMu, double outputPerMu, List<Finding> reasons) {}

    /** Per park: how many parcels and how much land are listed. */
    public record ParkTotal(long parkId, String parkName, int parcels, double areaMu, int allParcels, double allAreaMu) {}

    /** How many parcels, and how much land, are listed in scope (and park). */
    public record Totals(int parcels, double areaMu) {}

    /** One page of the list, with the totals over the whole list. */
    public record Page(List<Listed> rows, Totals totals, int page, int pages, int size) {}

    /** The listed parcels of a year in scope, {@code park} null for all parks. */
    private static final String LISTED = """
            from low_efficiency_findings(:year) f
            join parcel pa on pa.id = f.parcel_id
            join park p on p.id = pa.park_id
            where %s and (cast(:park as bigint) is null or pa.park_id = :park)
            """;

    private final JdbcClient jdbc;
    private final LowEfficiencyConfig config;
    private final LowEfficiencyTexts texts;

    public LowEfficiencyService(JdbcClient jdbc, LowEfficiencyConfig config, LowEfficiencyTexts texts) {
        this.jdbc = jdbc;
        this.config = config;
        this.texts = texts;
    }

    public String criteriaName() {
        return config.name();
    }

    /** Every parcel in scope that meets at least one criterion in {@code year}, by park then parcel. */
    public List<Listed> list(Scope scope, int year) {
        return rows(scope, year, null, 0, Integer.MAX_VALUE);
    }

    /** A parcel's entry on the list of {@code year}, if it is listed and in scope. */
    public java.util.Optional<Listed> listed(Scope scope, int year, long parcelId) {
        return list(scope, year).stream().filter(l -> l.parcelId() == parcelId).findFirst();
    }

    /** One page of the list ({@code size} rows, pages counted from 0), optionally of one park. */
    public Page page(Scope scope, int year, @Nullable Long park, int page, int size) {
        Totals totals = totals(scope, year, park);
        int pages = Math.max(1, (totals.parcels() + size - 1) / size);
        int p = Math.min(Math.max(page, 0), pages - 1);
        return new Page(rows(scope, year, park, p * size, size), totals, p, pages, size);
    }

    /** How many parcels and how much land are listed in {@code year} in scope. */
    public Totals totals(Scope scope, int year, @Nullable Long park) {
        return bind("select count(*) as n, mu(coalesce(sum(pa.area_m2), 0)) as mu " + LISTED, scope, year, park)
                .query((rs, n) -> new Totals(rs.getInt("n"), rs.getDouble("mu"))).single();
    }

    /** Totals by park, for the parks in scope (parks with nothing listed included). */
    public List<ParkTotal> byPark(Scope scope, int year) {
        return ScopeParams.bind(jdbc.sql("""
                select p.id, p.name, count(f.parcel_id) as listed,
                       mu(coalesce(sum(pa.area_m2) filter (where f.parcel_id is not null), 0)) as listed_mu,
                       count(*) as parcels, mu(sum(pa.area_m2)) as mu
                from parcel pa
                join park p on p.id = pa.park_id
                left join low_efficiency_findings(:year) f on f.parcel_id = pa.id
                where %s
                group by p.id, p.name
                order by p.id
                """.formatted(Scope.parkCondition("pa.park_id"))), scope).param("year", year)
                .query((rs, n) -> new ParkTotal(rs.getLong("id"), rs.getString("name"), rs.getInt("listed"),
                        rs.getDouble("listed_mu"), rs.getInt("parcels"), rs.getDouble("mu")))
                .list();
    }

    private List<Listed> rows(Scope scope, int year, @Nullable Long park, int offset, int limit) {
        return bind("""
                select f.parcel_id, pa.park_id, p.name as park_name, pa.certificate_no, mu(pa.area_m2) as mu,
                       pa.land_use, pa.rights_holder_name, f.tax_per_mu, f.output_per_mu, f.reasons::text as reasons
                """ + LISTED + " order by pa.park_id, pa.id limit :limit offset :offset", scope, year, park)
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new Listed(rs.getLong("parcel_id"), rs.getLong("park_id"), rs.getString("park_name"),
                        rs.getString("certificate_no"), rs.getDouble("mu"), rs.getString("land_use"),
                        rs.getString("rights_holder_name"), rs.getDouble("tax_per_mu"), rs.getDouble("output_per_mu"),
                        texts.reasons(rs.getString("reasons"), year)))
                .list();
    }

    private JdbcClient.StatementSpec bind(String sql, Scope scope, int year, @Nullable Long park) {
        return ScopeParams.bind(jdbc.sql(sql.formatted(Scope.parkCondition("pa.park_id"))), scope).param("year", year)
                .param("park", park);
    }
}
