package org.parkscope.evaluation;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.evaluation.Engine;
import org.parkscope.core.evaluation.EvaluationInput;
import org.parkscope.core.evaluation.Explanation;
import org.parkscope.core.evaluation.PublicationChecks;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.core.unit.Area;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores a run: the engine over the run's stored inputs (and reference years), each result stored with its
 * explanation in one COPY, then, in the parcel modes, the tenants following their holder's class; and the run's
 * pre-publication findings.
 */
@Component
class Scoring {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final PublicationCheckStore checks;

    Scoring(JdbcClient jdbc, DataSource dataSource, PublicationCheckStore checks) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.checks = checks;
    }

    /** Scores the run's inputs and stores the results; returns how many enterprises were ranked. */
    int score(long run, Scheme scheme, String attribution) {
        record In(long id, String name, boolean above, double landM2, String metrics, @Nullable Long parkId,
                @Nullable String industry) {}
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
        Columns columns = new Columns(used, n);
        for (int k = 0; k < n; k++) {
            In r = rows.get(k);
            ids[k] = String.valueOf(r.id());
            names[k] = r.name();
            above[k] = r.above();
            mu[k] = Area.muOf(r.landM2());
            columns.read(k, r.metrics());
        }
        EvaluationInput input = new EvaluationInput(ids, names, above, mu)
                .industries(rows.stream().map(In::industry).toArray(String[]::new));
        columns.values.forEach(input::metric);
        for (int y : scheme.referenceYears()) {
            input.reference(y, referenceInput(run, y, used));
        }
        Engine.Result result = new Engine().run(scheme, input);
        StringBuilder csv = new StringBuilder(n * 1024);
        int ranked = 0;
        for (int k = 0; k < n; k++) {
            Explanation e = result.explain(k);
            boolean rated = e.cohort() != null;
            ranked += rated ? 1 : 0;
            ResultCsv.row(csv, run, rows.get(k).id(), rows.get(k).parkId(), e.cohort(), rated ? round4(e.total()) : null,
                    rated ? e.rank() : null, rated ? e.of() : null, e.klass(), ExplanationJson.of(e));
        }
        copyResults(csv);
        followHolders(run, scheme.year(), attribution);
        checks.store(run, PublicationChecks.of(scheme, input, result));
        return ranked;
    }

    /** A run's stored metrics, read into one column per metric the scheme uses (NaN where there is no figure). */
    private static final class Columns {
        final Map<String, double[]> values = new LinkedHashMap<>();

        Columns(Set<String> used, int n) {
            used.forEach(m -> values.put(m, new double[n]));
        }

        void read(int k, String metrics) {
            Map<?, ?> m = JSON.readValue(metrics, Map.class);
            for (Map.Entry<String, double[]> c : values.entrySet()) {
                c.getValue()[k] = m.get(c.getKey()) instanceof Number num ? num.doubleValue() : Double.NaN;
            }
        }
    }

    /** The stored cohort data of another year, for benchmarks taken from it. */
    private EvaluationInput referenceInput(long run, int year, Set<String> used) {
        record Ref(String id, boolean above, double landM2, String metrics) {}
        List<Ref> refs = jdbc.sql("select enterprise_id, above_scale, land_m2, metrics::text from evaluation_reference_input"
                + " where run_id = ? and year = ? order by enterprise_id").params(run, year)
                .query((rs, i) -> new Ref(String.valueOf(rs.getLong(1)), rs.getBoolean(2), rs.getDouble(3),
                        rs.getString(4))).list();
        int n = refs.size();
        String[] ids = new String[n];
        boolean[] above = new boolean[n];
        double[] mu = new double[n];
        Columns columns = new Columns(used, n);
        for (int k = 0; k < n; k++) {
            ids[k] = refs.get(k).id();
            above[k] = refs.get(k).above();
            mu[k] = Area.muOf(refs.get(k).landM2());
            columns.read(k, refs.get(k).metrics());
        }
        EvaluationInput in = new EvaluationInput(ids, ids, above, mu);
        columns.values.forEach(in::metric);
        return in;
    }

    /** The results in one COPY, on the transaction's connection. */
    private void copyResults(StringBuilder csv) {
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy evaluation_result(run_id, enterprise_id, park_id,"
                    + " cohort, total, rank, of_count, klass, explanation) from stdin (format csv)",
                    new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("storing the evaluation results failed", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** Tenants of parcel units take their holder's class (not ranked themselves); only in the parcel modes. */
    private void followHolders(long run, int year, String attribution) {
        if (attribution.equals("FLOOR_SHARE")) {
            return;
        }
        jdbc.sql("""
                insert into evaluation_result(run_id, enterprise_id, park_id, cohort, total, rank, of_count, klass, explanation)
                select :run, t.enterprise_id, e.park_id, null, null, null, null, r.klass,
                       jsonb_build_object('follows', r.enterprise_id, 'class', r.klass,
                           'note', '承租企业随宗地主评价结果 / a tenant takes its parcel holder''s result')
                from parcel_units(:year) t join evaluation_result r on r.run_id = :run and r.enterprise_id = t.unit_id
                join enterprise e on e.id = t.enterprise_id
                where t.role = 'TENANT' and r.klass is not null
                on conflict (run_id, enterprise_id) do nothing
                """).param("run", run).param("year", year).update();
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
}
