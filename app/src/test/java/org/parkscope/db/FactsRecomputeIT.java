package org.parkscope.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.PlatformTest;
import org.parkscope.chain.ChainService;
import org.parkscope.chain.ClusterConfig;
import org.parkscope.enterprise.EnterpriseCommands;
import org.parkscope.importing.ImportKind;
import org.parkscope.importing.ImportReport;
import org.parkscope.importing.ImportRequest;
import org.parkscope.importing.ImportService;
import org.parkscope.shared.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every stored fact (V017, V021's chain facts) equals its from-scratch computation after every kind of change that
 * feeds it: an import batch and its roll-back, a figure edited by hand, an enterprise's status or park changed, a
 * decision on a chain link, a chain recomputation, a cluster definition saved. "Equal" is compared both ways with {@code except all}, so a row
 * missing, left over or with another value fails; that the comparison can fail is shown with a trigger switched off.
 */
@PlatformTest
class FactsRecomputeIT {

    /** Each stored fact table and the call that computes it from scratch (the same function its refresh uses). */
    static final Map<String, String> FACTS = facts();

    private static Map<String, String> facts() {
        String ids = "array(select id from enterprise)";
        String parks = "array(select id from park union select 0)";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("enterprise_year", "enterprise_year_of(" + ids + ", null)");
        m.put("sei_firm", "sei_firm_of(" + ids + ")");
        m.put("cluster_membership", "cluster_membership_of(" + ids + ")");
        m.put("park_fact", "park_fact_of(" + parks + ")");
        m.put("park_year", "park_year_of(" + parks + ", null)");
        m.put("cluster_park", "cluster_park_of(" + parks + ")");
        m.put("cluster_park_year", "cluster_park_year_of(" + parks + ", null)");
        m.put("chain_firm", "chain_firm_of(null)");
        m.put("chain_node_park", "chain_node_park_of(" + parks + ", null)");
        m.put("chain_park", "chain_park_of(" + parks + ", null)");
        m.put("chain_park_year", "chain_park_year_of(" + parks + ", null, null)");
        return m;
    }

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired ImportService imports;
    @Autowired EnterpriseCommands enterprises;
    @Autowired ChainService chains;
    @Autowired org.parkscope.chain.ChainRecomputation recomputation;
    @Autowired org.parkscope.chain.ChainDecisions decisions;
    @Autowired ClusterConfig clusters;
    @TempDir Path dir;

    /** Rows that differ between each stored fact and its computation (both directions), by table; empty when equal. */
    Map<String, Long> drift() {
        return drift(jdbc);
    }

    static Map<String, Long> drift(JdbcClient jdbc) {
        Map<String, Long> out = new LinkedHashMap<>();
        FACTS.forEach((table, computed) -> {
            long n = jdbc.sql("select (select count(*) from (table " + table + " except all select * from " + computed
                    + ") a) + (select count(*) from (select * from " + computed + " except all table " + table + ") b)")
                    .query(Long.class).single();
            if (n != 0) {
                out.put(table, n);
            }
        });
        return out;
    }

    void assertFactsEqualRecomputation(String after) {
        assertThat(drift()).as("stored facts that differ from their computation after " + after).isEmpty();
    }

    @AfterEach
    void stillEqual() {
        assertFactsEqualRecomputation("the test");
    }

    @Test
    void theDemoTownsFactsAreTheirComputation() {
        assertFactsEqualRecomputation("the demo town was built");
        // not vacuous: every fact holds rows
        FACTS.keySet().forEach(t -> assertThat(jdbc.sql("select count(*) from " + t).query(Long.class).single())
                .as(t).isPositive());
    }

    @Test
    void anImportBatchAndItsRollBack() throws IOException {
        List<Map<String, Object>> two = jdbc.sql("select id, uscc from enterprise where park_id is not null"
                + " and status = 'ACTIVE' order by id limit 2").query().listOfRows();
        String csv = "统一社会信用代码,期间,税收(万元),营业收入(万元),工业总产值(万元)\n"
                + two.get(0).get("uscc") + ",2023,12345,67890,11111\n"
                + two.get(1).get("uscc") + ",2023,1,2,3\n"
                + two.get(1).get("uscc") + ",2034,5,6,7\n";
        Path file = dir.resolve("figures.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        BigDecimal parkTaxBefore = parkTax(two.get(0), 2023);
        ImportReport r = imports.run(ImportKind.INDICATORS, file, "figures.csv", ImportRequest.Options.defaults(), "test");
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        assertFactsEqualRecomputation("an import batch");
        assertThat(parkTax(two.get(0), 2023)).isNotEqualByComparingTo(parkTaxBefore);
        assertThat(jdbc.sql("select count(*) from enterprise_year where year = 2034").query(Long.class).single())
                .isEqualTo(1);

        assertThat(imports.rollback(r.batchId(), "test").done()).isTrue();
        assertFactsEqualRecomputation("an import's roll-back");
        assertThat(parkTax(two.get(0), 2023)).isEqualByComparingTo(parkTaxBefore);
        assertThat(jdbc.sql("select count(*) from park_year where year = 2034").query(Long.class).single()).isZero();
    }

    BigDecimal parkTax(Map<String, Object> enterprise, int year) {
        return jdbc.sql("select coalesce(sum(f.tax), 0) from park_year f join enterprise e on e.park_id = f.park_id"
                + " where e.id = ? and f.year = ?").params(enterprise.get("id"), year).query(BigDecimal.class).single();
    }

    @Test
    void aFigureEditedByHand() {
        long id = jdbc.sql("select min(enterprise_id) from enterprise_year where year = 2023 and tax is not null")
                .query(Long.class).single();
        BigDecimal before = jdbc.sql("select tax from enterprise_year where enterprise_id = ? and year = 2023").param(id)
                .query(BigDecimal.class).single();
        try {
            enterprises.setFigure(Scope.town(), id, "TAX", "2023", before.add(BigDecimal.valueOf(1000)), "TAX");
            assertFactsEqualRecomputation("a figure edited by hand");
            assertThat(jdbc.sql("select tax from enterprise_year where enterprise_id = ? and year = 2023").param(id)
                    .query(BigDecimal.class).single()).isEqualByComparingTo(before.add(BigDecimal.valueOf(1000)));
        } finally {
            enterprises.setFigure(Scope.town(), id, "TAX", "2023", before, "TAX");
        }
        assertFactsEqualRecomputation("a figure set back by hand");
    }

    @Test
    void anEnterpriseMovedOutAndToAnotherPark() {
        Map<String, Object> e = jdbc.sql("""
                select e.id, e.name, e.industry_code, e.size_class, e.above_scale, e.hq, e.hq_kind, e.status, e.park_id
                from enterprise e where e.status = 'ACTIVE' and e.id in (select enterprise_id from sei_firm)
                  and e.id in (select enterprise_id from cluster_membership) and e.park_id is not null
                order by e.id limit 1""").query().singleRow();
        long id = ((Number) e.get("id")).longValue();
        long park = ((Number) e.get("park_id")).longValue();
        long otherPark = jdbc.sql("select min(id) from park where id <> ?").param(park).query(Long.class).single();
        EnterpriseCommands.EnterpriseEdit moved = new EnterpriseCommands.EnterpriseEdit((String) e.get("name"),
                (String) e.get("industry_code"), (String) e.get("size_class"), (Boolean) e.get("above_scale"),
                (Boolean) e.get("hq"), (String) e.get("hq_kind"), "MOVED_OUT");
        try {
            enterprises.update(Scope.town(), id, moved);
            assertFactsEqualRecomputation("an enterprise's status edited");
            assertThat(jdbc.sql("select count(*) from sei_firm where enterprise_id = ?").param(id).query(Long.class)
                    .single()).isZero();
            jdbc.sql("update enterprise set park_id = ? where id = ?").params(otherPark, id).update();
            assertFactsEqualRecomputation("an enterprise moved to another park");
        } finally {
            jdbc.sql("update enterprise set park_id = ? where id = ?").params(park, id).update();
            enterprises.update(Scope.town(), id, new EnterpriseCommands.EnterpriseEdit(moved.name(),
                    moved.industryCode(), moved.sizeClass(), moved.aboveScale(), moved.hq(), moved.hqKind(), "ACTIVE"));
        }
        assertFactsEqualRecomputation("an enterprise set back");
    }

    @Test
    void aDecisionOnALinkAndARecomputation() {
        long id = jdbc.sql("""
                select min(e.id) from enterprise e where e.status = 'ACTIVE' and cardinality(e.sei_codes) = 0
                and not exists (select 1 from chain_link l where l.enterprise_id = e.id)""").query(Long.class).single();
        try {
            decisions.decide(id, "SC-M1", "CONFIRMED", "PRODUCER", "测试 / test");
            assertFactsEqualRecomputation("a link confirmed");
            assertThat(jdbc.sql("select count(*) from sei_firm where enterprise_id = ?").param(id).query(Long.class)
                    .single()).isEqualTo(1);
        } finally {
            decisions.withdraw(id, "SC-M1");
        }
        assertFactsEqualRecomputation("a decision withdrawn");
        recomputation.recompute();
        assertFactsEqualRecomputation("a chain recomputation");
    }

    @Test
    void aClusterDefinitionSaved() {
        String before = clusters.yaml();
        Set<String> chainIds = chains.chains().stream().map(c -> c.id()).collect(Collectors.toSet());
        String wider = widened(before);
        try {
            clusters.save(wider, chainIds);
            assertThat(clusters.yaml()).isNotEqualTo(before);
            assertFactsEqualRecomputation("a cluster definition saved");
        } finally {
            clusters.save(before, chainIds);
        }
        assertFactsEqualRecomputation("a cluster definition set back");
    }

    /** Two transactions changing figures of firms in the same park at once both commit, and the facts add up both. */
    @Test
    void concurrentEditsInOneParkBothCount() throws Exception {
        List<Long> two = jdbc.sql("""
                select y.enterprise_id from enterprise_year y join enterprise e on e.id = y.enterprise_id
                where y.year = 2023 and y.tax is not null
                  and e.park_id = (select park_id from enterprise where park_id is not null group by park_id
                                   having count(*) > 2 order by park_id limit 1)
                order by y.enterprise_id limit 2""").query(Long.class).list();
        String bump = "update indicator_value set value = value + ? where enterprise_id = ? and period = '2023'"
                + " and metric = 'TAX'";
        java.util.concurrent.CountDownLatch firstWrote = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> tx.executeWithoutResult(s -> {
                jdbc.sql(bump).params(1000, two.get(0)).update();
                firstWrote.countDown();
                awaitBlockedWriter(); // the second writes meanwhile, and waits for this one's commit to refresh
            }));
            var second = pool.submit(() -> {
                firstWrote.await();
                tx.executeWithoutResult(s -> jdbc.sql(bump).params(1000, two.get(1)).update());
                return null;
            });
            first.get();
            second.get();
            assertFactsEqualRecomputation("two concurrent edits in one park");
        } finally {
            pool.shutdown();
            for (long id : two) {
                jdbc.sql(bump).params(-1000, id).update();
            }
        }
    }

    /** Until another transaction waits for the stored facts' writer lock (held by the caller's transaction). */
    private void awaitBlockedWriter() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!jdbc.sql("select exists(select 1 from pg_locks where locktype = 'advisory' and not granted)")
                .query(Boolean.class).single()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second writer never waited for the first");
            }
        }
    }

    /** The composition with the first cluster also taking in the whole new-generation IT category (SEI 1). */
    @SuppressWarnings("unchecked")
    static String widened(String yaml) {
        Map<String, Object> doc = new org.yaml.snakeyaml.Yaml().load(yaml);
        Map<String, Object> first = ((List<Map<String, Object>>) doc.get("clusters")).get(0);
        List<Object> sei = new java.util.ArrayList<>((List<Object>) first.getOrDefault("sei", List.of()));
        sei.add("1");
        first.put("sei", sei);
        return new org.yaml.snakeyaml.Yaml().dump(doc);
    }

    /** The comparison catches a stale fact: with a trigger switched off (inside a transaction rolled back), it fails. */
    @Test
    void aMissingTriggerWouldBeCaught() {
        tx.executeWithoutResult(status -> {
            jdbc.sql("alter table indicator_value disable trigger indicator_value_updated").update();
            jdbc.sql("update indicator_value set value = value + 1 where id = (select min(id) from indicator_value"
                    + " where length(period) = 4 and metric = 'TAX')").update();
            assertThat(drift()).containsKey("enterprise_year"); // park_year follows the (stale) enterprise_year
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> {
            jdbc.sql("alter table enterprise disable trigger enterprise_updated").update();
            jdbc.sql("update enterprise set status = 'DEREGISTERED' where id = (select min(enterprise_id) from sei_firm)")
                    .update();
            assertThat(drift()).containsKey("sei_firm").containsKey("park_fact");
            status.setRollbackOnly();
        });
    }
}
