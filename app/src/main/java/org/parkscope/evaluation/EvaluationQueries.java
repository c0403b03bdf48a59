package org.parkscope.evaluation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.evaluation.RunStatus;
import org.parkscope.evaluation.EvaluationService.DiffRow;
import org.parkscope.evaluation.EvaluationService.ExplanationView;
import org.parkscope.evaluation.EvaluationService.FirmResult;
import org.parkscope.evaluation.EvaluationService.LandRow;
import org.parkscope.evaluation.EvaluationService.ObjectionRow;
import org.parkscope.evaluation.EvaluationService.ResultFilter;
import org.parkscope.evaluation.EvaluationService.ResultPage;
import org.parkscope.evaluation.EvaluationService.ResultRow;
import org.parkscope.evaluation.EvaluationService.RunRow;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.parkscope.shared.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the evaluation pages read: runs, one page of a stored ranking, explanations, objections, the diff. */
@Component
class EvaluationQueries {

    private static final String IN_SCOPE = Scope.condition("e.park_id", "e.id");
    private static final String RUN_COLUMNS = """
            select r.id, r.scheme_id, r.year, r.status, r.version, r.previous_run_id, r.publicised_from,
                   r.publicised_until, r.created_at, r.created_by, coalesce(r.rated, 0) as enterprises, r.phase, r.failure,
                   r.failure_detail
            from evaluation_run r
            """;

    private final JdbcClient jdbc;

    EvaluationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<RunRow> runs() {
        return jdbc.sql(RUN_COLUMNS + " order by r.id desc").query(RecordRows.of(RunRow.class)).list();
    }

    List<FirmResult> firmResults(long enterprise) {
        List<String> shown = Arrays.stream(RunStatus.values())
                .filter(RunStatus::shownToEnterprises).map(Enum::name).toList();
        return jdbc.sql("""
                select r.id as run_id, r.year, r.status, r.publicised_until, x.explanation ->> 'cohortName' as cohort,
                       x.klass, x.total::float8 as total,
                       x.rank, x.of_count, x.cohort is null and x.explanation ->> 'follows' is not null as follows,
                       (select count(*) from evaluation_objection o where o.run_id = r.id and o.enterprise_id = :e)
                           as objections,
                       (select count(*) from evaluation_objection o where o.run_id = r.id and o.enterprise_id = :e
                           and o.status = 'OPEN') as open_objections
                from evaluation_run r join evaluation_result x on x.run_id = r.id and x.enterprise_id = :e
                where r.status = any(cast(:shown as text[]))
                order by r.year desc, r.id desc""").param("e", enterprise).param("shown", shown.toArray(String[]::new))
                .query(RecordRows.of(FirmResult.class)).list();
    }

    RunRow run(long run) {
        return jdbc.sql(RUN_COLUMNS + " where r.id = ?").param(run).query(RecordRows.of(RunRow.class)).optional()
                .orElseThrow(() -> Refusal.notFound("evaluation run", run));
    }

    /** One page of the ranking, filtered by cohort, class, park and industry (a GB/T 4754 code prefix). */
    ResultPage results(Scope scope, long run, ResultFilter filter, int page, int size) {
        long total = ScopeParams.bind(jdbc.sql("select count(*) " + RESULTS_FROM), scope)
                .params(filterParams(run, filter)).query(Long.class).single();
        List<ResultRow> rows = ScopeParams.bind(jdbc.sql(RESULTS_SELECT + RESULTS_FROM
                + " order by r.cohort, r.rank, e.id limit :limit offset :offset"), scope).params(filterParams(run, filter))
                .param("limit", size).param("offset", (long) page * size).query(RecordRows.of(ResultRow.class)).list();
        return new ResultPage(rows, total, page, size);
    }

    /** The whole ranking (the 公示 list, the measures). */
    List<ResultRow> allResults(Scope scope, long run, ResultFilter filter) {
        return ScopeParams.bind(jdbc.sql(RESULTS_SELECT + RESULTS_FROM + " order by r.cohort, r.rank, e.id"), scope)
                .params(filterParams(run, filter)).query(RecordRows.of(ResultRow.class)).list();
    }

    private static final String RESULTS_SELECT = """
            select r.enterprise_id, e.name, e.uscc, p.name as park_name, r.cohort, r.total::float8 as total, r.rank,
                   r.of_count, r.klass
            """;
    private static final String RESULTS_FROM = """
            from evaluation_result r join enterprise e on e.id = r.enterprise_id left join park p on p.id = r.park_id
            where r.run_id = :run and r.cohort is not null
              and (cast(:cohort as text) is null or r.cohort = :cohort)
              and (cast(:klass as text) is null or r.klass = :klass)
              and (cast(:park as bigint) is null or r.park_id = :park)
              and (cast(:industry as text) is null or e.industry_code like :industry || '%')
              and """ + IN_SCOPE;

