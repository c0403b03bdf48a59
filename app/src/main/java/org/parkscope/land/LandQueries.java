package org.parkscope.land;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.land.Obligation;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read side of land and space: parcels with their occupants and yearly figures, contracts, interventions.
 *
 * <p>A parcel's figures in a year are those of the enterprises occupying it in that year, each counted once; an
 * enterprise on several parcels (a landlord leasing a whole site, a firm spread over two plots) is split over them by
 * land area, so that adding parcels up never counts a tax twice.
 */
@Service
public class LandQueries {

    private final JdbcClient jdbc;

    public LandQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The sums over a parcel's (or a site's) occupants in one year. Only years in which at least one occupant has a
     * figure stored appear at all: a year whose imports have not arrived is missing, not zero.
     *
     * @param activityWan each occupant's industrial output, or its revenue where it has no output (services, trade),
     *                    summed — the measure of "output" for a parcel shared by makers and traders
     */
    public record SiteYear(int year, int occupants, double taxWan, double revenueWan, double outputWan,
            double salesWan, double activityWan) {}

    public record ParcelDetail(long id, long parkId, String parkName, String certificateNo, BigDecimal areaM2,
            String landUse, String rightsHolderName, @Nullable Long rightsHolderId, @Nullable LocalDate grantedOn,
            @Nullable LocalDate termEndsOn, @Nullable String address, @Nullable String geometry,
            BigDecimal floorAreaM2, BigDecimal leasedM2) {}

    /** An enterprise occupying a parcel at a date, with its figures of a year and the share counted on this parcel. */
    public record Occupant(long enterpriseId, String name, String uscc, String role, @Nullable String landlordName,
            @Nullable BigDecimal leasedM2, @Nullable String unit, boolean registeredInTown, boolean paysTaxInTown,
            @Nullable String taxRegion, double share, @Nullable BigDecimal taxWan, @Nullable BigDecimal revenueWan,
            LocalDate validFrom, @Nullable LocalDate validTo) {}

    /** What the map needs of every parcel. */
    public record ParcelFactsRow(long id, long parkId, String parkName, String certificateNo, double areaM2,
            String landUse, String holder, @Nullable Long holderId, double floorAreaM2, double leasedM2,
            double leasedOutsideM2, int occupants, double vacantM2, @Nullable String geometry) {}

    public record Contract(long id, long parcelId, String contractNo, String kind, LocalDate signedOn,
            @Nullable LocalDate constructionStartDue, @Nullable LocalDate completionDue, @Nullable LocalDate completedOn,
            @Nullable LocalDate termEndsOn, @Nullable String note, List<ObligationRow> obligations) {}

    public record ObligationRow(long id, Obligation obligation) {}

    public record Intervention(long id, String kind, String title, LocalDate startedOn, @Nullable LocalDate completedOn,
            int baselineYear, @Nullable String description, @Nullable String document, List<Long> parcelIds,
            List<String> certificates, BigDecimal areaM2, long parkId, String parkName) {}

    /** Yearly figures per parcel from {@code from} to {@code to}; {@code parcelIds} null for every parcel in scope. */
    public Map<Long, Map<Integer, SiteYear>> parcelYears(Scope scope, @Nullable List<Long> parcelIds, int from, int to) {
        Map<Long, Map<Integer, SiteYear>> out = new HashMap<>();
        if (to < from || from < 1) {
            return out; // no yearly figures in the registry yet
        }
        // Kept facts (parcel_year_fact, refreshed by whatever changes them; V018's parcel_site_years computes them).
        ScopeParams.bind(jdbc.sql("""
                select f.* from parcel_year_fact f join parcel pa on pa.id = f.parcel_id
                where %s and f.year between :from and :to
                  and (cast(:parcels as bigint[]) is null or f.parcel_id = any(cast(:parcels as bigint[])))
                """.formatted(Scope.parkCondition("pa.park_id"))), scope)
                .param("from", from).param("to", to)
                .param("parcels", parcelIds == null ? null : parcelIds.toArray(new Long[0]))
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong("parcel_id"), k -> new TreeMap<>()).put(rs.getInt("year"),
                            new SiteYear(rs.getInt("year"), rs.getInt("occupants"), rs.getDouble("tax"),
                                    rs.getDouble("revenue"), rs.getDouble("output"), rs.getDouble("sales"),
                                    rs.getDouble("activity")));
                });
        return out;
    }

    /** The figures of a site (several parcels) per year: the parcels' sums, and the distinct occupants. */
    public List<SiteYear> siteYears(Scope scope, List<Long> parcelIds, int from, int to) {
        Map<Integer, double[]> sums = new TreeMap<>();
        if (to < from || from < 1) {
            return List.of();
        }
        for (Map<Integer, SiteYear> years : parcelYears(scope, parcelIds, from, to).values()) {
            for (SiteYear y : years.values()) {
                double[] s = sums.computeIfAbsent(y.year(), k -> new double[5]);
                s[0] += y.taxWan();
                s[1] += y.revenueWan();
                s[2] += y.outputWan();
                s[3] += y.salesWan();
                s[4] += y.activityWan();
            }
        }
        Map<Integer, Integer> occupants = new HashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select y.year, count(distinct o.enterprise_id) as n
                from occupancy o join parcel pa on pa.id = o.parcel_id
                cross join generate_series(cast(:from as int), cast(:to as int)) as y(year)
                where o.parcel_id = any(cast(:parcels as bigint[])) and %s
                  and in_force_during(o.valid_from, o.valid_to, y.year)
                group by y.year
                """.formatted(Scope.parkCondition("pa.park_id"))), scope).param("from", from).param("to", to)
                .param("parcels", parcelIds.toArray(new Long[0]))
                .query(rs -> {
                    occupants.put(rs.getInt("year"), rs.getInt("n"));
                });
        List<SiteYear> out = new ArrayList<>();
        sums.forEach((year, s) -> out.add(new SiteYear(year, occupants.getOrDefault(year, 0), s[0], s[1], s[2], s[3],
                s[4])));
        return out;
    }

    public Optional<ParcelDetail> parcel(Scope scope, long id, LocalDate asOf) {
        return ScopeParams.bind(jdbc.sql("""
                select pa.id, pa.park_id, p.name as park_name, pa.certificate_no, pa.area_m2, pa.land_use,
                       pa.rights_holder_name, pa.rights_holder_id, pa.granted_on, pa.term_ends_on, pa.address,
                       pa.geometry::text as geometry,
                       f.floor_area_m2 as floor_area, f.leased_m2 as leased
                from parcel pa join park p on p.id = pa.park_id
                join parcel_facts(:asOf) f on f.parcel_id = pa.id
                where pa.id = :id and %s
                """.formatted(Scope.parkCondition("pa.park_id"))), scope).param("id", id).param("asOf", asOf)
                .query((rs, n) -> new ParcelDetail(rs.getLong("id"), rs.getLong("park_id"), rs.getString("park_name"),
                        rs.getString("certificate_no"), rs.getBigDecimal("area_m2"), rs.getString("land_use"),
                        rs.getString("rights_holder_name"), (Long) rs.getObject("rights_holder_id"),
                        rs.getObject("granted_on", LocalDate.class), rs.getObject("term_ends_on", LocalDate.class),
                        rs.getString("address"), rs.getString("geometry"), rs.getBigDecimal("floor_area"),
                        rs.getBigDecimal("leased")))
                .optional();
    }

    /**
     * Who occupies the parcel on {@code asOf}, one row an enterprise (its units and leased areas added up), with its
     * figures of {@code year} and the share of them counted on this parcel. Figures are shown only for enterprises the
     * scope may see (a park operator: firms whose principal park is one of its parks).
     */
    public List<Occupant> occupants(Scope scope, long parcelId, LocalDate asOf, int year, String townCode) {
        return ScopeParams.bind(jdbc.sql("""
                with mine as (
                    select o.* from occupancy_at(:asOf) o where o.parcel_id = :parcel
                ), attributed as (
                    select a.enterprise_id, a.weight from site_attribution(:year, :year,
                        array(select distinct enterprise_id from mine)) a
                    where a.parcel_id = :parcel
                )
                select e.id, e.name, e.uscc,
                       (array_agg(m.role order by case m.role when 'OWNER_OCCUPIER' then 0 when 'LANDLORD' then 1
                                  else 2 end))[1] as role,
                       min(l.name) as landlord, sum(m.leased_area_m2) as leased_area_m2,
                       string_agg(coalesce(fs.label, b.name), '、' order by m.id) as unit,
                       e.registered_region_code, e.tax_region_code, min(m.valid_from) as valid_from,
                       case when bool_or(m.valid_to is null) then null else max(m.valid_to) end as valid_to,
                       (select a.weight from attributed a where a.enterprise_id = e.id) as share,
                       (:scopeAll or e.park_id = any(cast(:scopeParks as bigint[]))) as visible,
                       (select value from indicator_value v where v.enterprise_id = e.id and v.period = cast(:year as text)
                          and v.metric = 'TAX') as tax,
                       (select value from indicator_value v where v.enterprise_id = e.id and v.period = cast(:year as text)
                          and v.metric = 'REVENUE') as revenue
                from mine m
                join parcel pa on pa.id = m.parcel_id
                join enterprise e on e.id = m.enterprise_id
                left join enterprise l on l.id = m.landlord_id
                left join floor_space fs on fs.id = m.floor_space_id
                left join building b on b.id = m.building_id
                where %s
                group by e.id
                order by min(case m.role when 'OWNER_OCCUPIER' then 0 when 'LANDLORD' then 1 else 2 end),
                         sum(m.leased_area_m2) desc nulls last, e.id
                """.formatted(Scope.parkCondition("pa.park_id"))), scope)
                .param("parcel", parcelId).param("asOf", asOf).param("year", year)
                .query((rs, n) -> {
                    BigDecimal share = rs.getBigDecimal("share");
                    boolean visible = rs.getBoolean("visible");
                    return new Occupant(rs.getLong("id"), rs.getString("name"), rs.getString("uscc"), rs.getString("role"),
                            rs.getString("landlord"), rs.getBigDecimal("leased_area_m2"), rs.getString("unit"),
                            inTown(rs.getString("registered_region_code"), townCode),
                            inTown(rs.getString("tax_region_code"), townCode), rs.getString("tax_region_code"),
                            share == null ? 1 : share.doubleValue(), visible ? rs.getBigDecimal("tax") : null,
                            visible ? rs.getBigDecimal("revenue") : null,
                            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class));
                })
                .list();
    }

    /** Who occupied the parcel before {@code asOf} and no longer does: names, roles and dates, no figures. */
    public List<Occupant> formerOccupants(Scope scope, long parcelId, LocalDate asOf, String townCode) {
        return ScopeParams.bind(jdbc.sql("""
                select e.id, e.name, e.uscc, o.role, o.leased_area_m2, e.registered_region_code, e.tax_region_code,
                       o.valid_from, o.valid_to
                from occupancy o
                join parcel pa on pa.id = o.parcel_id
                join enterprise e on e.id = o.enterprise_id
                where o.parcel_id = :parcel and o.valid_to < :asOf and %s
                  and not exists (select 1 from occupancy_at(:asOf) now where now.enterprise_id = o.enterprise_id
                                  and now.parcel_id = o.parcel_id)
                order by o.valid_to desc, e.id
                """.formatted(Scope.parkCondition("pa.park_id"))), scope)
                .param("parcel", parcelId).param("asOf", asOf)
                .query((rs, n) -> new Occupant(rs.getLong("id"), rs.getString("name"), rs.getString("uscc"),
                        rs.getString("role"), null, rs.getBigDecimal("leased_area_m2"), null,
                        inTown(rs.getString("registered_region_code"), townCode),
                        inTown(rs.getString("tax_region_code"), townCode), null, 0, null, null,
                        rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class)))
                .list();
    }

    static boolean inTown(@Nullable String region, String townCode) {
        return region == null || townCode.length() < 9 || region.startsWith(townCode.substring(0, 9));
    }

    /**
     * Every parcel in scope with what the map needs, as of a date: the kept facts for the reporting
     * date and the end of the year before it (V018's parcel_facts), computed on the spot for any other date.
     */
    public List<ParcelFactsRow> parcelFacts(Scope scope, LocalDate asOf) {
        return ScopeParams.bind(jdbc.sql("""
                select pa.id, pa.park_id, p.name as park_name, pa.certificate_no, pa.area_m2, pa.land_use,
                       pa.rights_holder_name, pa.rights_holder_id, pa.geometry::text as geometry,
                       f.floor_area_m2, f.leased_m2, f.leased_outside_m2, f.occupants, f.vacant_m2
                from parcel pa
                join park p on p.id = pa.park_id
                join parcel_facts(:asOf) f on f.parcel_id = pa.id
                where %s
                order by pa.park_id, pa.id
                """.formatted(Scope.parkCondition("pa.park_id"))), scope).param("asOf", asOf)
                .query((rs, n) -> new ParcelFactsRow(rs.getLong("id"), rs.getLong("park_id"), rs.getString("park_name"),
                        rs.getString("certificate_no"), rs.getDouble("area_m2"), rs.getString("land_use"),
                        rs.getString("rights_holder_name"), (Long) rs.getObject("rights_holder_id"),
                        rs.getDouble("floor_area_m2"), rs.getDouble("leased_m2"), rs.getDouble("leased_outside_m2"),
                        rs.getInt("occupants"), rs.getDouble("vacant_m2"), rs.getString("geometry")))
                .list();
    }

    public List<Contract> contracts(long parcelId) {
        Map<Long, List<ObligationRow>> obligations = new LinkedHashMap<>();
        jdbc.sql("""
                select lo.* from land_obligation lo join land_contract c on c.id = lo.contract_id
                where c.parcel_id = :parcel order by lo.id""").param("parcel", parcelId).query(rs -> {
                    obligations.computeIfAbsent(rs.getLong("contract_id"), k -> new ArrayList<>()).add(new ObligationRow(
                            rs.getLong("id"), new Obligation(rs.getString("metric"), rs.getString("label"),
                            rs.getDouble("target"), rs.getString("unit"), rs.getBoolean("per_mu"), rs.getBoolean("at_most"),
                            rs.getString("event"), rs.getInt("offset_years"), rs.getInt("every_years"),
                            rs.getDouble("tolerance"), rs.getString("consequence"))));
                });
        return jdbc.sql("select * from land_contract where parcel_id = :parcel order by signed_on, id")
                .param("parcel", parcelId)
                .query((rs, n) -> new Contract(rs.getLong("id"), rs.getLong("parcel_id"), rs.getString("contract_no"),
                        rs.getString("kind"), rs.getObject("signed_on", LocalDate.class),
                        rs.getObject("construction_start_due", LocalDate.class),
                        rs.getObject("completion_due", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                        rs.getObject("term_ends_on", LocalDate.class), rs.getString("note"),
                        obligations.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** Interventions touching a parcel in scope ({@code parcelId} null: all of them), newest first. */
    public List<Intervention> interventions(Scope scope, @Nullable Long parcelId) {
        return ScopeParams.bind(jdbc.sql("""
                select i.*, array_agg(pa.id order by pa.id) as parcel_ids,
                       array_agg(pa.certificate_no order by pa.id) as certificates, sum(pa.area_m2) as area_m2,
                       (array_agg(pa.park_id order by pa.id))[1] as park_id,
                       (array_agg(p.name order by pa.id))[1] as park_name
                from land_intervention i
                join land_intervention_parcel ip on ip.intervention_id = i.id
                join parcel pa on pa.id = ip.parcel_id
                join park p on p.id = pa.park_id
                where %s
                group by i.id
                having cast(:parcel as bigint) is null or bool_or(pa.id = :parcel)
                order by i.started_on desc, i.id desc
                """.formatted(Scope.parkCondition("pa.park_id"))), scope).param("parcel", parcelId)
                .query((rs, n) -> new Intervention(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
                        rs.getObject("started_on", LocalDate.class), rs.getObject("completed_on", LocalDate.class),
                        rs.getInt("baseline_year"), rs.getString("description"), rs.getString("document"),
                        List.of((Long[]) rs.getArray("parcel_ids").getArray()),
                        List.of((String[]) rs.getArray("certificates").getArray()), rs.getBigDecimal("area_m2"),
                        rs.getLong("park_id"), rs.getString("park_name")))
                .list();
    }

    public Optional<Intervention> intervention(Scope scope, long id) {
        return interventions(scope, null).stream().filter(i -> i.id() == id).findFirst();
    }

    /** A parcel's outline, for spatial checks across the whole town (no figures). */
    public record Outline(long id, long parkId, String certificateNo, String geometry) {}

    public List<Outline> outlines() {
        return jdbc.sql("select id, park_id, certificate_no, geometry::text as geometry from parcel"
                + " where geometry is not null order by id").query(RecordRows.of(Outline.class)).list();
    }

    /**
     * The first and last year with stored yearly figures (TAX, REVENUE, OUTPUT or GOODS_SALES, the ones a site's
     * figures are made of; V018's land_figure_years reads them off the metric index), 0 and 0 when there are none.
     */
    public int[] yearRange() {
        return jdbc.sql("select coalesce(first_year, 0), coalesce(last_year, 0) from land_figure_years()")
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }
}
