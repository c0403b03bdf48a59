package org.parkscope.evaluation;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Refusal;
import org.parkscope.core.evaluation.RunStatus;
import org.parkscope.core.evaluation.Scheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A run's stored row and its status changes, each checked against {@link RunStatus}'s transitions. */
@Component
class RunStore {

    /** A run as stored: the scheme text it used, its data year, attribution, status and 公示 window. */
    record StoredRun(long id, String schemeId, String schemeYaml, int year, String attribution, RunStatus status,
            int version, @Nullable Long previousRunId, @Nullable LocalDate publicisedFrom,
            @Nullable LocalDate publicisedUntil, boolean workingDays, int landDays, String createdBy) {

        /** The run's scheme, evaluating the run's data year. */
        Scheme scheme() {
            return SchemeCatalogue.parse(schemeYaml, schemeId).forYear(year);
        }
    }

    private final JdbcClient jdbc;
    /** Parsed schemes by run: a run's scheme text and year never change once it is recorded. */
    private final Map<Long, Scheme> schemes = new ConcurrentHashMap<>();

    RunStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    StoredRun get(long run) {
        return jdbc.sql("""
                select id, scheme_id, scheme_yaml, year, attribution, status, version, previous_run_id, publicised_from,
                       publicised_until, working_days, land_days, created_by
                from evaluation_run where id = ?
                """).param(run).query(RecordRows.of(StoredRun.class)).optional()
                .orElseThrow(() -> Refusal.notFound("evaluation run", run));
    }

    /** The scheme of a run, evaluating its data year (parsed once per run). */
    Scheme scheme(long run) {
        Scheme known = schemes.get(run);
        if (known != null) {
            return known;
        }
        Scheme scheme = get(run).scheme();
        if (schemes.size() > 1000) {
            schemes.clear();
        }
        schemes.put(run, scheme);
        return scheme;
    }

    /**
     * Moves a run from one status to the next; refused (with {@code refusal}) when the run is not in {@code from}, also
     * when another request moved it meanwhile.
     */
    void move(long run, RunStatus from, RunStatus to, String refusal) {
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException(from + " cannot move to " + to);
        }
        int moved = jdbc.sql("update evaluation_run set status = ? where id = ? and status = ?")
                .params(to.name(), run, from.name()).update();
        if (moved == 0) {
            throw Refusal.of(refusal);
        }
    }

    /** Refuses unless the run is in the given status. */
    static void require(StoredRun run, boolean allowed, String refusal) {
        if (!allowed) {
            throw Refusal.of(refusal);
        }
    }
}