    private static Map<String, Object> filterParams(long run, ResultFilter f) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("run", run);
        p.put("cohort", blank(f.cohort()));
        p.put("klass", blank(f.klass()));
        p.put("park", f.park());
        p.put("industry", blank(f.industry()));
        return p;
    }

    /** Tenants that take their parcel holder's class (parcel attribution modes): measures by class apply to them too. */
    List<ResultRow> followers(Scope scope, long run) {
        return ScopeParams.bind(jdbc.sql("""
                select r.enterprise_id, e.name, e.uscc, p.name as park_name, r.cohort, null::float8 as total, r.rank,
                       r.of_count, r.klass
                from evaluation_result r join enterprise e on e.id = r.enterprise_id left join park p on p.id = r.park_id
                where r.run_id = :run and r.cohort is null and r.klass is not null
                  and r.explanation ->> 'follows' is not null and\s""" + IN_SCOPE + " order by e.id"), scope)
                .param("run", run).query(RecordRows.of(ResultRow.class)).list();
    }

    /** Ranked enterprises per cohort and class. */
    Map<String, Map<String, Long>> classCounts(Scope scope, long run) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select r.cohort, r.klass, count(*) as n from evaluation_result r join enterprise e on e.id = r.enterprise_id
                where r.run_id = :run and r.cohort is not null and\s""" + IN_SCOPE
                + " group by r.cohort, r.klass order by r.cohort, r.klass"), scope).param("run", run)
                .query(rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return out;
    }

    /** The land list of a run (for its land-area publicity): enterprise, park and attributed land. */
    List<LandRow> land(Scope scope, long run) {
        return ScopeParams.bind(jdbc.sql("""
                select i.enterprise_id, e.name, e.uscc, p.name as park_name, i.land_m2::float8 as land_m2
                from evaluation_input i join enterprise e on e.id = i.enterprise_id left join park p on p.id = e.park_id
                where i.run_id = :run and\s""" + IN_SCOPE + " order by p.name nulls last, e.name"), scope)
                .param("run", run).query(RecordRows.of(LandRow.class)).list();
    }

    /**
     * One enterprise's explanation as stored, or empty when outside the scope or the run. A tenant that follows its
     * parcel holder (the parcel attribution modes) gets its own page too: {@code holder} then holds whom it follows,
     * read for the tenant whatever the holder's scope; a holder's has {@code followers}, the tenants taking its result.
     */
    Optional<ExplanationView> explanation(Scope scope, long run, long enterprise) {
        record Row(long id, String name, String uscc, @Nullable String explanation, @Nullable BigDecimal landM2,
                String metrics) {}
        return ScopeParams.bind(jdbc.sql("""
                select e.id, e.name, e.uscc, r.explanation::text as explanation, i.land_m2,
                       coalesce(i.metrics::text, '{}') as metrics
                from enterprise e
                left join evaluation_input i on i.run_id = :run and i.enterprise_id = e.id
                left join evaluation_result r on r.run_id = :run and r.enterprise_id = e.id
                where e.id = :e and (i.enterprise_id is not null or r.enterprise_id is not null) and\s""" + IN_SCOPE),
                scope).param("run", run).param("e", enterprise).query(RecordRows.of(Row.class)).optional().map(row -> {
                    Map<String, Object> x = ExplanationJson.read(row.explanation());
                    ExplanationView holder = null;
                    List<String> followers = List.of();
                    if (x != null && x.get("follows") instanceof Number h) {
                        holder = explanation(Scope.town(), run, h.longValue()).orElse(null);
                    } else {
                        followers = jdbc.sql("""
                                select e.name from evaluation_result r join enterprise e on e.id = r.enterprise_id
                                where r.run_id = ? and r.explanation ->> 'follows' = ? order by e.name
                                """).params(run, String.valueOf(enterprise)).query(String.class).list();
                    }
                    return new ExplanationView(row.id(), row.name(), row.uscc(), x, row.landM2(),
                            ExplanationJson.read(row.metrics()), holder, followers);
                });
    }

    List<ObjectionRow> objections(Scope scope, long run) {
        return ScopeParams.bind(jdbc.sql("""
                select o.id, o.enterprise_id, e.name as enterprise_name, o.metric, o.claimed_value::float8 as claimed_value,
                       o.reason, o.evidence, o.filed_by, o.filed_at, o.status, o.decision, o.decided_by
                from evaluation_objection o join enterprise e on e.id = o.enterprise_id
                where o.run_id = :run and\s""" + IN_SCOPE + " order by o.id"), scope).param("run", run)
                .query(RecordRows.of(ObjectionRow.class)).list();
    }

    /** Enterprises whose total or class changed from the previous version. */
    List<DiffRow> diff(Scope scope, long run) {
        return ScopeParams.bind(jdbc.sql("""
                select e.id as enterprise_id, e.name, a.total::float8 as total_before, b.total::float8 as total_after,
                       a.klass as class_before, b.klass as class_after
                from evaluation_run n
                join evaluation_result b on b.run_id = n.id
                join evaluation_result a on a.run_id = n.previous_run_id and a.enterprise_id = b.enterprise_id
                join enterprise e on e.id = b.enterprise_id
                where n.id = :run and (a.total is distinct from b.total or a.klass is distinct from b.klass)
                  and\s""" + IN_SCOPE + " order by e.id"), scope).param("run", run)
                          .query(RecordRows.of(DiffRow.class)).list();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
