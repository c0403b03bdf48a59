package org.parkscope.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.evaluation.RunStatus;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.Scope;
import org.springframework.stereotype.Service;

/**
 * 亩均效益评价 on the registry — the module's API. A run scores the town's industrial enterprises for a scheme's data
 * year (land attributed by floor share or by parcel units, see {@link Snapshot}) and stores each result with its
 * explanation ({@link Scoring}); {@link RunStarter} does that in the background for the pages; {@link RunProcess}
 * takes it through 公示, objections, decisions, a recalculated version and the final result; {@link EvaluationQueries}
 * and {@link PolicyList} serve the pages.
 */
@Service
public class EvaluationService {

    public record RunRow(long id, String schemeId, int year, RunStatus status, int version, @Nullable Long previousRunId,
            @Nullable LocalDate publicisedFrom, @Nullable LocalDate publicisedUntil, Instant createdAt,
            String createdBy, long enterprises, @Nullable String phase, @Nullable String failure,
            @Nullable String failureDetail) {}

    /** One published run as the evaluated firm sees it: its result (class, total, rank) and its objections. */
    public record FirmResult(long runId, int year, RunStatus status, @Nullable LocalDate publicisedUntil,
            @Nullable String cohort, @Nullable String klass, @Nullable Double total, @Nullable Integer rank,
            @Nullable Integer ofCount, boolean follows, int objections, int openObjections) {

        /** The 公示 (or the land publicity) is still open for objections on {@code today}. */
        public boolean openOn(LocalDate today) {
            return status.acceptsObjections() && publicisedUntil != null && !today.isAfter(publicisedUntil);
        }
    }

    public record ResultRow(long enterpriseId, String name, String uscc, @Nullable String parkName, @Nullable String cohort,
            @Nullable Double total, @Nullable Integer rank, @Nullable Integer ofCount, @Nullable String klass) {}

    /** The ranking's filter: cohort, class, park and industry (a GB/T 4754 code prefix such as 39 or 3922). */
    public record ResultFilter(@Nullable String cohort, @Nullable String klass, @Nullable Long park,
            @Nullable String industry) {
        public static final ResultFilter NONE = new ResultFilter(null, null, null, null);
    }

    /** One page of the ranking and the number of rows in all. */
    public record ResultPage(List<ResultRow> rows, long total, int page, int size) {
        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    public record ObjectionRow(long id, long enterpriseId, String enterpriseName, String metric,
            @Nullable Double claimedValue, String reason, @Nullable String evidence, String filedBy, Instant filedAt,
            String status, @Nullable String decision, @Nullable String decidedBy) {}

    /**
     * A differentiated measure for one enterprise: its class, for how many consecutive years, the amount, and whether
     * it is charged — of the measures of one group only the highest is ({@code note}, a message key, says why not).
     */
    public record PolicyRow(long enterpriseId, String name, String klass, int consecutiveYears, String measure,
            double amount, String unit, boolean charged, @Nullable String note) {}

    public record DiffRow(long enterpriseId, String name, @Nullable Double totalBefore, @Nullable Double totalAfter,
            @Nullable String classBefore, @Nullable String classAfter) {}

    /** The land list of a run (for its land-area publicity): enterprise, park and attributed land. */
    public record LandRow(long enterpriseId, String name, String uscc, @Nullable String parkName, double landM2) {}

    /**
     * One enterprise's stored explanation and inputs; a tenant following its parcel holder has the holder's in
     * {@code holder}, a holder the names of the tenants following it in {@code followers}.
     */
    public record ExplanationView(long id, String name, String uscc, @Nullable Map<String, Object> explanation,
            @Nullable BigDecimal landM2, @Nullable Map<String, Object> metrics, @Nullable ExplanationView holder,
            List<String> followers) {}

    private final RunStarter starter;
    private final RunProcess process;
    private final RunStore runs;
    private final EvaluationQueries queries;
    private final PolicyList policies;
    private final PublicationCheckStore checks;

    EvaluationService(RunStarter starter, RunProcess process, RunStore runs, EvaluationQueries queries,
            PolicyList policies, PublicationCheckStore checks) {
        this.checks = checks;
        this.starter = starter;
        this.process = process;
        this.runs = runs;
        this.queries = queries;
        this.policies = policies;
    }

    /** The schemes shipped with the platform, by name. */
    public List<String> shippedSchemes() {
        return SchemeCatalogue.shipped();
    }

    static Scheme parse(String yaml, String name) {
        return SchemeCatalogue.parse(yaml, name);
    }

    /** The scheme of a run, evaluating the run's data year. */
    public Scheme scheme(long runId) {
        return runs.scheme(runId);
    }

    /** Scores the town's industrial enterprises for a shipped scheme's year; returns when the run is SCORED. */
    public long create(String schemeName, String actor) {
        return create(schemeName, actor, 0, false, null);
    }

