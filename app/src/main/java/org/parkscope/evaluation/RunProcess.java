package org.parkscope.evaluation;

import static org.parkscope.core.evaluation.RunStatus.FINAL;
import static org.parkscope.core.evaluation.RunStatus.LAND_PUBLICISED;
import static org.parkscope.core.evaluation.RunStatus.PUBLICISED;
import static org.parkscope.core.evaluation.RunStatus.SCORED;
import static org.parkscope.core.evaluation.RunStatus.SUPERSEDED;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.evaluation.EvaluationService.ExplanationView;
import org.parkscope.shared.Refusal;
import org.parkscope.evaluation.RunStore.StoredRun;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly process after scoring: 公示 with a window, objections per indicator, decisions, a recalculated version
 * with the accepted corrections, and the final result; and, for runs that publish land areas first, the scoring once
 * those are settled. Every step is checked against the run's {@link org.parkscope.core.evaluation.RunStatus} and audited.
 */
@Component
class RunProcess {

    private final JdbcClient jdbc;
    private final RunStore runs;
    private final Scoring scoring;
    private final EvaluationQueries queries;
    private final AuditLog audit;
    private final PublicationCheckStore checks;

    RunProcess(JdbcClient jdbc, RunStore runs, Scoring scoring, EvaluationQueries queries, AuditLog audit,
            PublicationCheckStore checks) {
        this.checks = checks;
        this.jdbc = jdbc;
        this.runs = runs;
        this.scoring = scoring;
        this.queries = queries;
        this.audit = audit;
    }

    @Transactional
    void publicise(long run, int days, boolean workingDays) {
        StoredRun r = runs.get(run);
        RunStore.require(r, r.status().canPublish(), "eval.refused.publicise");
        if (days < 1 || days > 30) {
            throw Refusal.of("eval.refused.window");
        }
        checks.requireAcknowledged(run);
        LocalDate from = LocalDate.now();
        LocalDate until = windowEnd(from, days, workingDays);
        runs.move(run, SCORED, PUBLICISED, "eval.refused.publicise");
        jdbc.sql("update evaluation_run set publicised_from = ?, publicised_until = ?, working_days = ? where id = ?")
                .params(from, until, workingDays, run).update();
        audit.record("PUBLISH", "evaluation_run", run, null, null, Map.of("status", SCORED.name()),
                Map.of("status", PUBLICISED.name(), "from", from.toString(), "until", until.toString(),
                        "workingDays", workingDays));
    }

    /** An objection to one indicator's input, while the run is in its 公示 window. */
    @Transactional
    long object(Scope scope, long run, long enterprise, String metric, @Nullable Double claimed, String reason,
            @Nullable String evidence, String actor) {
        StoredRun r = runs.get(run);
        LocalDate until = r.publicisedUntil();
        if (!r.status().acceptsObjections() || until == null || LocalDate.now().isAfter(until)) {
            throw Refusal.of("eval.refused.outsideWindow");
        }
        if (r.status().landOnly() && !"LAND_M2".equals(metric)) {
            throw Refusal.of("eval.refused.landOnly");
        }
        ExplanationView own = queries.explanation(scope, run, enterprise)
                .orElseThrow(() -> Refusal.notFound("enterprise", enterprise));
        if (own.holder() != null) {
            throw Refusal.of("eval.refused.tenantFollows");
        }
        if (reason == null || reason.isBlank()) {
            throw Refusal.of("eval.refused.reason");
        }
        long id = jdbc.sql("insert into evaluation_objection(run_id, enterprise_id, metric, claimed_value, reason, evidence,"
                + " filed_by) values (?, ?, ?, ?, ?, ?, ?) returning id")
                .params(run, enterprise, metric, claimed, reason.trim(), evidence, actor)
                .query(Long.class).single();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("run", run);
        after.put("metric", metric);
        after.put("claimed", claimed);
        after.put("reason", reason.trim());
        audit.record("OBJECT", "evaluation_objection", id, null, enterprise, null, after);
        return id;
    }

