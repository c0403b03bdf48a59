package org.parkscope.evaluation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A run's inputs, snapshotted so that it can be reproduced: the year's inputs of every evaluated enterprise, and the
 * cohort data of any other year the benchmarks are taken from. The rules (population, land attribution, figures) live
 * in the database functions {@code evaluation_floor_share_inputs} and {@code evaluation_parcel_unit_inputs} (V019).
 */
@Component
class Snapshot {

    private final JdbcClient jdbc;

    Snapshot(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The inputs of the run's own year. */
    void take(long run, int year, String attribution) {
        jdbc.sql("insert into evaluation_input(run_id, enterprise_id, above_scale, land_m2, metrics)"
                + " select :run, s.* from " + source(attribution) + " s")
                .param("run", run).param("year", year).param("aggregate", aggregate(attribution)).update();
    }

    /** Another year's cohort data, for benchmarks taken from it, attributed the same way. */
    void takeReference(long run, int year, String attribution) {
        jdbc.sql("insert into evaluation_reference_input(run_id, year, enterprise_id, above_scale, land_m2, metrics)"
                + " select :run, :year, s.* from " + source(attribution) + " s")
                .param("run", run).param("year", year).param("aggregate", aggregate(attribution)).update();
    }

    /** Whether the registry holds any enterprise figures for a year. */
    boolean hasFigures(int year) {
        return jdbc.sql("select exists(select 1 from indicator_value where period = ?)").param(String.valueOf(year))
                .query(Boolean.class).single();
    }

    private static String source(String attribution) {
        return attribution.equals("FLOOR_SHARE") ? "evaluation_floor_share_inputs(:year)"
                : "evaluation_parcel_unit_inputs(:year, :aggregate)";
    }

    private static boolean aggregate(String attribution) {
        return attribution.equals("PARCEL_AGGREGATE");
    }
}
