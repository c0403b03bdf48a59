package org.parkscope.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.VacantSpace;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Vacant space: floor space nobody occupies on a date, searchable by what a 招商 officer is asked for. A unit is not
 * vacant when an occupancy names it, when a tenant is recorded on its building without a unit, or when the parcel's
 * owner uses the parcel itself. A unit held for an open 招商 lead is still vacant and says it is reserved.
 */
@Service
public class VacancyQueries {

    /** "Floor space {@code fs} is vacant on :asOf" ({@link VacantSpace}). */
    public static final String VACANT = VacantSpace.CONDITION;

    private final JdbcClient jdbc;

    public VacancyQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A search; every field may be empty. {@code keyword} matches the park's name, positioning and cluster tags. */
    public record Filter(@Nullable BigDecimal minArea, @Nullable BigDecimal maxArea, @Nullable Integer minFloor,
            @Nullable Integer maxFloor, @Nullable BigDecimal minLoad, @Nullable BigDecimal minHeight,
            @Nullable BigDecimal maxRent, @Nullable String keyword, @Nullable Long park, @Nullable String use) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null, null, null);
        }
    }

    public record Space(long id, long parkId, String parkName, @Nullable String positioning, long buildingId,
            String building, long parcelId, String label, int floor, int floors, BigDecimal areaM2, String use,
            @Nullable BigDecimal floorLoad, @Nullable BigDecimal clearHeight, @Nullable BigDecimal rent,
            @Nullable LocalDate availableFrom, boolean reserved) {}

    /** One page of a search, with the whole search's count and area. */
    public record Result(List<Space> rows, long total, BigDecimal totalM2, int page, int size) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    /** Every vacant unit the search finds, largest first. */
    public List<Space> search(Scope scope, Filter f, LocalDate asOf) {
        return query(scope, f, asOf, Integer.MAX_VALUE, 0).rows();
    }

    /** Page {@code page} (from 0) of {@code size} rows; the count and area are the whole search's (one query). */
    public Result page(Scope scope, Filter f, LocalDate asOf, int page, int size) {
        return query(scope, f, asOf, size, Math.max(page, 0));
    }

    private Result query(Scope scope, Filter f, LocalDate asOf, int size, int page) {
        long[] total = {0};
        BigDecimal[] area = {BigDecimal.ZERO};
        List<Space> rows = ScopeParams.bind(jdbc.sql("""
                select fs.id, fs.park_id, p.name as park_name, p.positioning, b.id as building_id, b.name as building,
                       b.parcel_id, fs.label, fs.floor_no, b.floors, fs.area_m2, fs.use, fs.floor_load_kn_m2,
                       fs.clear_height_m, fs.rent_yuan_m2_day, fs.available_from,
                       exists (select 1 from investment_lead l where l.floor_space_id = fs.id
                               and l.status not in ('SIGNED', 'DROPPED')) as reserved,
                       count(*) over () as total, sum(fs.area_m2) over () as total_m2
                from vacant_units(:asOf) fs
                join building b on b.id = fs.building_id
                join park p on p.id = fs.park_id
                where %s
                  and (cast(:minArea as numeric) is null or fs.area_m2 >= :minArea)
                  and (cast(:maxArea as numeric) is null or fs.area_m2 <= :maxArea)
                  and (cast(:minFloor as int) is null or fs.floor_no >= :minFloor)
                  and (cast(:maxFloor as int) is null or fs.floor_no <= :maxFloor)
                  and (cast(:minLoad as numeric) is null or fs.floor_load_kn_m2 >= :minLoad)
                  and (cast(:minHeight as numeric) is null or fs.clear_height_m >= :minHeight)
                  and (cast(:maxRent as numeric) is null or fs.rent_yuan_m2_day <= :maxRent)
                  and (cast(:park as bigint) is null or fs.park_id = :park)
                  and (cast(:use as text) is null or fs.use = :use)
                  and (cast(:keyword as text) is null or p.name like :kw or coalesce(p.positioning, '') like :kw
                       or array_to_string(p.cluster_tags, ' ') like :kw)
                order by fs.area_m2 desc, fs.id
                limit :limit offset :offset
                """.formatted(Scope.parkCondition("fs.park_id"))), scope)
                .param("asOf", asOf).param("minArea", f.minArea()).param("maxArea", f.maxArea())
                .param("minFloor", f.minFloor()).param("maxFloor", f.maxFloor()).param("minLoad", f.minLoad())
                .param("minHeight", f.minHeight()).param("maxRent", f.maxRent()).param("park", f.park())
                .param("use", blankToNull(f.use())).param("keyword", blankToNull(f.keyword()))
                .param("kw", "%" + (f.keyword() == null ? "" : f.keyword().strip().replace("%", "")) + "%")
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    area[0] = rs.getBigDecimal("total_m2");
                    return new Space(rs.getLong("id"), rs.getLong("park_id"), rs.getString("park_name"),
                            rs.getString("positioning"), rs.getLong("building_id"), rs.getString("building"),
                            rs.getLong("parcel_id"), rs.getString("label"), rs.getInt("floor_no"), rs.getInt("floors"),
                            rs.getBigDecimal("area_m2"), rs.getString("use"), rs.getBigDecimal("floor_load_kn_m2"),
                            rs.getBigDecimal("clear_height_m"), rs.getBigDecimal("rent_yuan_m2_day"),
                            rs.getObject("available_from", LocalDate.class), rs.getBoolean("reserved"));
                })
                .list();
        if (rows.isEmpty() && page > 0) {
            // Past the last page: the totals still come from the whole search.
            Result first = query(scope, f, asOf, size, 0);
            return new Result(rows, first.total(), first.totalM2(), page, size);
        }
        return new Result(rows, total[0], area[0], page, size);
    }

    /** A park the search can be narrowed to. */
    public record ParkChoice(long id, String name) {}

    public List<ParkChoice> parks(Scope scope) {
        return ScopeParams.bind(jdbc.sql("select p.id, p.name from park p where %s order by p.id"
                .formatted(Scope.parkCondition("p.id"))), scope).query(RecordRows.of(ParkChoice.class)).list();
    }

    /** The count and area of all vacant units in scope on a date (the dashboard's figure). */
    public Result totals(Scope scope, LocalDate asOf) {
        return ScopeParams.bind(jdbc.sql("""
                select count(*), coalesce(sum(fs.area_m2), 0) from vacant_units(:asOf) fs where %s
                """.formatted(Scope.parkCondition("fs.park_id"))), scope).param("asOf", asOf)
                .query((rs, n) -> new Result(List.of(), rs.getLong(1), rs.getBigDecimal(2), 0, 1)).single();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
