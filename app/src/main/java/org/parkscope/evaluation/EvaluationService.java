package org.parkscope.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.evaluation.Engine;
import org.parkscope.core.evaluation.EvaluationInput;
import org.parkscope.core.evaluation.Explanation;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.parkscope.web.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluation runs on the registry: the population and its inputs for a year (land attributed by floor share), the
 * engine's results with their explanations, and the yearly process — 公示 with a window, objections per indicator,
 * decisions, a recalculated version with its differences, and the final result. Every step is audited.
 */
@Service
public class EvaluationService {

    /** Industrial sections B, C and D (divisions 06–46): the population of 亩均 evaluation. */
    static final String INDUSTRIAL = "cast(substr(e.industry_code, 1, 2) as int) between 6 and 46";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate batch;
    private final AuditLog audit;

    public EvaluationService(JdbcClient jdbc, javax.sql.DataSource dataSource, AuditLog audit) {
        this.jdbc = jdbc;
        this.batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.audit = audit;
    }

    public record RunRow(long id, String schemeId, int year, String status, int version, @Nullable Long previousRunId,
            @Nullable LocalDate publicisedFrom, @Nullable LocalDate publicisedUntil, Instant createdAt,
            String createdBy, long enterprises) {}

    public record ResultRow(long enterpriseId, String name, String uscc, @Nullable String parkName, @Nullable String cohort,
            @Nullable Double total, @Nullable Integer rank, @Nullable Integer ofCount, @Nullable String klass) {}

    public record ObjectionRow(long id, long enterpriseId, String enterpriseName, String metric,
            @Nullable Double claimedValue, String reason, @Nullable String evidence, String filedBy, Instant filedAt,
            String status, @Nullable String decision, @Nullable String decidedBy) {}

    /**
     * A differentiated measure for one enterprise: its class, for how many consecutive years, the amount, and whether
     * it is charged — of the measures of one group only the highest is ({@code note} says why one is not).
     */
    public record PolicyRow(long enterpriseId, String name, String klass, int consecutiveYears, String measure,
            double amount, String unit, boolean charged, @Nullable String note) {}

    public record DiffRow(long enterpriseId, String name, @Nullable Double totalBefore, @Nullable Double totalAfter,
            @Nullable String classBefore, @Nullable String classAfter) {}

    /** A refused step of the process, with the reason in Chinese and English. */
    public static final class Refused extends RuntimeException {
        public Refused(String zh, String en) {
            super(zh + " / " + en);
        }
    }

