package org.parkscope.chain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On start (after the demo town, if any): loads the shipped chains and cluster composition the database does not hold
 * yet, computes the placements when none are stored, and the 补链 target list when none is stored for the reference
 * year.
 */
@Component
@Order(10)
class ChainStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChainStartup.class);
    private final ChainService chains;
    private final ChainRecomputation recomputation;
    private final ClusterConfig clusters;
    private final TargetService targets;
    private final TargetList list;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final org.parkscope.shared.TownContext town;
    private final boolean demo;

    ChainStartup(ChainService chains, ChainRecomputation recomputation, ClusterConfig clusters, TargetService targets, TargetList list,
            org.springframework.jdbc.core.simple.JdbcClient jdbc, org.parkscope.shared.TownContext town,
            @org.springframework.beans.factory.annotation.Value("${parkscope.demo.enabled:false}") boolean demo) {
        this.chains = chains;
        this.recomputation = recomputation;
        this.clusters = clusters;
        this.targets = targets;
        this.list = list;
        this.jdbc = jdbc;
        this.town = town;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = chains.loadShipped();
        clusters.loadShipped();
        long links = jdbc.sql("select count(*) from chain_link").query(Long.class).single();
        long firms = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        if (links == 0 && firms > 0) {
            long t0 = System.nanoTime();
            int n = recomputation.recompute();
            log.info("Chains: {} loaded, {} placements computed in {} ms", loaded, n, (System.nanoTime() - t0) / 1_000_000);
        }
        if (demo && targets.poolSize() == 0 && firms > 0) {
            // The demo's 补链 pool: real A-share short names (hqchart, Apache-2.0) with summaries of their main business.
            try (var in = ChainStartup.class.getResourceAsStream("/chains/demo-target-pool.csv")) {
                targets.importPool(in, "demo-target-pool.csv", "system");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        TargetList.Stamp stamp = list.stamp();
        if (firms > 0 && (stamp == null || stamp.year() != town.referenceYear())) {
            // A database from before the stored list, or a new reference year: compute it now, not on the first view.
            long t0 = System.nanoTime();
            list.refresh();
            log.info("Chain targets computed in {} ms", (System.nanoTime() - t0) / 1_000_000);
        }
    }
}
