package org.parkscope.enterprise;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.code.IndustryCode;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read side of the enterprise registry: the filtered, paged list and everything an enterprise page shows. */
@Service
public class EnterpriseQueries {

    private final JdbcClient jdbc;
    private final IndustryCodes industries = IndustryCodes.load();

    public EnterpriseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record EnterpriseRow(long id, String uscc, String name, String industryCode, String industryName,
            @Nullable String parkName, @Nullable Long parkId, boolean aboveScale, boolean hq,
            @Nullable String sizeClass, @Nullable BigDecimal taxWan, @Nullable BigDecimal revenueWan,
            @Nullable Integer staff) {}

    public record Page<T>(List<T> rows, long total, int page, int size) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    public record EnterpriseDetail(long id, String uscc, String name, String industryCode, String industryName,
            String section, List<String> seiCodes, @Nullable String sizeClass, boolean aboveScale, boolean hq,
            @Nullable String hqKind, String status, @Nullable LocalDate registeredOn,
            @Nullable String registeredRegionCode, @Nullable String taxRegionCode, @Nullable Long parkId,
            @Nullable String parkName) {}

    public record QualificationRow(String type, @Nullable String level, @Nullable String certificateNo,
            LocalDate issuedOn, @Nullable LocalDate expiresOn, @Nullable String note, boolean inForce) {}

    public record OccupancyRow(String role, String parkName, long parkId, String certificateNo, long parcelId,
            @Nullable String buildingName, @Nullable String floorSpace, @Nullable BigDecimal leasedAreaM2,
            @Nullable String landlordName, @Nullable Long landlordId, LocalDate validFrom, @Nullable LocalDate validTo) {}

    /** Figures of one enterprise: metric → period → value, with each metric's unit and source department. */
    public record Figures(List<String> periods, Map<String, Map<String, BigDecimal>> values, Map<String, String> units,
            Map<String, String> sources) {}

    /**
     * A page of the registry. Enterprises that moved out or were deregistered are left out unless searched for by
     * name or credit code (their pages and history stay).
     */
    public Page<EnterpriseRow> list(Scope scope, EnterpriseFilter f, int year, LocalDate asOf) {
        String where = """
                where %s
                  and (cast(:q as text) is null or e.name like '%%' || :q || '%%' or e.uscc like '%%' || upper(:q) || '%%')
                  and (is_current_firm(e.status) or cast(:q as text) is not null)
                  and (cast(:park as bigint) is null or e.park_id = :park)
                  and (cast(:section as text) is null or cast(substr(e.industry_code, 1, 2) as int)
                        between cast(:divFrom as int) and cast(:divTo as int))
                  and (cast(:codePrefix as text) is null or e.industry_code like :codePrefix || '%%')
                  and (cast(:above as boolean) is null or e.above_scale = :above)
                  and (cast(:qual as text) is null or exists (select 1 from qualification q where q.enterprise_id = e.id
                        and q.type = :qual and in_force(q.issued_on, q.expires_on, :asOf)))
                  and (cast(:cluster as text) is null or exists (select 1 from cluster_member m join cluster c
                        on c.id = m.cluster_id where m.enterprise_id = e.id and c.code = :cluster))
                """.formatted(Scope.condition("e.park_id", "e.id"));
        String industry = blankToNull(f.industry());
        String section = industry != null && industry.length() == 1 && Character.isLetter(industry.charAt(0))
                ? industry.toUpperCase(Locale.ROOT) : null;
        int[] range = section == null ? new int[] {0, 0} : divisionRange(section);
        String codePrefix = section == null ? industry : null;
        var count = ScopeParams.bind(jdbc.sql("select count(*) from enterprise e " + where), scope);
        long total = bindFilter(count, f, section, range, codePrefix, asOf).query(Long.class).single();
        var select = ScopeParams.bind(jdbc.sql("""
                select e.id, e.uscc, e.name, e.industry_code, p.name as park_name, e.park_id, e.above_scale, e.hq,
                       e.size_class, y.tax, y.revenue, cast(y.staff as int) as staff
                from enterprise e left join park p on p.id = e.park_id
                left join enterprise_year y on y.enterprise_id = e.id and y.year = :year
                """ + where + " order by " + f.orderBy() + " limit :limit offset :offset"), scope);
        List<EnterpriseRow> rows = bindFilter(select, f, section, range, codePrefix, asOf)
                .param("year", year).param("limit", f.size()).param("offset", f.page() * f.size())
                .query((rs, n) -> row(rs)).list();
        return new Page<>(rows, total, f.page(), f.size());
    }

