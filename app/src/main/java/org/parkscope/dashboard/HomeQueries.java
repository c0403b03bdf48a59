package org.parkscope.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.stats.YearOnYear;
import org.parkscope.shared.Areas;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the role homes read besides the town dashboard: the years a scope has figures for, its yearly totals, the
 * occupancy of a park operator's parks (tenants, vacancy, leases ending) and an enterprise's own yearly figures. Yearly
 * figures come from the stored facts ({@code park_year}, {@code enterprise_year}, V017), vacancy from the kept parcel
 * facts ({@code parcel_facts}, V018), never from the raw rows on each request.
 */
@Service
public class HomeQueries {

    private final JdbcClient jdbc;

    HomeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The yearly totals of a scope: tax, revenue and 规上 industrial output of its firms, how many firms reported
     * figures, and the tax of the firms in parks over the parks' land (亩均税收, null without land).
     */
    public record Totals(int year, BigDecimal taxWan, BigDecimal revenueWan, BigDecimal outputWan, long firms,
            BigDecimal landMu, @Nullable BigDecimal taxPerMu) {}

    /** A scope's totals in a year and in the year before, with their 同比. */
    public record Compared(Totals now, Totals before) {
        public YearOnYear tax() {
            return YearOnYear.of(now.taxWan(), before.firms() == 0 ? null : before.taxWan());
        }

        public YearOnYear revenue() {
            return YearOnYear.of(now.revenueWan(), before.firms() == 0 ? null : before.revenueWan());
        }

        public YearOnYear output() {
            return YearOnYear.of(now.outputWan(), before.firms() == 0 ? null : before.outputWan());
        }

        public YearOnYear firms() {
            return YearOnYear.of(BigDecimal.valueOf(now.firms()), before.firms() == 0 ? null : BigDecimal.valueOf(before.firms()));
        }

        public YearOnYear taxPerMu() {
            return YearOnYear.of(now.taxPerMu(), before.firms() == 0 ? null : before.taxPerMu());
        }
    }

    /** The years with stored figures in the scope, newest first: the parks' years, or an enterprise's own. */
    public List<Integer> years(Scope scope) {
        if (scope.enterpriseId() != null) {
            return jdbc.sql("select year from enterprise_year where enterprise_id = ? order by year desc")
                    .param(scope.enterpriseId()).query(Integer.class).list();
        }
        return ScopeParams.bind(jdbc.sql("select distinct f.year from park_year f where %s order by f.year desc"
                .formatted(Scope.parkCondition("f.park_id"))), scope).query(Integer.class).list();
    }

    /**
     * The year a home opens on: the asked year when it has figures, else the latest complete reporting year
     * ({@code reference}) when it has, else the latest year before it with figures, else the latest of all.
     */
    public static int chooseYear(List<Integer> years, int reference, @Nullable Integer asked) {
        if (asked != null && years.contains(asked)) {
            return asked;
        }
        return years.stream().filter(y -> y <= reference).findFirst()
                .orElse(years.isEmpty() ? reference : years.get(0));
    }

    public Compared compared(Scope scope, int year) {
        BigDecimal landM2 = ScopeParams.bind(jdbc.sql("select coalesce(sum(pa.area_m2), 0) from parcel pa where %s"
                .formatted(Scope.parkCondition("pa.park_id"))), scope).query(BigDecimal.class).single();
        return new Compared(totals(scope, year, landM2), totals(scope, year - 1, landM2));
    }

