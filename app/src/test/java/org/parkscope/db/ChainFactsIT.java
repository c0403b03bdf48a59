package org.parkscope.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parkscope.PlatformTest;
import org.parkscope.chain.ChainAnalysis;
import org.parkscope.chain.ChainDecisions;
import org.parkscope.chain.ChainRecomputation;
import org.parkscope.importing.ImportKind;
import org.parkscope.importing.ImportReport;
import org.parkscope.importing.ImportRequest;
import org.parkscope.importing.ImportService;
import org.parkscope.shared.Scope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored chain facts (V021) as the chain pages see them: an import and its roll-back, a decision, an enterprise
 * leaving and a recomputation each show on the chain's figures in the town, a park and an enterprise's own scope, and
 * every stored fact still equals its computation from scratch ({@link FactsRecomputeIT#drift}).
 */
@PlatformTest
class ChainFactsIT {

    @Autowired JdbcClient jdbc;
    @Autowired ImportService imports;
    @Autowired ChainAnalysis analysis;
    @Autowired ChainDecisions decisions;
    @Autowired ChainRecomputation recomputation;
    @TempDir Path dir;

    @AfterEach
    void stillEqual() {
        assertThat(FactsRecomputeIT.drift(jdbc)).as("stored facts that differ from their computation").isEmpty();
    }

    /** A current firm in a park that is capacity on a node of SC (and on no other SC node). */
    Map<String, Object> scFirm() {
        return jdbc.sql("""
                select f.enterprise_id, f.node_id, e.park_id, e.uscc from chain_firm f join enterprise e on e.id = f.enterprise_id
                where f.chain_id = 'SC' and f.chain_capacity and e.status = 'ACTIVE' and e.park_id is not null
                  and (select count(*) from chain_firm g where g.enterprise_id = f.enterprise_id and g.chain_id = 'SC') = 1
                order by f.enterprise_id limit 1""").query().singleRow();
    }

    ChainAnalysis.NodeStats node(ChainAnalysis.ChainView v, Object id) {
        return v.nodes().stream().filter(n -> n.node().id().equals(id)).findFirst().orElseThrow().stats();
    }

    @Test
    void theDemoTownsChainFactsHoldRows() {
        for (String t : Set.of("chain_firm", "chain_node_park", "chain_park", "chain_park_year")) {
            assertThat(jdbc.sql("select count(*) from " + t).query(Long.class).single()).as(t).isPositive();
        }
    }

    @Test
    void anImportForAChainFirmAndItsRollBack() throws IOException {
        Map<String, Object> firm = scFirm();
        int year = 2035; // no figures yet: the chain's figures that year are this firm's alone
        Path file = dir.resolve("figures.csv");
        Files.writeString(file, "统一社会信用代码,期间,税收(万元),营业收入(万元),工业总产值(万元)\n" + firm.get("uscc")
                + "," + year + ",100,2000,3000\n", StandardCharsets.UTF_8);
        ImportReport r = imports.run(ImportKind.INDICATORS, file, "figures.csv", ImportRequest.Options.defaults(), "test");
        assertThat(r.status()).as(r.problems().toString()).isEqualTo(ImportReport.Status.COMMITTED);
        ChainAnalysis.ChainView v = analysis.view(Scope.town(), "SC", year);
        assertThat(v.revenueWan()).isEqualByComparingTo("2000");
        assertThat(node(v, firm.get("node_id")).revenueWan()).isEqualByComparingTo("2000");
        assertThat(node(v, firm.get("node_id")).revenueTrend().get(4)).isEqualByComparingTo("2000");
        assertThat(analysis.totals(Scope.parks(Set.of((Long) firm.get("park_id"))), "SC", year).taxWan())
                .isEqualByComparingTo("100");
        assertThat(analysis.view(Scope.enterprise((Long) firm.get("enterprise_id")), "SC", year).revenueWan())
                .isEqualByComparingTo("2000");

        assertThat(imports.rollback(r.batchId(), "test").done()).isTrue();
        assertThat(analysis.view(Scope.town(), "SC", year).revenueWan()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(jdbc.sql("select count(*) from chain_park_year where year = ?").param(year).query(Long.class).single())
                .isZero();
    }

    @Test
    void aDecisionCountsInItsParkAndInTheFirmsOwnScope() {
        Map<String, Object> f = jdbc.sql("""
                select min(e.id) as id, min(e.park_id) as park_id from enterprise e
                where e.status = 'ACTIVE' and e.park_id is not null
                  and e.park_id = (select min(park_id) from enterprise where status = 'ACTIVE')
                  and not exists (select 1 from chain_link l where l.enterprise_id = e.id)""").query().singleRow();
        long id = (Long) f.get("id");
        int year = analysis.defaultYear();
        Scope park = Scope.parks(Set.of((Long) f.get("park_id")));
        ChainAnalysis.ChainView before = analysis.view(park, "SC", year);
        try {
            decisions.decide(id, "SC-M1", "CONFIRMED", "PRODUCER", "测试 / test");
            ChainAnalysis.ChainView after = analysis.view(park, "SC", year);
            assertThat(after.firms()).isEqualTo(before.firms() + 1);
            assertThat(node(after, "SC-M1").firms()).isEqualTo(node(before, "SC-M1").firms() + 1);
            ChainAnalysis.ChainView own = analysis.view(Scope.enterprise(id), "SC", year);
            assertThat(own.firms()).isEqualTo(1);
            assertThat(node(own, "SC-M1").firms()).isEqualTo(1);
            assertThat(own.nodes()).filteredOn(n -> !n.node().id().equals("SC-M1")).allMatch(n -> n.stats().firms() == 0);
        } finally {
            decisions.withdraw(id, "SC-M1");
        }
        assertThat(analysis.view(park, "SC", year).firms()).isEqualTo(before.firms());
    }

    @Test
    void anEnterpriseMovedOutLeavesItsChainAndARecomputationKeepsTheFacts() {
        Map<String, Object> firm = scFirm();
        long id = (Long) firm.get("enterprise_id");
        int year = analysis.defaultYear();
        ChainAnalysis.ChainView before = analysis.view(Scope.town(), "SC", year);
        try {
            jdbc.sql("update enterprise set status = 'MOVED_OUT' where id = ?").param(id).update();
            ChainAnalysis.ChainView after = analysis.view(Scope.town(), "SC", year);
            assertThat(after.firms()).isEqualTo(before.firms() - 1);
            assertThat(node(after, firm.get("node_id")).firms()).isEqualTo(node(before, firm.get("node_id")).firms() - 1);
        } finally {
            jdbc.sql("update enterprise set status = 'ACTIVE' where id = ?").param(id).update();
        }
        recomputation.recompute();
        ChainAnalysis.ChainView again = analysis.view(Scope.town(), "SC", year);
        assertThat(again.firms()).isEqualTo(before.firms());
        assertThat(again.revenueWan()).isEqualByComparingTo(before.revenueWan());
    }
}