    /**
     * A run of a shipped scheme for a data year within its effective years (null: the scheme's own year), computed
     * before this returns. With {@code landDays} > 0 the land areas are first published for objection for that many
     * days (LAND_PUBLICISED) and scoring waits for {@link #scoreAfterLand}.
     */
    public long create(String schemeName, String actor, int landDays, boolean workingDays, @Nullable Integer year) {
        return createFrom(SchemeCatalogue.shippedText(schemeName), schemeName, actor, landDays, workingDays, year);
    }

    public long createFrom(String yaml, String schemeName, String actor, int landDays, boolean workingDays) {
        return createFrom(yaml, schemeName, actor, landDays, workingDays, null);
    }

    /**
     * A run from a scheme's YAML text (shipped, or a town's own file) for a data year, computed before this returns.
     * The inputs of the year are snapshotted, and so is the cohort data of any other year the benchmarks are taken
     * from. Refused while a run of the same scheme and year is being computed.
     */
    public long createFrom(String yaml, String schemeName, String actor, int landDays, boolean workingDays,
            @Nullable Integer year) {
        return starter.startAndWait(yaml, schemeName, actor, landDays, workingDays, year);
    }

    /** Like {@link #create(String, String, int, boolean, Integer)}, but returns at once; the run shows its progress. */
    public long start(String schemeName, String actor, int landDays, boolean workingDays, @Nullable Integer year) {
        return starter.startInBackground(SchemeCatalogue.shippedText(schemeName), schemeName, actor, landDays,
                workingDays, year);
    }

    public void publicise(long run, int days, String actor) {
        publicise(run, days, false, actor);
    }

    public void publicise(long run, int days, boolean workingDays, String actor) {
        process.publicise(run, days, workingDays);
    }

    /** The run's pre-publication findings, acknowledged or not, named after its scheme's cohorts and indicators. */
    List<PublicationCheckStore.CheckRow> checks(long run) {
        return checks.of(run, runs.scheme(run));
    }

    /** The ids of the run's findings no administrator has acknowledged yet: while there are any, no 公示. */
    public List<Long> unacknowledgedChecks(long run) {
        return checks.of(run, runs.scheme(run)).stream().filter(c -> !c.acknowledged())
                .map(PublicationCheckStore.CheckRow::id).toList();
    }

    /** A town administrator acknowledges one finding of a run with a reason (audited). */
    public void acknowledge(long run, long finding, String reason, String actor) {
        checks.acknowledge(run, finding, reason, actor);
    }

    /** An objection to one indicator's input, while the run is in its 公示 window. */
    public long object(Scope scope, long run, long enterprise, String metric, @Nullable Double claimed, String reason,
            @Nullable String evidence, String actor) {
        return process.object(scope, run, enterprise, metric, claimed, reason, evidence, actor);
    }

    public void decide(long objection, boolean accept, String decision, String actor) {
        process.decide(objection, accept, decision, actor);
    }

    /** One decision on several open objections of a run, all or none; returns how many were decided. */
    public int decideAll(long run, List<Long> objections, boolean accept, String decision, String actor) {
        return process.decideAll(run, objections, accept, decision, actor);
    }

    /** A new version with the accepted corrections applied; the old version is kept (SUPERSEDED) for the diff. */
    public long recalculate(long run, String actor) {
        return process.recalculate(run, actor);
    }

    public void finalise(long run, String actor) {
        process.finalise(run);
    }

    /** After the land-area publicity: accepted land objections applied, the run is scored (SCORED). */
    public void scoreAfterLand(long run, String actor) {
        process.scoreAfterLand(run);
    }

    static LocalDate windowEnd(LocalDate from, int days, boolean workingDays) {
        return RunProcess.windowEnd(from, days, workingDays);
    }

    public List<RunRow> runs() {
        return queries.runs();
    }

    /** The published runs that evaluated an enterprise, newest first, with its result in each. */
    public List<FirmResult> firmResults(long enterprise) {
        return queries.firmResults(enterprise);
    }

    public RunRow runRow(long runId) {
        return queries.run(runId);
    }

    public ResultPage results(Scope scope, long run, ResultFilter filter, int page, int size) {
        return queries.results(scope, run, filter, page, size);
    }

    /** The whole ranking, for the 公示 list. */
    public List<ResultRow> results(Scope scope, long run, @Nullable String cohort, @Nullable String klass,
            @Nullable Long park) {
        return queries.allResults(scope, run, new ResultFilter(cohort, klass, park, null));
    }

    public Map<String, Map<String, Long>> classCounts(Scope scope, long run) {
        return queries.classCounts(scope, run);
    }

    public List<LandRow> land(Scope scope, long run) {
        return queries.land(scope, run);
    }

    public Optional<ExplanationView> explanation(Scope scope, long run, long enterprise) {
        return queries.explanation(scope, run, enterprise);
    }

    public List<ObjectionRow> objections(Scope scope, long run) {
        return queries.objections(scope, run);
    }

    public List<DiffRow> diff(Scope scope, long run) {
        return queries.diff(scope, run);
    }

    public List<PolicyRow> policies(Scope scope, long run) {
        return policies.policies(scope, run);
    }
}