    private Totals totals(Scope scope, int year, BigDecimal landM2) {
        record Sums(BigDecimal tax, BigDecimal revenue, BigDecimal output, BigDecimal parkTax) {}
        Sums s = ScopeParams.bind(jdbc.sql("""
                select coalesce(sum(f.tax), 0) as tax, coalesce(sum(f.revenue), 0) as revenue,
                       coalesce(sum(f.industrial_output), 0) as output,
                       coalesce(sum(f.tax) filter (where f.park_id is not null), 0) as park_tax
                from park_year f where f.year = :year and %s
                """.formatted(Scope.parkCondition("f.park_id"))), scope).param("year", year)
                .query(RecordRows.of(Sums.class)).single();
        long firms = ScopeParams.bind(jdbc.sql("""
                select count(*) from enterprise_year y join enterprise e on e.id = y.enterprise_id
                where y.year = :year and %s
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("year", year)
                .query(Long.class).single();
        BigDecimal mu = Areas.mu(landM2);
        return new Totals(year, s.tax(), s.revenue(), s.output(), firms, mu,
                mu.signum() == 0 ? null : s.parkTax().divide(mu, 2, RoundingMode.HALF_UP));
    }

    // ------------------------------------------------------------------------------------------------ park operator

    /** A park of the operator with its land's outline extent source (parcels and boundary as GeoJSON texts). */
    public record ParkName(long id, String name) {}

    public List<ParkName> parks(Scope scope) {
        return ScopeParams.bind(jdbc.sql("select p.id, p.name from park p where %s order by p.id"
                .formatted(Scope.parkCondition("p.id"))), scope).query(RecordRows.of(ParkName.class)).list();
    }

    /**
     * Occupancy of the scope's parks on the reporting date: current firms, tenants in force and the area they lease,
     * floor area and what of it stands vacant (kept parcel facts).
     */
    public record Occupancy(long firms, long tenants, BigDecimal leasedM2, BigDecimal floorAreaM2, long vacantUnits,
            BigDecimal vacantM2) {
        /** The vacant share of the floor area in percent (one decimal), null without floor area. */
        public @Nullable BigDecimal vacancyPercent() {
            return floorAreaM2.signum() == 0 ? null
                    : vacantM2.multiply(BigDecimal.valueOf(100)).divide(floorAreaM2, 1, RoundingMode.HALF_UP);
        }
    }

    public Occupancy occupancy(Scope scope, LocalDate asOf) {
        return ScopeParams.bind(jdbc.sql("""
                select (select coalesce(sum(pf.current_firms), 0) from park_fact pf where %1$s) as firms,
                       (select count(distinct o.enterprise_id) from occupancy_at(:asOf) o
                        where o.role = 'TENANT' and %2$s) as tenants,
                       (select coalesce(sum(o.leased_area_m2), 0) from occupancy_at(:asOf) o
                        where o.role = 'TENANT' and %2$s) as leased_m2,
                       coalesce(sum(f.floor_area_m2), 0) as floor_area_m2, coalesce(sum(f.vacant_units), 0) as vacant_units,
                       coalesce(sum(f.vacant_m2), 0) as vacant_m2
                from parcel_facts(:asOf) f join parcel pa on pa.id = f.parcel_id
                where %3$s
                """.formatted(Scope.parkCondition("pf.park_id"), Scope.parkCondition("o.park_id"),
                        Scope.parkCondition("pa.park_id"))), scope).param("asOf", asOf)
                .query(RecordRows.of(Occupancy.class)).single();
    }

    /** A tenant's lease that ends within a year of the reporting date. */
    public record Expiring(long enterpriseId, String enterpriseName, String parkName, @Nullable String building,
            @Nullable String unit, @Nullable BigDecimal leasedM2, LocalDate endsOn) {}

    /** Tenants' leases in force on the day that end within the next {@code months} months, soonest first. */
    public List<Expiring> expiring(Scope scope, LocalDate asOf, int months) {
        return ScopeParams.bind(jdbc.sql("""
                select e.id as enterprise_id, e.name as enterprise_name, p.name as park_name, b.name as building,
                       fs.label as unit, o.leased_area_m2 as leased_m2, o.valid_to as ends_on
                from occupancy o
                join enterprise e on e.id = o.enterprise_id
                join park p on p.id = o.park_id
                left join building b on b.id = o.building_id
                left join floor_space fs on fs.id = o.floor_space_id
                where o.role = 'TENANT' and o.valid_from <= :asOf and o.valid_to >= :asOf
                  and o.valid_to < cast(:asOf as date) + make_interval(months => :months) and %s
                order by o.valid_to, e.name, o.id
                """.formatted(Scope.parkCondition("o.park_id"))), scope).param("asOf", asOf).param("months", months)
                .query(RecordRows.of(Expiring.class)).list();
    }

    // ------------------------------------------------------------------------------------------------ enterprise

    /** The metrics an enterprise's home shows, in order, with their stored columns of {@code enterprise_year}. */
    static final List<String> FIRM_METRICS = List.of("REVENUE", "TAX", "OUTPUT", "VALUE_ADDED", "GOODS_SALES", "RD",
            "STAFF", "ENERGY", "ELECTRICITY", "EMISSIONS");

    /** An enterprise's stored yearly figures: year → metric → value (metrics without a figure left out). */
    public Map<Integer, Map<String, BigDecimal>> firmYears(Scope scope, long enterprise) {
        Map<Integer, Map<String, BigDecimal>> out = new TreeMap<>();
        ScopeParams.bind(jdbc.sql("""
                select y.* from enterprise_year y join enterprise e on e.id = y.enterprise_id
                where e.id = :id and %s order by y.year
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("id", enterprise).query(rs -> {
                    Map<String, BigDecimal> row = new TreeMap<>();
                    for (String m : FIRM_METRICS) {
                        BigDecimal v = rs.getBigDecimal(m.toLowerCase(java.util.Locale.ROOT));
                        if (v != null) {
                            row.put(m, v);
                        }
                    }
                    out.put(rs.getInt("year"), row);
                });
        return out;
    }
}