    /** The schemes shipped with the platform, by name. */
    public List<String> shippedSchemes() {
        try {
            List<String> names = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:/schemes/*.yaml")) {
                names.add(r.getFilename().replace(".yaml", ""));
            }
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shippedText(String name) {
        try (InputStream in = EvaluationService.class.getResourceAsStream("/schemes/" + name + ".yaml")) {
            if (in == null) {
                throw new SchemeFile.Invalid(name, List.of("没有这个内置方案 / no such shipped scheme"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Scheme parse(String yaml, String name) {
        return SchemeFile.parse(org.parkscope.shared.SafeYaml.load(yaml), name);
    }

    /** The scheme of a run, evaluating the run's data year. */
    public Scheme scheme(long runId) {
        return schemeOf(run(runId));
    }

    private static Scheme schemeOf(Map<String, Object> run) {
        return parse((String) run.get("scheme_yaml"), (String) run.get("scheme_id"))
                .forYear(((Number) run.get("year")).intValue());
    }

    private Map<String, Object> run(long runId) {
        return jdbc.sql("select * from evaluation_run where id = ?").param(runId).query().listOfRows().stream()
                .findFirst().orElseThrow(() -> NotFoundException.of("evaluation run", runId));
    }

    public RunRow runRow(long runId) {
        return runs().stream().filter(r -> r.id() == runId).findFirst()
                .orElseThrow(() -> NotFoundException.of("evaluation run", runId));
    }

    public List<RunRow> runs() {
        return jdbc.sql("""
                select r.id, r.scheme_id, r.year, r.status, r.version, r.previous_run_id, r.publicised_from,
                       r.publicised_until, r.created_at, r.created_by,
                       (select count(*) from evaluation_result x where x.run_id = r.id and x.cohort is not null) as enterprises
                from evaluation_run r order by r.id desc
                """).query(RunRow.class).list();
    }

    /** Scores the town's industrial enterprises for the scheme's year; the run starts as SCORED. */
    @Transactional
    public long create(String schemeName, String actor) {
        return create(schemeName, actor, 0, false);
    }

    /**
     * Starts a run. With {@code landDays} > 0 the land areas are first published for objection for that many days
     * (LAND_PUBLICISED) and scoring waits for {@link #scoreAfterLand}; otherwise the run is scored at once.
     */
    @Transactional
    public long create(String schemeName, String actor, int landDays, boolean workingDays) {
        return create(schemeName, actor, landDays, workingDays, null);
    }

    /** A run for a data year within the scheme's effective years (null: the scheme's own year). */
    @Transactional
    public long create(String schemeName, String actor, int landDays, boolean workingDays, @Nullable Integer year) {
        return createFrom(shippedText(schemeName), schemeName, actor, landDays, workingDays, year);
    }

    @Transactional
    public long createFrom(String yaml, String schemeName, String actor, int landDays, boolean workingDays) {
        return createFrom(yaml, schemeName, actor, landDays, workingDays, null);
    }

    /**
     * A run from a scheme's YAML text (shipped, or a town's own file) for a data year, which must lie within the
     * scheme's effective years. The inputs of the year are snapshotted, and so is the cohort data of any other year
     * the benchmarks are taken from.
     */
    @Transactional
    public long createFrom(String yaml, String schemeName, String actor, int landDays, boolean workingDays,
            @Nullable Integer year) {
        Scheme scheme;
        try {
            scheme = year == null ? parse(yaml, schemeName) : parse(yaml, schemeName).forYear(year);
        } catch (Scheme.NotInEffect e) {
            throw new Refused(e.zh(), e.en());
        }
        String attribution = attribution(yaml);
        boolean landFirst = landDays > 0;
        long run = jdbc.sql("insert into evaluation_run(scheme_id, scheme_yaml, year, status, created_by, working_days,"
                + " attribution) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(scheme.id(), yaml, scheme.year(), landFirst ? "LAND_PUBLICISED" : "SCORED", actor, workingDays,
                        attribution)
                .query(Long.class).single();
        for (int y : scheme.referenceYears()) {
            snapshot(run, y, attribution, true);
            if (!jdbc.sql("select exists(select 1 from indicator_value where period = ?)").param(String.valueOf(y))
                    .query(Boolean.class).single()) {
                throw new Refused("基准值取 " + y + " 年度本组数据，但没有 " + y + " 年度的企业数据",
                        "the benchmarks use the cohort of " + y + ", but there are no enterprise figures for " + y);
            }
        }
        snapshot(run, scheme.year(), attribution, false);
        if (landFirst) {
            LocalDate from = LocalDate.now();
            jdbc.sql("update evaluation_run set publicised_from = ?, publicised_until = ? where id = ?")
                    .params(from, windowEnd(from, landDays, workingDays), run).update();
        } else {
            score(run, scheme);
            followHolders(run, scheme.year(), attribution);
        }
        audit.record("EVALUATE", "evaluation_run", run, null, null, null,
                Map.of("scheme", scheme.id(), "year", scheme.year(), "status", landFirst ? "LAND_PUBLICISED" : "SCORED",
                        "referenceYears", List.copyOf(scheme.referenceYears())));
        return run;
    }

    /**
     * The inputs of a year into the run's snapshot: its own year's, or ({@code reference}) another year's cohort data
     * for benchmarks, attributed the same way.
     */
    private void snapshot(long run, int year, String attribution, boolean reference) {
        if (attribution.equals("FLOOR_SHARE")) {
            snapshotInputs(run, year, reference);
        } else {
            snapshotParcelUnits(run, year, attribution.equals("PARCEL_AGGREGATE"), reference);
        }
    }

    /** The same snapshot statement, writing to the reference table with the year. */
    private static String into(String sql, boolean reference) {
        if (!reference) {
            return sql;
        }
        String out = sql.replace("insert into evaluation_input(run_id, enterprise_id,",
                "insert into evaluation_reference_input(run_id, year, enterprise_id,")
                .replace("select :run, e.id,", "select :run, :year, e.id,");
        if (out.equals(sql)) {
            throw new IllegalStateException("snapshot statement not in the expected form");
        }
        return out;
    }

    /** How land and figures are attributed where tenants share a parcel: the scheme file's {@code attribution}. */
    static String attribution(String yaml) {
        Object doc = org.parkscope.shared.SafeYaml.load(yaml);
        Object a = doc instanceof Map<?, ?> m ? m.get("attribution") : null;
        String mode = a == null ? "FLOOR_SHARE" : String.valueOf(a).toUpperCase(java.util.Locale.ROOT);
        if (!Set.of("FLOOR_SHARE", "PARCEL_AGGREGATE", "LANDLORD_ONLY_TENANT_FOLLOWS").contains(mode)) {
            throw new SchemeFile.Invalid("attribution", List.of("attribution: 须为 FLOOR_SHARE、PARCEL_AGGREGATE 或"
                    + " LANDLORD_ONLY_TENANT_FOLLOWS / must be one of those"));
        }
        return mode;
    }

    /**
     * Parcel units: the holder (or landlord) of each parcel is evaluated on the whole parcel's land; with
     * {@code aggregate} its figures are the sum of its own and its tenants' (遂昌: 合并计算、共享结果), otherwise its own
     * only (江山: 承租企业随宗地主等级). A tenant on several parcels is counted once, with its first parcel's holder; its
     * result follows the holder's ({@link #followHolders}).
     */
    private void snapshotParcelUnits(long run, int year, boolean aggregate, boolean reference) {
        jdbc.sql(into("""
                insert into evaluation_input(run_id, enterprise_id, above_scale, land_m2, metrics)
                %s,
                members as (select distinct enterprise_id as unit, enterprise_id as member from holders
                            union all select unit, enterprise_id from tenants where :aggregate),
                land as (select h.enterprise_id, sum(pa.area_m2) as land from holders h join parcel pa on pa.id = h.parcel_id
                         group by h.enterprise_id),
                sums as (select m.unit, v.metric, sum(v.value) as value from members m
                         join indicator_value v on v.enterprise_id = m.member and v.period = cast(:year as text)
                         group by m.unit, v.metric),
                figures as (select unit, jsonb_object_agg(metric, value) as metrics from sums group by unit)
                select :run, e.id, e.above_scale, round(l.land, 2), coalesce(f.metrics, '{}'::jsonb)
                from enterprise e join land l on l.enterprise_id = e.id left join figures f on f.unit = e.id
                where l.land > 0 and e.status = 'ACTIVE' and %s
                """.formatted(PARCEL_UNITS, INDUSTRIAL), reference)).param("run", run).param("year", year)
                .param("aggregate", aggregate).update();
    }

    /**
     * The parcel units of a year: each parcel's holder (or landlord) at year end, and each tenant with the holder of
     * its first parcel — shared by the snapshot and by the tenants' following results, so both count alike.
     */
    private static final String PARCEL_UNITS = """
                with active as (select o.* from occupancy o where o.valid_from <= make_date(:year, 12, 31)
                                 and (o.valid_to is null or o.valid_to >= make_date(:year, 12, 31))),
                holders as (select distinct on (o.parcel_id) o.parcel_id, o.enterprise_id from active o
                            where o.role in ('LANDLORD', 'OWNER_OCCUPIER') order by o.parcel_id, o.role, o.enterprise_id),
                tenants as (select distinct on (o.enterprise_id) o.enterprise_id, h.enterprise_id as unit
                            from active o join holders h on h.parcel_id = o.parcel_id
                            where o.role = 'TENANT' and o.enterprise_id <> h.enterprise_id
                            order by o.enterprise_id, o.parcel_id)""";

    /** Tenants of parcel units take their holder's class (not ranked themselves); only in the parcel modes. */
    private void followHolders(long run, int year, String attribution) {
        if (attribution.equals("FLOOR_SHARE")) {
            return;
        }
        jdbc.sql("""
                insert into evaluation_result(run_id, enterprise_id, park_id, cohort, total, rank, of_count, klass, explanation)
                %s
                select :run, t.enterprise_id, e.park_id, null, null, null, null, r.klass,
                       jsonb_build_object('follows', r.enterprise_id, 'class', r.klass,
                           'note', '承租企业随宗地主评价结果 / a tenant takes its parcel holder''s result')
                from tenants t join evaluation_result r on r.run_id = :run and r.enterprise_id = t.unit
                join enterprise e on e.id = t.enterprise_id
                where r.klass is not null
                on conflict (run_id, enterprise_id) do nothing
                """.formatted(PARCEL_UNITS)).param("run", run).param("year", year).update();
    }

    private void requireNoOpenObjections(long run) {
        long open = jdbc.sql("select count(*) from evaluation_objection where run_id = ? and status = 'OPEN'").param(run)
                .query(Long.class).single();
        if (open > 0) {
            throw new Refused("还有 " + open + " 条异议未处理", open + " objections are still open");
        }
    }

    /** Accepted land objections of run {@code source} applied to the inputs of run {@code target}. */
    private int applyAcceptedLand(long target, long source) {
        return jdbc.sql("""
                update evaluation_input i set land_m2 = o.claimed_value from evaluation_objection o
                where i.run_id = ? and o.run_id = ? and o.enterprise_id = i.enterprise_id and o.status = 'ACCEPTED'
                  and o.metric = 'LAND_M2' and o.claimed_value > 0
                """).params(target, source).update();
    }

    /** The last day of a window of {@code days} days, or working days (Monday to Friday), starting on {@code from}. */
    static LocalDate windowEnd(LocalDate from, int days, boolean workingDays) {
        if (!workingDays) {
            return from.plusDays(days - 1L);
        }
        LocalDate d = from;
        int counted = 0;
        while (true) {
            if (d.getDayOfWeek().getValue() <= 5 && ++counted == days) {
                return d;
            }
            d = d.plusDays(1);
        }
    }

    /** After the land-area publicity: accepted land objections applied, the run is scored (SCORED). */
    @Transactional
    public void scoreAfterLand(long run, String actor) {
        Map<String, Object> r = run(run);
        if (!"LAND_PUBLICISED".equals(r.get("status"))) {
            throw new Refused("只有用地面积公示中的评价可以评分", "only a run with its land areas publicised can be scored now");
        }
        requireNoOpenObjections(run);
        int corrected = applyAcceptedLand(run, run);
        score(run, schemeOf(r));
        followHolders(run, ((Number) r.get("year")).intValue(), (String) r.get("attribution"));
        jdbc.sql("update evaluation_run set status = 'SCORED', publicised_from = null, publicised_until = null"
                + " where id = ?").param(run).update();
        audit.record("SCORE", "evaluation_run", run, null, null, Map.of("status", "LAND_PUBLICISED"),
                Map.of("status", "SCORED", "landCorrections", corrected));
    }

    /**
     * The inputs of every industrial enterprise with land: its figures for the year and its land in m², attributed by
     * floor share — a tenant gets the parcel's area in proportion of the floor area it leases, the holder or landlord
     * what is left, so the parcel's area is counted exactly once.
     */
    private void snapshotInputs(long run, int year, boolean reference) {
        jdbc.sql(into("""
                insert into evaluation_input(run_id, enterprise_id, above_scale, land_m2, metrics)
                with floor as (select parcel_id, sum(floor_area_m2) as fa from building group by parcel_id),
                active as (select o.* from occupancy o where o.valid_from <= make_date(:year, 12, 31)
                             and (o.valid_to is null or o.valid_to >= make_date(:year, 12, 31))),
                tenant as (select o.enterprise_id, o.parcel_id,
                                  pa.area_m2 * least(1, coalesce(o.leased_area_m2, 0) / nullif(f.fa, 0)) as land
                           from active o join parcel pa on pa.id = o.parcel_id left join floor f on f.parcel_id = o.parcel_id
                           where o.role = 'TENANT'),
                let_out as (select parcel_id, sum(land) as land from tenant group by parcel_id),
                holder as (select o.enterprise_id, o.parcel_id, greatest(0, pa.area_m2 - coalesce(l.land, 0)) as land
                           from active o join parcel pa on pa.id = o.parcel_id left join let_out l on l.parcel_id = o.parcel_id
                           where o.role in ('LANDLORD', 'OWNER_OCCUPIER')),
                land as (select enterprise_id, sum(land) as land from
                           (select enterprise_id, land from tenant union all select enterprise_id, land from holder) x
                         group by enterprise_id),
                figures as (select enterprise_id, jsonb_object_agg(metric, value) as metrics from indicator_value
                            where period = cast(:year as text) group by enterprise_id),
                counts as (select o.landlord_id as enterprise_id, count(*) as tenants,
                                  count(*) filter (where not t.above_scale) as tenants_below
                           from active o join enterprise t on t.id = o.enterprise_id
                           where o.role = 'TENANT' and o.landlord_id is not null group by o.landlord_id),
                titles as (select enterprise_id, bool_or(type = 'HNTE') as hnte, bool_or(type = 'SRDI') as srdi,
                                  bool_or(type = 'LITTLE_GIANT') as giant
                           from qualification where issued_on <= make_date(:year, 12, 31)
                             and (expires_on is null or expires_on >= make_date(:year, 12, 31)) group by enterprise_id)
                select :run, e.id, e.above_scale, round(l.land, 2), coalesce(f.metrics, '{}'::jsonb)
                       || jsonb_build_object('TENANTS', coalesce(c.tenants, 0), 'TENANTS_BELOW', coalesce(c.tenants_below, 0),
                                             'HNTE', case when t.hnte then 1 else 0 end,
                                             'SRDI', case when t.srdi then 1 else 0 end,
                                             'LITTLE_GIANT', case when t.giant then 1 else 0 end,
                                             'NEW_ENTERPRISE', case when e.registered_on > make_date(:year - 2, 12, 31)
                                                                    then 1 else 0 end,
                                             'LEASED_M2', coalesce((select sum(o.leased_area_m2) from active o
                                                 where o.enterprise_id = e.id and o.role = 'TENANT'), 0))
                from enterprise e join land l on l.enterprise_id = e.id left join figures f on f.enterprise_id = e.id
                left join counts c on c.enterprise_id = e.id left join titles t on t.enterprise_id = e.id
                where l.land > 0 and e.status = 'ACTIVE' and %s
                """.formatted(INDUSTRIAL), reference)).param("run", run).param("year", year).update();
    }

    /** Runs the engine over the run's stored inputs and stores each result with its explanation. */
    private void score(long run, Scheme scheme) {
        record In(long id, String name, boolean above, double landM2, String metrics, Long parkId, String industry) {}
        List<In> rows = jdbc.sql("""
                select i.enterprise_id as id, e.name, i.above_scale as above, i.land_m2 as land_m2,
                       i.metrics::text as metrics, e.park_id, e.industry_code
                from evaluation_input i join enterprise e on e.id = i.enterprise_id where i.run_id = ? order by i.enterprise_id
                """).param(run).query((rs, n) -> new In(rs.getLong("id"), rs.getString("name"), rs.getBoolean("above"),
                        rs.getDouble("land_m2"), rs.getString("metrics"), (Long) rs.getObject("park_id"),
                        rs.getString("industry_code"))).list();
        int n = rows.size();
        String[] ids = new String[n];
        String[] names = new String[n];
        boolean[] above = new boolean[n];
        double[] mu = new double[n];
        Set<String> used = usedColumns(scheme);
        used.remove("LAND_MU");
        Map<String, double[]> columns = new LinkedHashMap<>();
        used.forEach(m -> columns.put(m, new double[n]));
        for (int k = 0; k < n; k++) {
            In r = rows.get(k);
            ids[k] = String.valueOf(r.id());
            names[k] = r.name();
            above[k] = r.above();
            mu[k] = r.landM2() * 3 / 2000;
            Map<?, ?> metrics = JSON.readValue(r.metrics(), Map.class);
            for (Map.Entry<String, double[]> c : columns.entrySet()) {
                Object v = metrics.get(c.getKey());
                c.getValue()[k] = v instanceof Number num ? num.doubleValue() : Double.NaN;
            }
        }
        EvaluationInput input = new EvaluationInput(ids, names, above, mu)
                .industries(rows.stream().map(In::industry).toArray(String[]::new));
        columns.forEach(input::metric);
        for (int y : scheme.referenceYears()) {
            input.reference(y, referenceInput(run, y, used));
        }
        Engine.Result result = new Engine().run(scheme, input);
        List<Object[]> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            Explanation e = result.explain(k);
            out.add(new Object[] {run, rows.get(k).id(), rows.get(k).parkId(), e.cohort(),
                e.cohort() == null ? null : round4(e.total()), e.cohort() == null ? null : e.rank(),
                e.cohort() == null ? null : e.of(), e.klass(), json(e)});
        }
        batch.batchUpdate("""
                insert into evaluation_result(run_id, enterprise_id, park_id, cohort, total, rank, of_count, klass, explanation)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))
                """, out);
    }

    /** The stored cohort data of another year, for benchmarks taken from it. */
    private EvaluationInput referenceInput(long run, int year, Set<String> used) {
        List<String> ids = new ArrayList<>();
        List<Boolean> above = new ArrayList<>();
        List<Double> mu = new ArrayList<>();
        Map<String, List<Double>> columns = new LinkedHashMap<>();
        used.forEach(m -> columns.put(m, new ArrayList<>()));
        jdbc.sql("select enterprise_id, above_scale, land_m2, metrics::text from evaluation_reference_input"
                + " where run_id = ? and year = ? order by enterprise_id").params(run, year).query(rs -> {
                    ids.add(String.valueOf(rs.getLong(1)));
                    above.add(rs.getBoolean(2));
                    mu.add(rs.getDouble(3) * 3 / 2000);
                    Map<?, ?> metrics = JSON.readValue(rs.getString(4), Map.class);
                    columns.forEach((m, col) -> col.add(metrics.get(m) instanceof Number num ? num.doubleValue()
                            : Double.NaN));
                });
        boolean[] a = new boolean[ids.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = above.get(k);
        }
        String[] idArray = ids.toArray(new String[0]);
        EvaluationInput in = new EvaluationInput(idArray, idArray, a, mu.stream().mapToDouble(Double::doubleValue)
                .toArray());
        columns.forEach((m, col) -> in.metric(m, col.stream().mapToDouble(Double::doubleValue).toArray()));
        return in;
    }

    /** Every input column a scheme reads: indicator terms, adjustment counts, veto and unrated flags. */
    static Set<String> usedColumns(Scheme scheme) {
        Set<String> used = new LinkedHashSet<>();
        for (Scheme.Cohort c : scheme.cohorts()) {
            for (Scheme.Indicator i : c.indicators()) {
                used.add(i.numerator());
                used.add(i.denominator());
            }
            c.adjustments().forEach(a -> used.add(a.metric()));
            c.vetoes().forEach(v -> used.add(v.metric()));
            if (c.unrated() != null) {
                used.addAll(c.unrated().flags());
            }
            if (c.membership().minRevenue() != null) {
                used.add("REVENUE");
            }
            if (c.membership().minLeasedM2() != null) {
                used.add("LEASED_M2");
            }
        }
        return used;
    }

    private static @Nullable Double round4(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
    }

    /** The explanation as JSON, with NaN (no data) written as null. */
    static String json(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cohort", e.cohort());
        m.put("cohortName", e.cohortName());
        m.put("total", e.shownTotal());
        m.put("rank", e.rank());
        m.put("of", e.of());
        m.put("class", e.klass());
        m.put("cutoffs", e.cutoffs());
        m.put("note", e.note());
        List<Map<String, Object>> items = new ArrayList<>();
        for (Explanation.Item i : e.items()) {
            Map<String, Object> it = new LinkedHashMap<>();
            it.put("code", i.code());
            it.put("name", i.name());
            it.put("family", i.family().name());
            it.put("numerator", num(i.numerator()));
            it.put("denominator", num(i.denominator()));
            it.put("value", num(i.value()));
            it.put("reference", num(i.reference()));
            it.put("weight", i.weight());
            it.put("points", i.shownPoints());
            it.put("note", i.note());
            it.put("basis", i.basis());
            items.add(it);
        }
        m.put("items", items);
        List<Map<String, Object>> adjustments = new ArrayList<>();
        for (Explanation.Adjusted a : e.adjustments()) {
            adjustments.add(Map.of("code", a.code(), "name", a.name(), "count", a.count(),
                    "points", Explanation.round2(a.points())));
        }
        m.put("adjustments", adjustments);
        m.put("vetoes", e.vetoes());
        return JSON.writeValueAsString(m);
    }

    private static @Nullable Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    /** The land list of a run (for its land-area publicity): enterprise, park and attributed land. */
    public record LandRow(long enterpriseId, String name, String uscc, @Nullable String parkName, double landM2) {}

    public List<LandRow> land(Scope scope, long run) {
        return ScopeParams.bind(jdbc.sql("""
                select i.enterprise_id, e.name, e.uscc, p.name as park_name, i.land_m2::float8 as land_m2
                from evaluation_input i join enterprise e on e.id = i.enterprise_id left join park p on p.id = e.park_id
                where i.run_id = :run and %s order by p.name nulls last, e.name
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("run", run)
                .query(LandRow.class).list();
    }

    public List<ResultRow> results(Scope scope, long run, @Nullable String cohort, @Nullable String klass,
            @Nullable Long park) {
        return results(scope, run, cohort, klass, park, null);
    }

    /** The ranking, filtered by cohort, class, park and industry (a GB/T 4754 code prefix such as 39 or 3922). */
    public List<ResultRow> results(Scope scope, long run, @Nullable String cohort, @Nullable String klass,
            @Nullable Long park, @Nullable String industry) {
        return ScopeParams.bind(jdbc.sql("""
                select r.enterprise_id, e.name, e.uscc, p.name as park_name, r.cohort, r.total::float8 as total, r.rank,
                       r.of_count, r.klass
                from evaluation_result r join enterprise e on e.id = r.enterprise_id left join park p on p.id = r.park_id
                where r.run_id = :run and r.cohort is not null
                  and (cast(:cohort as text) is null or r.cohort = :cohort)
                  and (cast(:klass as text) is null or r.klass = :klass)
                  and (cast(:park as bigint) is null or r.park_id = :park)
                  and (cast(:industry as text) is null or e.industry_code like :industry || '%%')
                  and %s
                order by r.cohort, r.rank, e.id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope)
                .param("run", run).param("cohort", blank(cohort)).param("klass", blank(klass)).param("park", park)
                .param("industry", blank(industry)).query(ResultRow.class).list();
    }

    public Map<String, Map<String, Long>> classCounts(Scope scope, long run) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select r.cohort, r.klass, count(*) as n from evaluation_result r join enterprise e on e.id = r.enterprise_id
                where r.run_id = :run and r.cohort is not null and %s group by r.cohort, r.klass order by r.cohort, r.klass
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("run", run)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    /**
     * One enterprise's explanation as stored, or empty when outside the scope or the run. A tenant that follows its
     * parcel holder (the parcel attribution modes) gets its own page too: {@code holder} then holds whom it follows —
     * name, credit code, land and the parcel's score breakdown — read for the tenant, whatever the holder's scope; a
     * holder's has {@code followers}, the names of the tenants that take its result.
     */
    public java.util.Optional<Map<String, Object>> explanation(Scope scope, long run, long enterprise) {
        return ScopeParams.bind(jdbc.sql("""
                select e.id, e.name, e.uscc, r.explanation::text as explanation, i.land_m2,
                       coalesce(i.metrics::text, '{}') as metrics
                from enterprise e
                left join evaluation_input i on i.run_id = :run and i.enterprise_id = e.id
                left join evaluation_result r on r.run_id = :run and r.enterprise_id = e.id
                where e.id = :e and (i.enterprise_id is not null or r.enterprise_id is not null) and %s
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("run", run).param("e", enterprise)
                .query().listOfRows().stream().findFirst().map(row -> {
                    Map<String, Object> m = explanationOf(row);
                    if (m.get("explanation") instanceof Map<?, ?> x && x.get("follows") instanceof Number holder) {
                        m.put("holder", explanation(Scope.town(), run, holder.longValue()).orElse(null));
                    } else {
                        m.put("followers", jdbc.sql("""
                                select e.name from evaluation_result r join enterprise e on e.id = r.enterprise_id
                                where r.run_id = ? and r.explanation ->> 'follows' = ? order by e.name
                                """).params(run, String.valueOf(enterprise)).query(String.class).list());
                    }
                    return m;
                });
    }

    private static Map<String, Object> explanationOf(Map<String, Object> row) {
        Map<String, Object> m = new HashMap<>(row);
        m.put("explanation", row.get("explanation") == null ? null
                : JSON.readValue((String) row.get("explanation"), Map.class));
        m.put("metrics", JSON.readValue((String) row.get("metrics"), Map.class));
        return m;
    }

    @Transactional
    public void publicise(long run, int days, String actor) {
        publicise(run, days, false, actor);
    }

    @Transactional
    public void publicise(long run, int days, boolean workingDays, String actor) {
        Map<String, Object> r = run(run);
        if (!"SCORED".equals(r.get("status"))) {
            throw new Refused("只有已评分的结果可以公示", "only a scored run can be publicised");
        }
        if (days < 1 || days > 30) {
            throw new Refused("公示期须为 1–30 天", "the window must be 1–30 days");
        }
        LocalDate from = LocalDate.now();
        LocalDate until = windowEnd(from, days, workingDays);
        jdbc.sql("update evaluation_run set status = 'PUBLICISED', publicised_from = ?, publicised_until = ?,"
                + " working_days = ? where id = ?").params(from, until, workingDays, run).update();
        audit.record("PUBLISH", "evaluation_run", run, null, null, Map.of("status", "SCORED"),
                Map.of("status", "PUBLICISED", "from", from.toString(), "until", until.toString(),
                        "workingDays", workingDays));
    }

    /** An objection to one indicator's input, while the run is in its 公示 window. */
    @Transactional
    public long object(Scope scope, long run, long enterprise, String metric, @Nullable Double claimed, String reason,
            @Nullable String evidence, String actor) {
        Map<String, Object> r = run(run);
        LocalDate until = r.get("publicised_until") == null ? null : ((java.sql.Date) r.get("publicised_until")).toLocalDate();
        boolean landWindow = "LAND_PUBLICISED".equals(r.get("status"));
        if (!("PUBLICISED".equals(r.get("status")) || landWindow) || until == null || LocalDate.now().isAfter(until)) {
            throw new Refused("不在公示期内，不能提出异议", "objections can only be filed during the publicity window");
        }
        if (landWindow && !"LAND_M2".equals(metric)) {
            throw new Refused("用地面积公示期内只能对用地面积提出异议", "during the land-area publicity only land can be disputed");
        }
        Map<String, Object> own = explanation(scope, run, enterprise)
                .orElseThrow(() -> NotFoundException.of("enterprise", enterprise));
        if (own.get("holder") != null) {
            throw new Refused("承租企业随宗地主评价，异议请由宗地主提出", "a tenant following its parcel holder objects through"
                    + " the holder");
        }
        if (reason == null || reason.isBlank()) {
            throw new Refused("请说明异议理由", "give the reason for the objection");
        }
        long id = jdbc.sql("insert into evaluation_objection(run_id, enterprise_id, metric, claimed_value, reason, evidence,"
                + " filed_by) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(run, enterprise, metric, claimed, reason.trim(), evidence, actor).query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("run", run);
        after.put("metric", metric);
        after.put("claimed", claimed);
        after.put("reason", reason.trim());
        audit.record("OBJECT", "evaluation_objection", id, null, enterprise, null, after);
        return id;
    }

    @Transactional
    public void decide(long objection, boolean accept, String decision, String actor) {
        Map<String, Object> before = jdbc.sql("select id, run_id, status, decision from evaluation_objection where id = ?")
                .param(objection).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> NotFoundException.of("objection", objection));
        if (!"OPEN".equals(before.get("status"))) {
            throw new Refused("该异议已处理", "this objection was already decided");
        }
        String status = accept ? "ACCEPTED" : "REJECTED";
        jdbc.sql("update evaluation_objection set status = ?, decision = ?, decided_by = ?, decided_at = now() where id = ?")
                .params(status, decision, actor, objection).update();
        audit.record("DECIDE", "evaluation_objection", objection, null, null, before,
                Map.of("status", status, "decision", decision == null ? "" : decision));
    }

    /**
     * A new version of the run: the same scheme and inputs, with the claimed values of accepted objections applied;
     * the old version is kept (SUPERSEDED) for the diff.
     */
    @Transactional
    public long recalculate(long run, String actor) {
        Map<String, Object> r = run(run);
        if (!"PUBLICISED".equals(r.get("status"))) {
            throw new Refused("只有公示中的结果可以复核重算", "only a publicised run can be recalculated");
        }
        requireNoOpenObjections(run);
        long next = jdbc.sql("insert into evaluation_run(scheme_id, scheme_yaml, year, attribution, status, version,"
                + " previous_run_id, publicised_from, publicised_until, created_by) select scheme_id, scheme_yaml, year,"
                + " attribution, 'PUBLICISED', version + 1, id, publicised_from, publicised_until, ? from evaluation_run"
                + " where id = ? returning id").params(actor, run).query(Long.class).single();
        jdbc.sql("insert into evaluation_input(run_id, enterprise_id, above_scale, land_m2, metrics)"
                + " select ?, enterprise_id, above_scale, land_m2, metrics from evaluation_input where run_id = ?")
                .params(next, run).update();
        int applied = jdbc.sql("""
                update evaluation_input i set metrics = i.metrics || jsonb_build_object(o.metric, o.claimed_value)
                from evaluation_objection o
                where i.run_id = ? and o.run_id = ? and o.enterprise_id = i.enterprise_id and o.status = 'ACCEPTED'
                  and o.claimed_value is not null and o.metric <> 'LAND_M2'
                """).params(next, run).update();
        jdbc.sql("insert into evaluation_reference_input(run_id, year, enterprise_id, above_scale, land_m2, metrics)"
                + " select ?, year, enterprise_id, above_scale, land_m2, metrics from evaluation_reference_input"
                + " where run_id = ?").params(next, run).update();
        applyAcceptedLand(next, run);
        score(next, schemeOf(r));
        followHolders(next, ((Number) r.get("year")).intValue(), (String) r.get("attribution"));
        jdbc.sql("update evaluation_run set status = 'SUPERSEDED' where id = ?").param(run).update();
        audit.record("RECALCULATE", "evaluation_run", next, null, null, Map.of("run", run),
                Map.of("run", next, "corrections", applied));
        return next;
    }

    @Transactional
    public void finalise(long run, String actor) {
        Map<String, Object> r = run(run);
        if (!"PUBLICISED".equals(r.get("status"))) {
            throw new Refused("只有公示中的结果可以定稿", "only a publicised run can be made final");
        }
        requireNoOpenObjections(run);
        jdbc.sql("update evaluation_run set status = 'FINAL', finalised_at = now() where id = ?").param(run).update();
        audit.record("FINALISE", "evaluation_run", run, null, null, Map.of("status", "PUBLICISED"),
                Map.of("status", "FINAL"));
    }

    public List<ObjectionRow> objections(Scope scope, long run) {
        return ScopeParams.bind(jdbc.sql("""
                select o.id, o.enterprise_id, e.name as enterprise_name, o.metric, o.claimed_value::float8 as claimed_value,
                       o.reason, o.evidence, o.filed_by, o.filed_at, o.status, o.decision, o.decided_by
                from evaluation_objection o join enterprise e on e.id = o.enterprise_id
                where o.run_id = :run and %s order by o.id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("run", run)
                .query(ObjectionRow.class).list();
    }

    /** Enterprises whose total or class changed from the previous version. */
    public List<DiffRow> diff(Scope scope, long run) {
        return ScopeParams.bind(jdbc.sql("""
                select e.id as enterprise_id, e.name, a.total::float8 as total_before, b.total::float8 as total_after,
                       a.klass as class_before, b.klass as class_after
                from evaluation_run n
                join evaluation_result b on b.run_id = n.id
                join evaluation_result a on a.run_id = n.previous_run_id and a.enterprise_id = b.enterprise_id
                join enterprise e on e.id = b.enterprise_id
                where n.id = :run and (a.total is distinct from b.total or a.klass is distinct from b.klass) and %s
                order by e.id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("run", run)
                .query(DiffRow.class).list();
    }

    /**
     * The scheme's differentiated measures for this run (Shandong's D surcharge, say): for each enterprise in a class
     * with a measure (tenants following their parcel holder's class included), the number of consecutive years it has
     * been in that class — this run, then the final runs of the same region for the years before — and the amount that
     * follows; then, of the items of one group, which one is charged.
     */
    public List<PolicyRow> policies(Scope scope, long run) {
        Scheme scheme = scheme(run);
        if (scheme.policies().isEmpty()) {
            return List.of();
        }
        Map<Integer, Map<Long, String>> history = new HashMap<>();
        for (Map<String, Object> r : jdbc.sql("select id, year, scheme_id, scheme_yaml from evaluation_run"
                + " where status = 'FINAL' and year < ? order by id").param(scheme.year()).query().listOfRows()) {
            if (!parse((String) r.get("scheme_yaml"), (String) r.get("scheme_id")).region().equals(scheme.region())) {
                continue;
            }
            Map<Long, String> classes = new HashMap<>();
            jdbc.sql("select enterprise_id, klass from evaluation_result where run_id = ? and klass is not null")
                    .param(r.get("id")).query(rs -> {
                        classes.put(rs.getLong(1), rs.getString(2));
                    });
            history.put(((Number) r.get("year")).intValue(), classes); // later final runs of a year replace earlier ones
        }
        Map<String, Map<Long, Double>> figures = new HashMap<>();
        for (Scheme.Policy p : scheme.policies()) {
            if (p.metric() != null && !figures.containsKey(p.metric())) {
                Map<Long, Double> values = new HashMap<>();
                jdbc.sql("select enterprise_id, cast(metrics ->> ? as float8) from evaluation_input where run_id = ?"
                        + " and jsonb_typeof(metrics -> ?) = 'number'").params(p.metric(), run, p.metric())
                        .query(rs -> {
                            values.put(rs.getLong(1), rs.getDouble(2));
                        });
                figures.put(p.metric(), values);
            }
        }
        List<PolicyRow> out = new ArrayList<>();
        List<ResultRow> classified = new ArrayList<>(results(scope, run, null, null, null));
        classified.addAll(followers(scope, run));
        for (ResultRow row : classified) {
            List<Scheme.Policy> applying = new ArrayList<>();
            List<Double> amounts = new ArrayList<>();
            List<Integer> years = new ArrayList<>();
            for (Scheme.Policy p : scheme.policies()) {
                if (p.metric() != null) {
                    Double v = figures.get(p.metric()).get(row.enterpriseId());
                    if (v != null && v > 0) {
                        applying.add(p);
                        amounts.add(v);
                        years.add(0);
                    }
                    continue;
                }
                if (!p.klass().equals(row.klass())) {
                    continue;
                }
                int consecutive = 1;
                for (int y = scheme.year() - 1; history.containsKey(y)
                        && p.klass().equals(history.get(y).get(row.enterpriseId())); y--) {
                    consecutive++;
                }
                applying.add(p);
                amounts.add(p.amount(consecutive));
                years.add(consecutive);
            }
            boolean[] charged = Scheme.Policy.charged(applying,
                    amounts.stream().mapToDouble(Double::doubleValue).toArray());
            for (int k = 0; k < applying.size(); k++) {
                Scheme.Policy p = applying.get(k);
                out.add(new PolicyRow(row.enterpriseId(), row.name(), row.klass(), years.get(k), p.name(),
                        amounts.get(k), p.unit(), charged[k], charged[k] ? null
                                : "与同组措施不叠加，取最高 / does not stack with its group: the highest applies"));
            }
        }
        return out;
    }

    /** Tenants that take their parcel holder's class (parcel attribution modes): measures by class apply to them too. */
    private List<ResultRow> followers(Scope scope, long run) {
        return ScopeParams.bind(jdbc.sql("""
                select r.enterprise_id, e.name, e.uscc, p.name as park_name, r.cohort, null::float8 as total, r.rank,
                       r.of_count, r.klass
                from evaluation_result r join enterprise e on e.id = r.enterprise_id left join park p on p.id = r.park_id
                where r.run_id = :run and r.cohort is null and r.klass is not null
                  and r.explanation ->> 'follows' is not null and %s
                order by e.id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("run", run)
                .query(ResultRow.class).list();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