    @Transactional
    void decide(long objection, boolean accept, @Nullable String decision, String actor) {
        record Before(long id, long runId, String status, @Nullable String decision) {}
        Before before = jdbc.sql("select id, run_id, status, decision from evaluation_objection where id = ?")
                .param(objection).query(RecordRows.of(Before.class)).optional()
                .orElseThrow(() -> Refusal.notFound("objection", objection));
        if (!"OPEN".equals(before.status())) {
            throw Refusal.of("eval.refused.decided");
        }
        String status = accept ? "ACCEPTED" : "REJECTED";
        jdbc.sql("update evaluation_objection set status = ?, decision = ?, decided_by = ?, decided_at = now() where id = ?")
                .params(status, decision, actor, objection).update();
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("id", before.id());
        was.put("run_id", before.runId());
        was.put("status", before.status());
        was.put("decision", before.decision());
        audit.record("DECIDE", "evaluation_objection", objection, null, null, was,
                Map.of("status", status, "decision", decision == null ? "" : decision));
    }

    /**
     * One decision on several open objections of a run, each decided and audited as if alone, all or none: an
     * objection of another run, or one already decided, refuses the lot.
     */
    @Transactional
    int decideAll(long run, List<Long> objections, boolean accept, @Nullable String decision, String actor) {
        if (objections.isEmpty()) {
            throw Refusal.of("eval.bulk.none");
        }
        for (long objection : new java.util.LinkedHashSet<>(objections)) {
            long of = jdbc.sql("select run_id from evaluation_objection where id = ?").param(objection)
                    .query(Long.class).optional().orElseThrow(() -> Refusal.notFound("objection", objection));
            if (of != run) {
                throw Refusal.notFound("objection", objection);
            }
            decide(objection, accept, decision, actor);
        }
        return new java.util.LinkedHashSet<>(objections).size();
    }

    /**
     * A new version of the run: the same scheme and inputs, with the claimed values of accepted objections applied;
     * the old version is kept (SUPERSEDED) for the diff.
     */
    @Transactional
    long recalculate(long run, String actor) {
        StoredRun r = runs.get(run);
        RunStore.require(r, r.status().canRecalculate(), "eval.refused.recalculate");
        requireNoOpenObjections(run);
        long next = jdbc.sql("insert into evaluation_run(scheme_id, scheme_yaml, year, attribution, status, version,"
                + " previous_run_id, publicised_from, publicised_until, created_by) select scheme_id, scheme_yaml, year,"
                + " attribution, ?, version + 1, id, publicised_from, publicised_until, ? from evaluation_run"
                + " where id = ? returning id").params(PUBLICISED.name(), actor, run)
                .query(Long.class).single();
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
        rated(next, scoring.score(next, r.scheme(), r.attribution()));
        runs.move(run, PUBLICISED, SUPERSEDED, "eval.refused.recalculate");
        audit.record("RECALCULATE", "evaluation_run", next, null, null, Map.of("run", run),
                Map.of("run", next, "corrections", applied));
        return next;
    }

    @Transactional
    void finalise(long run) {
        StoredRun r = runs.get(run);
        RunStore.require(r, r.status().canFinalise(), "eval.refused.finalise");
        requireNoOpenObjections(run);
        runs.move(run, PUBLICISED, FINAL, "eval.refused.finalise");
        jdbc.sql("update evaluation_run set finalised_at = now() where id = ?").param(run).update();
        audit.record("FINALISE", "evaluation_run", run, null, null, Map.of("status", PUBLICISED.name()),
                Map.of("status", FINAL.name()));
    }

    /** After the land-area publicity: accepted land objections applied, the run is scored (SCORED). */
    @Transactional
    void scoreAfterLand(long run) {
        StoredRun r = runs.get(run);
        RunStore.require(r, r.status().canScore(), "eval.refused.score");
        requireNoOpenObjections(run);
        int corrected = applyAcceptedLand(run, run);
        rated(run, scoring.score(run, r.scheme(), r.attribution()));
        runs.move(run, LAND_PUBLICISED, SCORED, "eval.refused.score");
        jdbc.sql("update evaluation_run set publicised_from = null, publicised_until = null where id = ?").param(run)
                .update();
        audit.record("SCORE", "evaluation_run", run, null, null, Map.of("status", LAND_PUBLICISED.name()),
                Map.of("status", SCORED.name(), "landCorrections", corrected));
    }

    /** The number of ranked enterprises, kept with the run for the list of runs. */
    void rated(long run, int ranked) {
        jdbc.sql("update evaluation_run set rated = ? where id = ?").params(ranked, run).update();
    }

    private void requireNoOpenObjections(long run) {
        long open = jdbc.sql("select count(*) from evaluation_objection where run_id = ? and status = 'OPEN'").param(run)
                .query(Long.class).single();
        if (open > 0) {
            throw Refusal.of("eval.refused.openObjections", open);
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
}
