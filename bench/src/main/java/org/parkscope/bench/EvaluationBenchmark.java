package org.parkscope.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.parkscope.core.evaluation.Engine;
import org.parkscope.core.evaluation.EvaluationInput;
import org.parkscope.core.evaluation.Scheme;
import org.parkscope.evaluation.SchemeFile;

/**
 * The evaluation engine against DuckDB on the same data in the same process: 1 000 000 enterprises, the shipped
 * Huangyan 2022 scheme (six indicators for 规上, two for 规下, percentile bands within each cohort). Each side is timed
 * on data already in its own memory (arrays for the engine, a table for DuckDB); both produce the class counts, which
 * must agree. Both sides get the same warm-up (5 runs), then are measured alternately, run for run, and the medians
 * are compared. Usage: {@code java -cp bench/target/parkscope-bench.jar org.parkscope.bench.EvaluationBenchmark [n]
 * [runs]}.
 */
public final class EvaluationBenchmark {

    private EvaluationBenchmark() {}

    static long median(long[] times) {
        long[] sorted = times.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        int warmUp = 5;
        Scheme scheme = SchemeFile.classpath("huangyan-2022");
        Random rnd = new Random(7);
        String[] ids = new String[n];
        boolean[] above = new boolean[n];
        double[] mu = new double[n];
        String[] metrics = {"TAX", "VALUE_ADDED", "ENERGY", "EMISSIONS", "STAFF", "RD", "REVENUE", "ELECTRICITY"};
        double[][] cols = new double[metrics.length][n];
        for (int i = 0; i < n; i++) {
            ids[i] = Integer.toString(i);
            above[i] = rnd.nextDouble() < 0.3;
            mu[i] = 1 + rnd.nextInt(200);
            double scale = mu[i] * (0.5 + rnd.nextDouble() * 2);
            cols[0][i] = Math.round(scale * (5 + rnd.nextDouble() * 40) * 100) / 100.0;
            cols[1][i] = Math.round(scale * (50 + rnd.nextDouble() * 200) * 100) / 100.0;
            cols[2][i] = Math.round(scale * (20 + rnd.nextDouble() * 80) * 100) / 100.0;
            cols[3][i] = Math.round(scale * (0.01 + rnd.nextDouble() * 0.05) * 1000) / 1000.0 + 0.001;
            cols[4][i] = 5 + rnd.nextInt(500);
            cols[5][i] = Math.round(scale * rnd.nextDouble() * 10 * 100) / 100.0;
            cols[6][i] = Math.round(scale * (100 + rnd.nextDouble() * 900) * 100) / 100.0;
            cols[7][i] = Math.round(scale * (1 + rnd.nextDouble() * 50) * 100) / 100.0;
        }
        EvaluationInput input = new EvaluationInput(ids, ids, above, mu);
        for (int m = 0; m < metrics.length; m++) {
            input.metric(metrics[m], cols[m]);
        }
        Class.forName("org.duckdb.DuckDBDriver");
        try (DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = duck.createStatement()) {
                s.execute("SET autoinstall_known_extensions=false; SET autoload_known_extensions=false;");
                s.execute("create table e (id integer, above boolean, mu double, tax double, va double, energy double,"
                        + " em double, staff double, rd double, rev double, elec double)");
            }
            try (DuckDBAppender ap = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "e")) {
                for (int i = 0; i < n; i++) {
                    ap.beginRow();
                    ap.append(i);
                    ap.append(above[i]);
                    ap.append(mu[i]);
                    for (int m = 0; m < metrics.length; m++) {
                        ap.append(cols[m][i]);
                    }
                    ap.endRow();
                }
            }
            String sql = """
                    with s as (
                      select id, above,
                        case when above then tax / mu / 24.097 * 30 + va / mu / 136.16 * 20 + va / energy / 2.694 * 20
                                           + va / em / 4929.81 * 10 + va / staff / 18.14 * 10 + rd / rev / 0.0302 * 10
                             else tax / mu / 11.5932 * 50 + tax / elec / 0.2352 * 50 end as total
                      from e where above or mu >= 3),
                    r as (select above, rank() over (partition by above order by round(total, 9) desc) as rk,
                                 count(*) over (partition by above) as n from s)
                    select case when above then 'ABOVE' else 'BELOW' end || '/' ||
                           case when rk <= ceil(n * 0.2 - 1e-9) then 'A' when rk <= ceil(n * 0.8 - 1e-9) then 'B'
                                when rk <= ceil(n * 0.95 - 1e-9) then 'C' else 'D' end as k, count(*)
                    from r group by 1 order by 1
                    """;
            Engine engine = new Engine();
            Map<String, Long> engineCounts = new TreeMap<>();
            Map<String, Long> duckCounts = new TreeMap<>();
            long[] engineTimes = new long[runs];
            long[] duckTimes = new long[runs];
            // both sides warmed up alike, then measured alternately so that load from elsewhere hits both
            for (int rep = -warmUp; rep < runs; rep++) {
                long t0 = System.nanoTime();
                Engine.Result r = engine.run(scheme, input);
                Map<String, Long> counts = new TreeMap<>(r.classCounts());
                long engineTime = System.nanoTime() - t0;
                counts.values().removeIf(v -> v == 0);
                engineCounts = counts;
                duckCounts.clear();
                t0 = System.nanoTime();
                try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        duckCounts.put(rs.getString(1), rs.getLong(2));
                    }
                }
                long duckTime = System.nanoTime() - t0;
                if (rep >= 0) {
                    engineTimes[rep] = engineTime;
                    duckTimes[rep] = duckTime;
                }
            }
            System.out.println("classes (engine): " + engineCounts);
            System.out.println("classes (DuckDB): " + duckCounts);
            if (!duckCounts.equals(engineCounts)) {
                System.out.println("WARNING: the class counts differ");
            }
            long engineMedian = median(engineTimes);
            long duckMedian = median(duckTimes);
            System.out.printf(Locale.ROOT, "%,d enterprises, %d cores, %d warm-up + %d measured runs each (medians):"
                    + " engine %.1f ms | DuckDB SQL %.1f ms | ratio %.2f×%n", n, Runtime.getRuntime().availableProcessors(),
                    warmUp, runs, engineMedian / 1e6, duckMedian / 1e6, engineMedian / (double) duckMedian);
        }
    }
}
