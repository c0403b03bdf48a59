package org.parkscope.evaluation;

import static org.parkscope.core.evaluation.RunStatus.FAILED;
import static org.parkscope.core.evaluation.RunStatus.LAND_PUBLICISED;
import static org.parkscope.core.evaluation.RunStatus.RUNNING;
import static org.parkscope.core.evaluation.RunStatus.SCORED;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.evaluation.RunStatus;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.shared.BulkWork;
import org.parkscope.shared.Refusal;
import org.parkscope.evaluation.RunStore.StoredRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts runs: checks the scheme and data year, records the run as RUNNING — at most one per scheme and year, which a
 * partial unique index enforces whichever instance starts it — then snapshots and scores it, in the background for the
 * pages, and marks it FAILED with the reason if that fails. The worker holds an advisory lock on the run while it
 * works, so a run left RUNNING by a stopped process is recognised and marked failed.
 */
@Component
class RunStarter implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RunStarter.class);
    /** The advisory lock class of evaluation runs (the run id is the other half of the key). */
    private static final int LOCK_CLASS = 0x4556414c;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final RunStore runs;
    private final Snapshot snapshot;
    private final Scoring scoring;
    private final RunProcess process;
    private final AuditLog audit;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "evaluation-run");
        t.setDaemon(true);
        return t;
    });

    RunStarter(JdbcClient jdbc, PlatformTransactionManager transactions, RunStore runs, Snapshot snapshot,
            Scoring scoring, RunProcess process, AuditLog audit) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.runs = runs;
        this.snapshot = snapshot;
        this.scoring = scoring;
        this.process = process;
        this.audit = audit;
    }

    /** A run computed in the background; returns its id at once. */
    long startInBackground(String yaml, String name, String actor, int landDays, boolean workingDays,
            @Nullable Integer year) {
        long run = start(yaml, name, actor, landDays, workingDays, year);
        executor.execute(() -> compute(run));
        return run;
    }

    /** A run computed before this returns; a failure is marked on the run and thrown. */
    long startAndWait(String yaml, String name, String actor, int landDays, boolean workingDays,
            @Nullable Integer year) {
        long run = start(yaml, name, actor, landDays, workingDays, year);
        RuntimeException failure = compute(run);
        if (failure != null) {
            throw failure;
        }
        return run;
    }

    /** Checks the scheme, its data year and the reference years' data, and records the run as RUNNING. */
    private long start(String yaml, String name, String actor, int landDays, boolean workingDays,
            @Nullable Integer year) {
        Scheme scheme = SchemeCatalogue.forYear(yaml, name, year);
        String attribution = SchemeCatalogue.attribution(yaml);
        for (int y : scheme.referenceYears()) {
            if (!snapshot.hasFigures(y)) {
                throw Refusal.of("eval.refused.noReferenceData", y);
            }
        }
        markInterrupted();
        try {
            return jdbc.sql("insert into evaluation_run(scheme_id, scheme_yaml, year, status, created_by, working_days,"
                    + " attribution, land_days, phase) values (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED') returning id")
                    .params(scheme.id(), yaml, scheme.year(), RUNNING.name(), actor, workingDays, attribution, landDays)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw Refusal.of("eval.refused.running", scheme.id(), scheme.year());
        }
    }

    /** Snapshots and scores a RUNNING run in one transaction; on failure marks it FAILED and returns the failure. */
    @Nullable RuntimeException compute(long run) {
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql("select pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, (int) run).query().listOfRows();
                jdbc.sql(BulkWork.SET_WORK_MEM).update();
                StoredRun r = runs.get(run);
                Scheme scheme = r.scheme();
                phase(run, "SNAPSHOT");
                long started = System.nanoTime();
                for (int y : scheme.referenceYears()) {
                    snapshot.takeReference(run, y, r.attribution());
                }
                snapshot.take(run, scheme.year(), r.attribution());
                long snapshotted = System.nanoTime();
                RunStatus done = r.landDays() > 0 ? LAND_PUBLICISED : SCORED;
                if (done == LAND_PUBLICISED) {
                    LocalDate from = LocalDate.now();
                    jdbc.sql("update evaluation_run set publicised_from = ?, publicised_until = ? where id = ?")
                            .params(from, RunProcess.windowEnd(from, r.landDays(), r.workingDays()), run).update();
                } else {
                    phase(run, "SCORING");
                    process.rated(run, scoring.score(run, scheme, r.attribution()));
                }
                LOG.info("evaluation run {} ({} {}): snapshot {} ms, scoring and storing {} ms", run, scheme.id(),
                        scheme.year(), (snapshotted - started) / 1_000_000, (System.nanoTime() - snapshotted) / 1_000_000);
                runs.move(run, RUNNING, done, "eval.refused.running");
                jdbc.sql("update evaluation_run set phase = null where id = ?").param(run).update();
                audit.recordAs(r.createdBy(), "EVALUATE", "evaluation_run", run, null, null, null,
                        Map.of("scheme", scheme.id(), "year", scheme.year(), "status", done.name(),
                                "referenceYears", List.copyOf(scheme.referenceYears())));
            });
            return null;
        } catch (RuntimeException e) {
            LOG.warn("evaluation run {} failed", run, e);
            markFailed(run, e);
            return e;
        }
    }

    /**
     * Shows how far a run has got, in its own short transaction (the run's own transaction commits only at the end);
     * the run's row is not otherwise written before then, so this never waits on it.
     */
    private void phase(long run, String phase) {
        new TransactionTemplate(tx.getTransactionManager(), propagation()).executeWithoutResult(s ->
                jdbc.sql("update evaluation_run set phase = ? where id = ?").params(phase, run).update());
    }

    private static org.springframework.transaction.TransactionDefinition propagation() {
        org.springframework.transaction.support.DefaultTransactionDefinition d =
                new org.springframework.transaction.support.DefaultTransactionDefinition();
        d.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return d;
    }

    private void markFailed(long run, RuntimeException e) {
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        tx.executeWithoutResult(s -> jdbc.sql("update evaluation_run set status = ?, phase = null, failure = ?,"
                + " failure_detail = ? where id = ? and status = ?")
                .params(FAILED.name(), "eval.failure.error", detail, run, RUNNING.name()).update());
    }

    /**
     * Runs left RUNNING by a process that stopped: no worker holds their lock. Marked failed, so that they can be
     * started again. A run just recorded and not yet picked up is given a minute.
     */
    @EventListener(ApplicationReadyEvent.class)
    void markInterrupted() {
        tx.executeWithoutResult(s -> jdbc.sql("""
                update evaluation_run set status = ?, phase = null, failure = ?
                where status = ? and created_at < now() - interval '1 minute'
                  and pg_try_advisory_xact_lock(?, cast(id as int))
                """).params(FAILED.name(), "eval.failure.interrupted", RUNNING.name(), LOCK_CLASS).update());
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
