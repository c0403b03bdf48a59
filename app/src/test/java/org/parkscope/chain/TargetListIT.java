package org.parkscope.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The stored 补链 target list equals the from-scratch computation after each event that changes its inputs: a
 * recomputation of the placements, a chain definition saved, and a pool import. Every test puts its data back.
 */
@PlatformTest
class TargetListIT {

    @Autowired TargetList list;
    @Autowired TargetService targets;
    @Autowired ChainService chains;
    @Autowired org.parkscope.chain.ChainRecomputation recomputation;
    @Autowired org.parkscope.chain.ChainDecisions decisions;
    @Autowired ChainAnalysis analysis;
    @Autowired JdbcClient jdbc;

    void storedEqualsFromScratch() {
        assertThat(list.stamp()).isNotNull().satisfies(s -> assertThat(s.year()).isEqualTo(analysis.defaultYear()));
        assertThat(list.stored(analysis.defaultYear(), TargetList.STORED_PER_GAP))
                .isEqualTo(list.compute(analysis.defaultYear(), TargetList.STORED_PER_GAP));
    }

    @Test
    void theDemoStartLeavesTheListStoredWithTargets() {
        storedEqualsFromScratch();
        assertThat(list.stored(analysis.defaultYear(), 5)).isNotEmpty().anyMatch(g -> !g.targets().isEmpty())
                .allMatch(g -> g.targets().size() <= 5);
        // The page's list is the stored one, with the vacant space looked up.
        assertThat(list.targets(analysis.defaultYear(), 5)).anyMatch(g -> !g.spaces().isEmpty());
    }

    @Autowired org.springframework.core.env.Environment env;

    @Test
    void thePageSaysWhenTheStoredListWasComputedAndAnotherYearIsComputedOnTheSpot() {
        var admin = org.parkscope.web.Browser.signedIn(Integer.parseInt(env.getProperty("local.server.port")), "admin",
                "Parkscope2024");
        int year = analysis.defaultYear();
        assertThat(admin.get("/chains/targets").body()).contains("缺口按 " + year + " 年数据", "卫士通");
        String other = admin.get("/chains/targets?year=" + (year - 1)).body();
        assertThat(other).contains("补链招商目标").doesNotContain("缺口按 ");
    }

    @Test
    void afterARecomputation() {
        long firm = jdbc.sql("select min(enterprise_id) from chain_link where status = 'AUTO'").query(Long.class).single();
        try {
            jdbc.sql("update enterprise set status = 'MOVED_OUT' where id = ?").param(firm).update();
            recomputation.recompute();
            storedEqualsFromScratch();
        } finally {
            jdbc.sql("update enterprise set status = 'ACTIVE' where id = ?").param(firm).update();
            recomputation.recompute();
        }
        storedEqualsFromScratch();
    }

    @Test
    void afterADefinitionChange() {
        String original = chains.yaml("SC");
        // A new core keyword on SC-U1 draws the pool's 格密码 firm (imported below) and changes the rankings.
        String edited = original.replace("core: [密码算法, ", "core: [密码算法, 服务器密码机, ");
        assertThat(edited).isNotEqualTo(original);
        try {
            chains.save("SC", edited);
            storedEqualsFromScratch();
        } finally {
            chains.save("SC", original);
        }
        storedEqualsFromScratch();
    }

    @Test
    void afterAPoolImport() throws java.io.IOException {
        String name = "测试密码科技股份有限公司";
        byte[] csv = ("名称,证券代码,行业代码,主营业务,所在地\n" + name + ",688999,6513,服务器密码机、密码算法与密钥管理系统,北京\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            targets.importPool(new java.io.ByteArrayInputStream(csv), "test-pool.csv", "test");
            storedEqualsFromScratch();
            assertThat(list.stored(analysis.defaultYear(), TargetList.STORED_PER_GAP)).flatMap(TargetList.GapTargets::targets)
                    .anyMatch(t -> t.firm().name().equals(name));
        } finally {
            jdbc.sql("delete from target_firm where name = ?").param(name).update();
            list.refresh();
        }
        storedEqualsFromScratch();
    }
}