    /** Every enterprise the filter finds (for an export), in the filter's order, read a page at a time. */
    public List<EnterpriseRow> every(Scope scope, EnterpriseFilter f, int year, LocalDate asOf) {
        List<EnterpriseRow> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Page<EnterpriseRow> p = list(scope, new EnterpriseFilter(f.q(), f.parkId(), f.industry(), f.aboveScale(),
                    f.qualification(), f.cluster(), f.sort(), f.desc(), page, 200), year, asOf);
            all.addAll(p.rows());
            if (all.size() >= p.total() || p.rows().isEmpty()) {
                return all;
            }
        }
    }

    private static JdbcClient.StatementSpec bindFilter(JdbcClient.StatementSpec spec, EnterpriseFilter f,
            @Nullable String section, int[] range, @Nullable String codePrefix, LocalDate asOf) {
        return spec.param("q", blankToNull(f.q())).param("park", f.parkId()).param("section", section)
                .param("divFrom", range[0]).param("divTo", range[1]).param("codePrefix", codePrefix)
                .param("above", f.aboveScale()).param("qual", blankToNull(f.qualification()))
                .param("cluster", blankToNull(f.cluster())).param("asOf", asOf);
    }

    /** Division range of a GB/T 4754 section, read from the code table rather than written out here. */
    private int[] divisionRange(String section) {
        int min = Integer.MAX_VALUE, max = -1;
        for (IndustryCode c : industries.classes()) {
            if (c.section().equals(section)) {
                int d = Integer.parseInt(c.code().substring(0, 2));
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
        }
        return max < 0 ? new int[] {-1, -1} : new int[] {min, max};
    }

    private EnterpriseRow row(ResultSet rs) throws SQLException {
        String code = rs.getString("industry_code");
        return new EnterpriseRow(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), code,
                industryName(code), rs.getString("park_name"), (Long) rs.getObject("park_id"),
                rs.getBoolean("above_scale"), rs.getBoolean("hq"), rs.getString("size_class"),
                rs.getBigDecimal("tax"), rs.getBigDecimal("revenue"), (Integer) rs.getObject("staff"));
    }

    public String industryName(String code) {
        return industries.find(code).map(IndustryCode::name).orElse(code);
    }

    public Optional<EnterpriseDetail> detail(Scope scope, long id) {
        return ScopeParams.bind(jdbc.sql("""
                select e.*, p.name as park_name from enterprise e left join park p on p.id = e.park_id
                where e.id = :id and %s
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("id", id)
                .query((rs, n) -> {
                    String code = rs.getString("industry_code");
                    return new EnterpriseDetail(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), code,
                            industryName(code), String.valueOf(industries.sectionOf(code)),
                            List.of((String[]) rs.getArray("sei_codes").getArray()), rs.getString("size_class"),
                            rs.getBoolean("above_scale"), rs.getBoolean("hq"), rs.getString("hq_kind"),
                            rs.getString("status"), rs.getObject("registered_on", LocalDate.class),
                            rs.getString("registered_region_code"), rs.getString("tax_region_code"),
                            (Long) rs.getObject("park_id"), rs.getString("park_name"));
                }).optional();
    }

    public List<QualificationRow> qualifications(Scope scope, long id, LocalDate asOf) {
        return ScopeParams.bind(jdbc.sql("""
                select q.type, q.level, q.certificate_no, q.issued_on, q.expires_on, q.note,
                       in_force(q.issued_on, q.expires_on, :asOf) as in_force
                from qualification q join enterprise e on e.id = q.enterprise_id
                where e.id = :id and %s order by q.issued_on
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("id", id).param("asOf", asOf)
                .query(RecordRows.of(QualificationRow.class)).list();
    }

    public List<OccupancyRow> occupancy(Scope scope, long id) {
        return ScopeParams.bind(jdbc.sql("""
                select o.role, p.name as park_name, p.id as park_id, pa.certificate_no, pa.id as parcel_id,
                       b.name as building_name, fs.label as floor_space, o.leased_area_m2, l.name as landlord_name,
                       l.id as landlord_id, o.valid_from, o.valid_to
                from occupancy o
                join enterprise e on e.id = o.enterprise_id
                join park p on p.id = o.park_id
                join parcel pa on pa.id = o.parcel_id
                left join building b on b.id = o.building_id
                left join floor_space fs on fs.id = o.floor_space_id
                left join enterprise l on l.id = o.landlord_id
                where e.id = :id and %s order by o.valid_from, o.id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("id", id)
                .query(RecordRows.of(OccupancyRow.class)).list();
    }

    public Figures figures(Scope scope, long id) {
        Map<String, Map<String, BigDecimal>> values = new TreeMap<>();
        Map<String, String> units = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        List<String> periods = new ArrayList<>();
        ScopeParams.bind(jdbc.sql("""
                select v.metric, v.period, v.value, v.unit, v.source_department
                from indicator_value v join enterprise e on e.id = v.enterprise_id
                where e.id = :id and %s order by v.period, v.metric
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("id", id)
                .query(rs -> {
                    String metric = rs.getString("metric");
                    String period = rs.getString("period");
                    values.computeIfAbsent(metric, k -> new TreeMap<>()).put(period, rs.getBigDecimal("value"));
                    units.put(metric, rs.getString("unit"));
                    sources.put(metric, rs.getString("source_department"));
                    if (!periods.contains(period)) {
                        periods.add(period);
                    }
                });
        return new Figures(periods, values, units, sources);
    }

    /** Clusters the enterprise belongs to, by name. */
    public List<String> clusters(Scope scope, long id) {
        return ScopeParams.bind(jdbc.sql("""
                select c.name from cluster_member m join cluster c on c.id = m.cluster_id
                join enterprise e on e.id = m.enterprise_id where e.id = :id and %s order by c.id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("id", id)
                .query(String.class).list();
    }

    /** A qualification with its id, for the edit page. */
    public record QualificationEditRow(long id, String type, @Nullable String level, @Nullable String certificateNo,
            LocalDate issuedOn, @Nullable LocalDate expiresOn) {}

    public List<QualificationEditRow> qualificationRows(Scope scope, long id) {
        return ScopeParams.bind(jdbc.sql("""
                select q.id, q.type, q.level, q.certificate_no, q.issued_on, q.expires_on
                from qualification q join enterprise e on e.id = q.enterprise_id
                where e.id = :id and %s order by q.issued_on, q.id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("id", id)
                .query(RecordRows.of(QualificationEditRow.class)).list();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
