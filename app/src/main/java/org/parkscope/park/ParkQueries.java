package org.parkscope.park;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.Areas;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read side of the park registry: park summaries with their land and yearly figures, parcels, a park's details. */
@Service
public class ParkQueries {

    private final JdbcClient jdbc;

    public ParkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A park with its land (m² and 亩) and the figures of its enterprises in one year. 亩均税收 is tax over the park's
     * land in 亩; it is null when the park has no land.
     */
    public record ParkSummary(long id, String code, String name, String kind, @Nullable String operator,
            List<String> clusterTags, BigDecimal landM2, BigDecimal landMu, long parcels, long enterprises,
            BigDecimal taxWan, BigDecimal revenueWan, BigDecimal goodsSalesWan, @Nullable BigDecimal taxPerMu) {}

    public record ParkDetail(long id, String code, String name, String kind, @Nullable String operator,
            @Nullable String positioning, List<String> clusterTags, @Nullable String address,
            @Nullable LocalDate openedOn, @Nullable String boundary) {}

    /** A parcel with how it is used: its holder, how many tenants rent on it, and the area they lease. */
    public record ParcelRow(long id, String certificateNo, BigDecimal areaM2, BigDecimal areaMu, String landUse,
            String rightsHolderName, @Nullable Long rightsHolderId, long tenants, BigDecimal leasedM2,
            BigDecimal floorAreaM2) {}

    /** Land is read from the parcels (one indexed sum per park); firms and figures from the stored park facts (V017). */
    private static final String SUMMARY_SQL = """
            select p.id, p.code, p.name, p.kind, o.name as operator, p.cluster_tags,
                   coalesce((select sum(area_m2) from parcel where park_id = p.id), 0) as land_m2,
                   (select count(*) from parcel where park_id = p.id) as parcels,
                   coalesce(pf.current_firms, 0) as enterprises,
                   coalesce(f.tax, 0) as tax, coalesce(f.revenue, 0) as revenue, coalesce(f.goods_sales, 0) as sales
            from park p
            left join park_operator o on o.id = p.operator_id
            left join park_fact pf on pf.park_id = p.id
            left join park_year f on f.park_id = p.id and f.year = :year
            where %s and (cast(:park as bigint) is null or p.id = :park)
            order by p.id
            limit cast(:limit as bigint) offset :offset
            """;

    /** One page of the parks in scope ({@code page} from 0), and how many there are in all. */
    public record Page(List<ParkSummary> rows, int total, int page, int pages, int size) {}

    public List<ParkSummary> summaries(Scope scope, int year) {
        return summaries(scope, null, year, null, 0);
    }

    public Optional<ParkSummary> summary(Scope scope, long parkId, int year) {
        return summaries(scope, parkId, year, null, 0).stream().findFirst();
    }

    public Page page(Scope scope, int year, int page, int size) {
        int total = ScopeParams.bind(jdbc.sql("select count(*) from park p where %s"
                .formatted(Scope.parkCondition("p.id"))), scope).query(Integer.class).single();
        int pages = Math.max(1, (total + size - 1) / size);
        int p = Math.min(Math.max(page, 0), pages - 1);
        return new Page(summaries(scope, null, year, size, p * size), total, p, pages, size);
    }

    private List<ParkSummary> summaries(Scope scope, @Nullable Long parkId, int year, @Nullable Integer limit,
            int offset) {
        return ScopeParams.bind(jdbc.sql(SUMMARY_SQL.formatted(Scope.parkCondition("p.id"))), scope)
                .param("park", parkId).param("year", year).param("limit", limit).param("offset", offset)
                .query((rs, n) -> summary(rs)).list();
    }

    private static ParkSummary summary(ResultSet rs) throws SQLException {
        BigDecimal land = rs.getBigDecimal("land_m2");
        BigDecimal mu = Areas.mu(land);
        BigDecimal tax = rs.getBigDecimal("tax");
        return new ParkSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                rs.getString("operator"), strings(rs.getArray("cluster_tags")), land, mu, rs.getLong("parcels"),
                rs.getLong("enterprises"), tax, rs.getBigDecimal("revenue"), rs.getBigDecimal("sales"),
                mu.signum() == 0 ? null : tax.divide(mu, 2, RoundingMode.HALF_UP));
    }

    public Optional<ParkDetail> detail(Scope scope, long parkId) {
        return ScopeParams.bind(jdbc.sql("""
                select p.id, p.code, p.name, p.kind, o.name as operator, p.positioning, p.cluster_tags, p.address,
                       p.opened_on, p.boundary::text as boundary
                from park p left join park_operator o on o.id = p.operator_id
                where p.id = :id and %s
                """.formatted(Scope.parkCondition("p.id"))), scope).param("id", parkId)
                .query((rs, n) -> new ParkDetail(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("kind"), rs.getString("operator"), rs.getString("positioning"),
                        strings(rs.getArray("cluster_tags")), rs.getString("address"),
                        rs.getObject("opened_on", LocalDate.class), rs.getString("boundary")))
                .optional();
    }

    public List<ParcelRow> parcels(Scope scope, long parkId) {
        return ScopeParams.bind(jdbc.sql("""
                select pa.id, pa.certificate_no, pa.area_m2, pa.land_use, pa.rights_holder_name, pa.rights_holder_id,
                       (select count(*) from occupancy o where o.parcel_id = pa.id and o.role = 'TENANT') as tenants,
                       coalesce((select sum(o.leased_area_m2) from occupancy o
                                 where o.parcel_id = pa.id and o.role = 'TENANT'), 0) as leased,
                       coalesce((select sum(b.floor_area_m2) from building b where b.parcel_id = pa.id), 0) as floor_area
                from parcel pa
                where pa.park_id = :park and %s
                order by pa.id
                """.formatted(Scope.parkCondition("pa.park_id"))), scope).param("park", parkId)
                .query((rs, n) -> new ParcelRow(rs.getLong("id"), rs.getString("certificate_no"),
                        rs.getBigDecimal("area_m2"), Areas.muDisplay(rs.getBigDecimal("area_m2")),
                        rs.getString("land_use"), rs.getString("rights_holder_name"),
                        (Long) rs.getObject("rights_holder_id"), rs.getLong("tenants"), rs.getBigDecimal("leased"),
                        rs.getBigDecimal("floor_area")))
                .list();
    }

    /** Parcel outlines of a park as a GeoJSON FeatureCollection, for the park page's map. */
    public String parcelsGeoJson(Scope scope, long parkId) {
        return parcelsOf(scope, parkId);
    }

    /** Parcel outlines of every park in scope (a park operator's home map). */
    public String parcelsGeoJson(Scope scope) {
        return parcelsOf(scope, null);
    }

    private String parcelsOf(Scope scope, @Nullable Long parkId) {
        return ScopeParams.bind(jdbc.sql("""
                select coalesce(json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(
                    json_build_object('type', 'Feature', 'geometry', pa.geometry,
                        'properties', json_build_object('id', pa.id, 'name', pa.certificate_no,
                                                        'holder', pa.rights_holder_name))
                    order by pa.id), '[]'::json))::text, '{}')
                from parcel pa where (cast(:park as bigint) is null or pa.park_id = :park) and pa.geometry is not null
                  and %s
                """.formatted(Scope.parkCondition("pa.park_id"))), scope).param("park", parkId)
                .query(String.class).single();
    }

    static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
