package org.parkscope.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parkscope.core.evaluation.RunStatus;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.evaluation.EvaluationService.PolicyRow;
import org.parkscope.evaluation.EvaluationService.ResultFilter;
import org.parkscope.evaluation.EvaluationService.ResultRow;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scheme's differentiated measures for a run (Shandong's D surcharge, say): for each enterprise in a class with a
 * measure (tenants following their parcel holder's class included), the number of consecutive years it has been in
 * that class — this run, then the final runs of the same region for the years before — and the amount that follows;
 * then, of the items of one group, which one is charged.
 */
@Component
class PolicyList {

    private final JdbcClient jdbc;
    private final RunStore runs;
    private final EvaluationQueries queries;

    PolicyList(JdbcClient jdbc, RunStore runs, EvaluationQueries queries) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.queries = queries;
    }

    List<PolicyRow> policies(Scope scope, long run) {
        Scheme scheme = runs.scheme(run);
        if (scheme.policies().isEmpty()) {
            return List.of();
        }
        Map<Integer, Map<Long, String>> history = history(scheme);
        Map<String, Map<Long, Double>> figures = new HashMap<>();
        for (Scheme.Policy p : scheme.policies()) {
            if (p.metric() != null && !figures.containsKey(p.metric())) {
                figures.put(p.metric(), figure(run, p.metric()));
            }
        }
        List<PolicyRow> out = new ArrayList<>();
        List<ResultRow> classified = new ArrayList<>(queries.allResults(scope, run, ResultFilter.NONE));
        classified.addAll(queries.followers(scope, run));
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
                        amounts.get(k), p.unit(), charged[k], charged[k] ? null : "eval.policy.notStacked"));
            }
        }
        return out;
    }

    /** The classes of the final runs of the same region in the years before, by year (a later final run replaces). */
    private Map<Integer, Map<Long, String>> history(Scheme scheme) {
        record Final(long id, int year, String schemeId, String schemeYaml) {}
        Map<Integer, Map<Long, String>> history = new HashMap<>();
        for (Final r : jdbc.sql("select id, year, scheme_id, scheme_yaml from evaluation_run where status = ?"
                + " and year < ? order by id").params(RunStatus.FINAL.name(), scheme.year())
                        .query(RecordRows.of(Final.class)).list()) {
            if (!SchemeCatalogue.parse(r.schemeYaml(), r.schemeId()).region().equals(scheme.region())) {
                continue;
            }
            Map<Long, String> classes = new HashMap<>();
            jdbc.sql("select enterprise_id, klass from evaluation_result where run_id = ? and klass is not null")
                    .param(r.id()).query(rs -> {
                        classes.put(rs.getLong(1), rs.getString(2));
                    });
            history.put(r.year(), classes);
        }
        return history;
    }

    /** A metric of the run's inputs, by enterprise (where it is a number). */
    private Map<Long, Double> figure(long run, String metric) {
        Map<Long, Double> values = new HashMap<>();
        jdbc.sql("select enterprise_id, cast(metrics ->> ? as float8) from evaluation_input where run_id = ?"
                + " and jsonb_typeof(metrics -> ?) = 'number'").params(metric, run, metric).query(rs -> {
                    values.put(rs.getLong(1), rs.getDouble(2));
                });
        return values;
    }
}
