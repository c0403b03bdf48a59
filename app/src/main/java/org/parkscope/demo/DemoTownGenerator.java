package org.parkscope.demo;

import java.util.List;
import javax.sql.DataSource;
import org.parkscope.audit.AuditLog;
import org.parkscope.demo.DemoTown.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the demo town, modelled on 泗泾镇, into an empty database from a fixed seed: 23 park platforms with parcels
 * drawn inside the real 松江区 outline, buildings and floor space, about 2 000 enterprises with five years of figures,
 * landlord/tenant sublets (园中园/厂中厂) and qualifications. At a larger {@link DemoScale} the same rules build
 * further real Shanghai towns beside it, each with 23 invented parks and 2 000 firms, one town in memory at a time.
 *
 * <p>The figures the article states come out of the data when computed the ordinary way (sums, counts, shares); the
 * generator steers its random draws towards them and corrects the last cent, but stores no figure as such. In a
 * district or city they hold for 泗泾镇's own rows.
 */
public final class DemoTownGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoTownGenerator.class);

    public static final long SEED = 20240314L;
    public static final String TOWN_CODE = "310117102000";
    /** A further town whose draws miss one of the article's rules is drawn again from the next seed, at most this often. */
    private static final int ATTEMPTS = 20;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public DemoTownGenerator(DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tx = tx;
    }

    /** True when the registry is empty, so the demo town may be generated. */
    public boolean databaseIsEmpty() {
        Integer n = jdbc.queryForObject("select count(*) from region", Integer.class);
        return n == null || n == 0;
    }

    /** Generates the demo town and writes it in one transaction: either the whole town is there or nothing is. */
    public void generate() {
        generate(DemoScale.TOWN);
    }

    /** Generates the towns of a scale in one transaction; the first is always the demo town, row for row. */
    public void generate(DemoScale scale) {
        long t0 = System.nanoTime();
        DemoTown.Shared shared = new DemoTown.Shared();
        List<Site> sites = scale.towns() == 1 ? List.of(DemoSites.demo(shared.gf)) : DemoSites.of(scale.towns(), shared.gf);
        long[] parkRanges = new long[sites.size() + 1];
        long[] demoLastEnterprise = new long[1];
        tx.executeWithoutResult(status -> {
            DemoWriter writer = new DemoWriter(jdbc);
            writer.writeHeader(sites);
            for (int i = 0; i < sites.size(); i++) {
                DemoTown town = build(sites.get(i), shared);
                writer.writeTown(town);
                parkRanges[i + 1] = shared.parks;
                if (i == 0) {
                    demoLastEnterprise[0] = shared.enterprises;
                }
                if (i % 10 == 9) {
                    log.info("Demo {}: {} of {} towns written ({} enterprises) in {} s", scale, i + 1, sites.size(),
                            shared.enterprises, (System.nanoTime() - t0) / 1_000_000_000);
                }
            }
            DemoBusinessScopes.fill(jdbc, demoLastEnterprise[0]);
            writer.finish();
            DemoLand land = new DemoLand(jdbc);
            for (int i = 0; i < sites.size(); i++) {
                land.write(sites.get(i), parkRanges[i] + 1, parkRanges[i + 1]);
            }
            String after = "{\"seed\": " + SEED + ", \"enterprises\": " + demoLastEnterprise[0] + (scale.towns() == 1 ? ""
                    : ", \"scale\": \"" + scale + "\", \"towns\": " + sites.size() + ", \"all_enterprises\": "
                    + shared.enterprises) + "}";
            jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
                AuditLog.recordOn(c, "system", "CREATE", "demo_town", TOWN_CODE, after);
                return null;
            });
        });
        // Fresh statistics for the planner: without them the first queries on a just-filled server (autovacuum has not
        // looked yet) plan for empty tables; PostgreSQL 15 took 20 s over the cluster revenue that way.
        jdbc.execute("analyze");
        log.info("Demo {} generated: {} towns, {} parks, {} parcels, {} enterprises in {} ms", scale, sites.size(),
                shared.parks, shared.parcels, shared.enterprises, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * One town's model. The demo town must come out of its seed; a further town whose draws miss a rule (too few
     * crypto firms for the sub-cluster, say) is drawn again from the next seed, its ids given back.
     */
    private static DemoTown build(Site site, DemoTown.Shared shared) {
        long[] mark = shared.mark();
        for (int attempt = 0; ; attempt++) {
            Site s = attempt == 0 ? site : site.withSeed(site.seed() + 1_000_003L * attempt);
            DemoTown town = new DemoTown(s, shared);
            try {
                DemoParks.build(town);
                new DemoRegistry(town).build();
                DemoFigures figures = new DemoFigures(town);
                figures.build();
                figures.steerToArticle();
                DemoQualifications q = new DemoQualifications(town);
                q.buildClusters();
                q.buildQualifications();
                return town;
            } catch (IllegalStateException e) {
                if (site.isDemo() || attempt + 1 >= ATTEMPTS) {
                    throw e;
                }
                log.debug("Demo town {} drawn again: {}", site.name(), e.getMessage());
                shared.reset(mark);
            }
        }
    }
}
