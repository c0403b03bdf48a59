package org.parkscope.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.core.chain.GapAnalysis.Flag;
import org.parkscope.shared.ClusterFigures;
import org.parkscope.shared.Scope;
import org.parkscope.shared.TownContext;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chains on the demo town: the 商用密码 chain filled from the firms' own texts, its gaps and 链主 candidates,
 * decisions that survive recomputation, the dashboard figures driven by the chain and cluster configuration, the
 * pages, exports, definition edits and leads. Every test that changes data puts it back.
 */
@PlatformTest
class ChainIT {

    @Autowired org.parkscope.land.VacancyQueries vacancy;
    @Autowired ChainService chains;
    @Autowired org.parkscope.chain.ChainRecomputation recomputation;
    @Autowired org.parkscope.chain.ChainDecisions decisions;
    @Autowired ChainAnalysis analysis;
    @Autowired org.parkscope.dashboard.TownDashboard dashboard;
    @Autowired ClusterFigures clusterFigures;
    @Autowired TownContext town;
    @Autowired JdbcClient jdbc;
    @Autowired Environment env;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    ChainAnalysis.NodeView node(ChainAnalysis.ChainView v, String id) {
        return v.nodes().stream().filter(n -> n.node().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSuspendedFirmKeepsItsPlacesAndAFirmThatMovedOutHasNone() {
        long firm = jdbc.sql("select min(enterprise_id) from chain_link where status = 'AUTO'").query(Long.class).single();
        long links = jdbc.sql("select count(*) from chain_link where enterprise_id = ?").param(firm).query(Long.class)
                .single();
        try {
            jdbc.sql("update enterprise set status = 'SUSPENDED' where id = ?").param(firm).update();
            recomputation.recompute();
            assertThat(jdbc.sql("select count(*) from chain_link where enterprise_id = ?").param(firm).query(Long.class)
                    .single()).isEqualTo(links);
            jdbc.sql("update enterprise set status = 'MOVED_OUT' where id = ?").param(firm).update();
            recomputation.recompute();
            assertThat(jdbc.sql("select count(*) from chain_link where enterprise_id = ?").param(firm).query(Long.class)
                    .single()).isZero();
        } finally {
            jdbc.sql("update enterprise set status = 'ACTIVE' where id = ?").param(firm).update();
            recomputation.recompute();
        }
    }

    @Test
    void theCryptoChainIsFilledFromTheFirmsOwnTextsWithGapsAndLeaders() {
        ChainAnalysis.ChainView v = analysis.view(Scope.town(), "SC", town.referenceYear());
        System.out.printf("SC chain: %d firms%n", v.firms());
        v.nodes().forEach(n -> System.out.printf("  %s %-12s firms=%d above=%d rev=%s flags=%s %s%n", n.node().id(),
                n.node().name(), n.stats().firms(), n.stats().aboveScale(), n.stats().revenueWan(), n.assessment().flags(),
                n.assessment().reasons().stream().map(r -> r.zh()).toList()));
        for (String filled : List.of("SC-M1", "SC-M3", "SC-D2", "SC-D3")) {
            assertThat(node(v, filled).stats().firms()).as(filled).isPositive();
        }
        // The placements come from the texts: every auto link on SC-M1 cites its 经营范围 or main products.
        List<String> evidence = jdbc.sql("select evidence::text from chain_link where node_id = 'SC-M1' and status = 'AUTO'")
                .query(String.class).list();
        assertThat(evidence).isNotEmpty().allMatch(e -> e.contains("SCOPE") || e.contains("PRODUCTS"));
        // At least one missing and one weak node, each with reasons.
        assertThat(v.nodes()).anyMatch(n -> n.assessment().flags().contains(Flag.MISSING) && !n.assessment().reasons().isEmpty());
        assertThat(v.nodes()).anyMatch(n -> n.assessment().flags().contains(Flag.WEAK) && !n.assessment().reasons().isEmpty());
        // The card node is fed by crypto chips, a choke point with no local supplier: a break risk, and why.
        assertThat(node(v, "SC-U3").assessment().flags()).contains(Flag.BREAK_RISK);
        assertThat(node(v, "SC-U3").assessment().reasons()).anyMatch(r -> r.zh().contains("SC-U2"));
        // National and demand-side nodes are context, never gaps.
        assertThat(node(v, "SC-U2").assessment().flags()).containsExactly(Flag.CONTEXT);
        assertThat(node(v, "SC-D5").assessment().gap()).isFalse();
        var leaders = analysis.leaders(Scope.town(), "SC", town.referenceYear());
        assertThat(leaders).hasSizeGreaterThan(5);
        assertThat(leaders.get(0).eligible()).isTrue();
        assertThat(leaders.get(0).score()).isGreaterThanOrEqualTo(leaders.get(1).score());
    }

    @Test
    void falseFriendsStayOffTheChains() {
        long locks = jdbc.sql("""
                select count(*) from enterprise e where e.business_scope like '%电子密码锁%'
                and exists (select 1 from chain_link l where l.enterprise_id = e.id and l.node_id like 'SC-%')
                """).query(Long.class).single();
        long lockFirms = jdbc.sql("select count(*) from enterprise where business_scope like '%电子密码锁%'")
                .query(Long.class).single();
        assertThat(lockFirms).as("the demo has lock makers").isPositive();
        assertThat(locks).isZero();
        long cables = jdbc.sql("""
                select count(*) from enterprise e where e.business_scope like '%数据线%'
                and exists (select 1 from chain_link l where l.enterprise_id = e.id and l.node_id like 'BD-%')
                """).query(Long.class).single();
        assertThat(cables).isZero();
    }

    @Test
    void decisionsSurviveRecomputationAndAreAudited() {
        Map<String, Object> auto = jdbc.sql("select enterprise_id, node_id from chain_link where status = 'AUTO'"
                + " and node_id like 'SC-%' order by enterprise_id limit 1").query().singleRow();
        Map<String, Object> candidate = jdbc.sql("select enterprise_id, node_id from chain_link where status = 'CANDIDATE'"
                + " order by score desc, enterprise_id limit 1").query().singleRow();
        long a = ((Number) auto.get("enterprise_id")).longValue();
        long c = ((Number) candidate.get("enterprise_id")).longValue();
        String an = (String) auto.get("node_id");
        String cn = (String) candidate.get("node_id");
        long audits = jdbc.sql("select count(*) from audit_log where entity = 'chain_link'").query(Long.class).single();
        try {
            decisions.decide(a, an, "REJECTED", null, "经营范围有此项但实际不生产");
            decisions.decide(c, cn, "CONFIRMED", null, "现场走访确认");
            recomputation.recompute();
            assertThat(status(a, an)).isEqualTo("REJECTED");
            assertThat(status(c, cn)).isEqualTo("CONFIRMED");
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'chain_link'").query(Long.class).single())
                    .isEqualTo(audits + 2);
        } finally {
            decisions.withdraw(a, an);
            decisions.withdraw(c, cn);
        }
        // The withdrawal is audited with the firm's park, so a park's trail shows it.
        Long park = jdbc.sql("select park_id from enterprise where id = ?").param(a).query(Long.class).single();
        assertThat(jdbc.sql("select park_id from audit_log where entity = 'chain_link' and action = 'DELETE'"
                + " and entity_id = ? order by id desc limit 1").param(a + ":" + an).query(Long.class).single()).isEqualTo(park);
        assertThat(status(a, an)).isEqualTo("AUTO");
        assertThat(status(c, cn)).isEqualTo("CANDIDATE");
    }

    String status(long enterprise, String node) {
        return jdbc.sql("select status from chain_link_effective where enterprise_id = ? and node_id = ?")
                .params(enterprise, node).query(String.class).single();
    }

    @Test
    void seiShareAndClusterScaleFollowTheChainConfiguration() {
        int year = town.referenceYear();
        ClusterFigures.SeiShare before = clusterFigures.seiShare(Scope.town(), year);
        assertThat(before.percent()).isEqualByComparingTo("80");
        // A 规上 industrial firm without SEI code, confirmed on an SEI node, counts as SEI from then on.
        Map<String, Object> plain = jdbc.sql("""
                select e.id, v.value from enterprise e join indicator_value v on v.enterprise_id = e.id
                and v.metric = 'OUTPUT' and v.period = ? where e.above_scale and cardinality(e.sei_codes) = 0
                and cast(substr(e.industry_code, 1, 2) as int) between 6 and 46
                and not exists (select 1 from cluster_member m where m.enterprise_id = e.id)
                order by e.id limit 1""").param(String.valueOf(year)).query().singleRow();
        long id = ((Number) plain.get("id")).longValue();
        BigDecimal output = (BigDecimal) plain.get("value");
        long cryptoBefore = crypto(year);
        BigDecimal keyBefore = clusterFigures.keyClusterRevenue(Scope.town(), year);
        try {
            decisions.decide(id, "SC-M1", "CONFIRMED", "PRODUCER", "新增密码机产线（测试）");
            ClusterFigures.SeiShare after = clusterFigures.seiShare(Scope.town(), year);
            assertThat(after.seiOutputWan()).isEqualByComparingTo(before.seiOutputWan().add(output));
            assertThat(crypto(year)).isEqualTo(cryptoBefore + 1);
            assertThat(clusterFigures.keyClusterRevenue(Scope.town(), year)).isGreaterThan(keyBefore);
        } finally {
            decisions.withdraw(id, "SC-M1");
        }
        assertThat(clusterFigures.seiShare(Scope.town(), year).percent()).isEqualByComparingTo("80");
        assertThat(crypto(year)).isEqualTo(cryptoBefore);
    }

    @Test
    void onlyCurrentFirmsInACapacityRoleCount() {
        int year = town.referenceYear();
        org.parkscope.dashboard.TownDashboard.Figures figures = dashboard.figures(Scope.town(), year, town.asOf());
        System.out.printf("dashboard: sei %s %%, key clusters %s 万元, crypto %d%n", figures.seiShare().percent(),
                figures.keyClusterRevenueWan(), crypto(year));
        long movedOut = jdbc.sql("select min(id) from enterprise where status = 'MOVED_OUT'").query(Long.class).single();
        long plain = jdbc.sql("""
                select min(e.id) from enterprise e where e.status = 'ACTIVE' and e.above_scale
                and cardinality(e.sei_codes) = 0 and cast(substr(e.industry_code, 1, 2) as int) between 6 and 46
                and not exists (select 1 from cluster_member m where m.enterprise_id = e.id)
                and not exists (select 1 from chain_link l where l.enterprise_id = e.id)""").query(Long.class).single();
        ChainAnalysis.ChainView sc = analysis.view(Scope.town(), "SC", year);
        ChainAnalysis.ChainView nev = analysis.view(Scope.town(), "NEV", year);
        ClusterFigures.SeiShare sei = clusterFigures.seiShare(Scope.town(), year);
        BigDecimal key = clusterFigures.keyClusterRevenue(Scope.town(), year);
        long cryptoBefore = crypto(year);
        try {
            // A firm that moved out, a mere seller on a production node and a user of the chain's products: none counts.
            decisions.decide(movedOut, "SC-M1", "CONFIRMED", "PRODUCER", "测试：已迁出的企业");
            decisions.decide(plain, "SC-M1", "CONFIRMED", "SELLER", "测试：仅销售密码机");
            decisions.decide(plain, "SC-D5", "CONFIRMED", "USER", "测试：使用密码产品");
            ChainAnalysis.ChainView after = analysis.view(Scope.town(), "SC", year);
            assertThat(after.firms()).isEqualTo(sc.firms());
            assertThat(node(after, "SC-M1").stats().firms()).isEqualTo(node(sc, "SC-M1").stats().firms());
            assertThat(after.revenueWan()).isEqualByComparingTo(sc.revenueWan());
            assertThat(crypto(year)).isEqualTo(cryptoBefore);
            assertThat(clusterFigures.seiShare(Scope.town(), year).seiOutputWan()).isEqualByComparingTo(sei.seiOutputWan());
            assertThat(clusterFigures.keyClusterRevenue(Scope.town(), year)).isEqualByComparingTo(key);
            assertThat(analysis.firms(Scope.town(), "SC-M1", year)).filteredOn(f -> f.id() == plain || f.id() == movedOut)
                    .hasSize(2).noneMatch(ChainAnalysis.FirmOnNode::capacity);
            // A seller on a sales node is capacity there.
            decisions.decide(plain, "NEV-D1", "CONFIRMED", "SELLER", "测试：整车销售");
            assertThat(node(analysis.view(Scope.town(), "NEV", year), "NEV-D1").stats().firms())
                    .isEqualTo(node(nev, "NEV-D1").stats().firms() + 1);
        } finally {
            decisions.withdraw(movedOut, "SC-M1");
            decisions.withdraw(plain, "SC-M1");
            decisions.withdraw(plain, "SC-D5");
            decisions.withdraw(plain, "NEV-D1");
        }
        assertThat(analysis.view(Scope.town(), "NEV", year).firms()).isEqualTo(nev.firms());
    }

    long crypto(int year) {
        return clusterFigures.clusters(Scope.town(), year).stream().filter(c -> c.code().equals("CRYPTO")).findFirst()
                .orElseThrow().members();
    }

    @Test
    void pagesExportsAndScope() {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        String home = admin.get("/chains").body();
        assertThat(home).contains("商用密码", "新能源汽车", "G60商用密码产业创新集群", "data-figure=\"sei-share\"");
        String map = admin.get("/chains/SC").body();
        assertThat(map).contains("chart-chain", "echarts.min.js", "缺链", "弱链", "链主候选", "商用密码检测(上海)中心");
        assertThat(admin.get("/chains/SC?lang=en").body()).contains("Missing", "Chain-leader candidates");
        assertThat(admin.get("/chains/SC/nodes/SC-M1").body()).contains("服务器密码机", "data-status=\"AUTO\"");
        assertThat(admin.get("/chains/review").statusCode()).isEqualTo(200);
        assertThat(admin.get("/chains/XX").statusCode()).isEqualTo(404);
        assertThat(admin.get("/chains/SC/nodes/NEV-D1").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> xlsx = admin.download("/chains/SC/export.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2)).isEqualTo("PK");
        assertThat(new String(admin.download("/chains/SC/definition.yaml").body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("id: SC-M1", "密码锁");

        // A park operator sees its own parks' firms only; an enterprise user none of this.
        Browser park = Browser.signedIn(port(), "park", "Parkscope2024");
        String nev = park.get("/chains/NEV/nodes/NEV-D1").body();
        long slsPark = jdbc.sql("select id from park where code = 'SLS'").query(Long.class).single();
        List<String> foreign = jdbc.sql("""
                select e.name from chain_link l join enterprise e on e.id = l.enterprise_id
                where l.node_id = 'NEV-D1' and e.park_id <> ?""").param(slsPark).query(String.class).list();
        assertThat(foreign).isNotEmpty();
        assertThat(foreign).noneMatch(nev::contains);
        assertThat(nev).contains("交付中心");
        assertThat(park.get("/chains/targets").statusCode()).isEqualTo(403);
        Browser enterprise = Browser.signedIn(port(), "enterprise", "Parkscope2024");
        assertThat(enterprise.get("/chains").statusCode()).isEqualTo(403);
        // Its own page shows no chain placements, though the firm is on chain nodes; town staff see them.
        long quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from chain_link where enterprise_id = ?").param(quectel).query(Long.class)
                .single()).as("the enterprise user's firm is placed").isPositive();
        String own = enterprise.get("/enterprises/" + quectel).body();
        assertThat(own).contains("上海移远通信技术股份有限公司").doesNotContain("chain-links", "business-scope", "经营范围与产业链节点");
        assertThat(admin.get("/enterprises/" + quectel).body()).contains("chain-links", "business-scope");
        // The chain map's tooltip escapes the names it turns into HTML.
        assertThat(map).contains("const esc = ", "esc(p.data.name");
    }

    @Test
    void aDefinitionIsCheckedSavedAsARevisionAndRecomputed() {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        String original = chains.yaml("SC");
        admin.get("/chains/SC/definition");
        String broken = original.replace("stage: 中游", "stage: 旁游");
        HttpResponse<String> r = admin.post("/chains/SC/definition", Map.of("yaml", broken));
        assertThat(r.statusCode()).isEqualTo(302);
        String page = admin.get(r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "")).body();
        assertThat(page).contains(".stage: 须是 上游、中游 或 下游：旁游").doesNotContain("must be");
        assertThat(chains.yaml("SC")).isEqualTo(original);
        // The impact of a keyword edit is shown before it is published, and nothing is stored.
        admin.get("/chains/SC/definition");
        String narrower = original.replace("core: [密码软件, PKI, CA系统, 数字证书系统, 密钥管理系统, 数据库加密, 电子签章系统,\n"
                + "             国密SSL, 密码中间件, 密码服务平台]", "core: [量子密钥分发终端]");
        assertThat(narrower).isNotEqualTo(original);
        String preview = admin.post("/chains/SC/definition", Map.of("yaml", narrower, "action", "preview")).body();
        assertThat(preview).contains("id=\"impact\"");
        var impact = chains.preview("SC", narrower);
        assertThat(impact.dropped()).isPositive();
        assertThat(preview).contains("减少 " + impact.dropped() + " 条");
        assertThat(chains.yaml("SC")).isEqualTo(original);
        int revision = jdbc.sql("select revision from industry_chain where id = 'SC'").query(Integer.class).single();
        try {
            String edited = original.replace("core: [密码算法, ", "core: [密码算法, 格密码, ");
            chains.save("SC", edited);
            assertThat(jdbc.sql("select revision from industry_chain where id = 'SC'").query(Integer.class).single())
                    .isEqualTo(revision + 1);
            assertThat(chains.chain("SC").node("SC-U1").orElseThrow().keywords().core()).contains("格密码");
        } finally {
            chains.save("SC", original);
        }
        assertThat(chains.yaml("SC")).isEqualTo(original);
    }

    @Test
    void nodeIdsAreCheckedAndANodeInUseCannotDisappear() {
        Browser admin = admin();
        String original = chains.yaml("SC");
        for (String bad : List.of("SC-d4", "SC-" + "X".repeat(30), "SC D4")) {
            admin.get("/chains/SC/definition");
            HttpResponse<String> r = admin.post("/chains/SC/definition", Map.of("yaml", original.replace("SC-D4", bad)));
            assertThat(r.statusCode()).as(bad).isEqualTo(302);
            assertThat(admin.get("/chains/SC/definition").body()).as(bad).contains("节点编号须为大写字母或数字")
                    .doesNotContain("a node id is");
        }
        assertThat(chains.yaml("SC")).isEqualTo(original);
        long firm = jdbc.sql("select min(id) from enterprise where status = 'ACTIVE'").query(Long.class).single();
        String renamed = original.replace("SC-D4", "SC-D9");
        decisions.decide(firm, "SC-D4", "REJECTED", null, "测试：人工排除");
        try {
            admin.get("/chains/SC/definition");
            String preview = admin.post("/chains/SC/definition", Map.of("yaml", renamed, "action", "preview")).body();
            assertThat(preview).contains("SC-D4", "此节点将被删除，但仍有 1 项人工决定").doesNotContain("manual decision");
            String english = admin.post("/chains/SC/definition?lang=en", Map.of("yaml", renamed, "action", "preview"))
                    .body();
            assertThat(english).contains("SC-D4", "1 manual decision(s)").doesNotContain("此节点将被删除");
            admin.get("/chains/SC/definition?lang=zh-CN");
            admin.get("/chains/SC/definition");
            admin.post("/chains/SC/definition", Map.of("yaml", renamed));
            assertThat(admin.get("/chains/SC/definition").body()).contains("请先撤回或改到其他节点");
            assertThat(chains.yaml("SC")).isEqualTo(original);
        } finally {
            decisions.withdraw(firm, "SC-D4");
        }
        assertThat(chains.yaml("SC")).isEqualTo(original);
    }

    @Test
    void aGapHasRankedTargetsAndVacantSpaceAndATargetBecomesALead() {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        String page = admin.get("/chains/targets").body();
        assertThat(page).contains("补链招商目标", "卫士通", "m²");
        long target = jdbc.sql("select id from target_firm where name = '卫士通'").query(Long.class).single();
        Long space = jdbc.sql("""
                select min(fs.id) from floor_space fs where not exists (select 1 from occupancy o where o.floor_space_id = fs.id)
                """).query(Long.class).single();
        assertThat(space).as("the demo town has vacant space").isNotNull();
        long before = jdbc.sql("select coalesce(max(id), 0) from investment_lead").query(Long.class).single();
        HttpResponse<String> r = admin.post("/leads", Map.of("target", String.valueOf(target), "chain", "SC",
                "node", "SC-D4", "space", String.valueOf(space)));
        assertThat(r.statusCode()).isEqualTo(302);
        long lead = jdbc.sql("select max(id) from investment_lead").query(Long.class).single();
        try {
            assertThat(lead).isGreaterThan(before);
            String leads = admin.get("/leads").body();
            assertThat(leads).contains("卫士通", "SC-D4", "新线索");
            admin.post("/leads/" + lead + "/status", Map.of("status", "CONTACTED", "note", "已电话联系"));
            assertThat(jdbc.sql("select status from investment_lead where id = ?").param(lead).query(String.class).single())
                    .isEqualTo("CONTACTED");
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'investment_lead' and entity_id = ?")
                    .param(String.valueOf(lead)).query(Long.class).single()).isEqualTo(2);
            // The note change is in the trail, before and after.
            assertThat(jdbc.sql("select (before->>'note') is null and after->>'note' = '已电话联系' from audit_log"
                    + " where entity = 'investment_lead' and entity_id = ? and action = 'UPDATE' order by id desc limit 1")
                    .param(String.valueOf(lead)).query(Boolean.class).single()).isTrue();
            // The unit is held for this lead: a second lead on it is refused, in the user's language.
            long other = jdbc.sql("select id from target_firm where name <> '卫士通' order by id limit 1").query(Long.class).single();
            admin.get("/chains/targets");
            admin.post("/leads", Map.of("target", String.valueOf(other), "space", String.valueOf(space)));
            assertThat(admin.get("/chains/targets").body()).contains("已为招商线索 #" + lead + " 预留")
                    .doesNotContain("already reserved");
            admin.post("/leads?lang=en", Map.of("target", String.valueOf(other), "space", String.valueOf(space)));
            assertThat(admin.get("/chains/targets").body()).contains("already reserved for open lead #" + lead)
                    .doesNotContain("预留");
            admin.get("/chains/targets?lang=zh-CN");
            assertThat(jdbc.sql("select count(*) from investment_lead where id > ?").param(before).query(Long.class).single())
                    .isEqualTo(1);
            // An occupied unit cannot be offered at all.
            Long occupied = jdbc.sql("""
                    select min(o.floor_space_id) from occupancy o where o.floor_space_id is not null
                    and o.valid_from <= ? and (o.valid_to is null or o.valid_to >= ?)""").params(town.asOf(), town.asOf())
                    .query(Long.class).single();
            assertThat(occupied).as("the demo has occupied units").isNotNull();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> targets.createLead(other, null, null, occupied, null, "test"))
                    .isInstanceOfSatisfying(org.parkscope.shared.Refusal.class, e -> {
                        assertThat(e.text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("已有企业使用");
                        assertThat(e.text(java.util.Locale.ENGLISH)).contains("occupied");
                    });
            assertThat(new String(admin.download("/chains/targets/export.xlsx").body(), 0, 2)).isEqualTo("PK");
            // The vacant-space list still offers the unit, marked as held for the lead; dropping the lead frees it.
            assertThat(vacancy.search(Scope.town(), org.parkscope.land.VacancyQueries.Filter.none(), town.asOf()))
                    .filteredOn(v -> v.id() == space).singleElement()
                    .satisfies(v -> assertThat(v.reserved()).isTrue());
            admin.post("/leads/" + lead + "/status", Map.of("status", "DROPPED", "note", "企业另选址"));
            assertThat(vacancy.search(Scope.town(), org.parkscope.land.VacancyQueries.Filter.none(), town.asOf()))
                    .filteredOn(v -> v.id() == space).singleElement()
                    .satisfies(v -> assertThat(v.reserved()).isFalse());
        } finally {
            jdbc.sql("delete from investment_lead where id > ?").param(before).update();
        }
    }

    @Autowired TargetService targets;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void recomputationIsAuditedLockedAndARolledBackEditLeavesNoStaleCache() {
        long audits = jdbc.sql("select count(*) from audit_log where entity = 'chain_recompute'").query(Long.class).single();
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        // Recomputation holds the chains' advisory lock to the end of its transaction.
        Long held = tx.execute(st -> {
            recomputation.recompute();
            return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()"
                    + " and granted").query(Long.class).single();
        });
        assertThat(held).isPositive();
        long links = jdbc.sql("select count(*) from chain_link").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from audit_log where entity = 'chain_recompute'").query(Long.class).single())
                .isEqualTo(audits + 1);
        assertThat(jdbc.sql("select cast(after->>'links' as bigint) from audit_log where entity = 'chain_recompute'"
                + " order by id desc limit 1").query(Long.class).single()).isEqualTo(links);
        // An edit whose transaction rolls back must not leave its definitions in the page cache.
        String original = chains.yaml("SC");
        String edited = original.replace("core: [密码算法, ", "core: [密码算法, 格密码, ");
        try {
            tx.executeWithoutResult(st -> {
                chains.save("SC", edited);
                assertThat(chains.chain("SC").node("SC-U1").orElseThrow().keywords().core()).contains("格密码");
                st.setRollbackOnly();
            });
        } finally {
            assertThat(chains.yaml("SC")).isEqualTo(original);
        }
        assertThat(chains.chain("SC").node("SC-U1").orElseThrow().keywords().core()).doesNotContain("格密码");
    }

    @Test
    void aBadPoolFileIsRejectedInTheUsersLanguage() {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        admin.get("/chains/targets");
        long size = jdbc.sql("select count(*) from target_firm").query(Long.class).single();
        HttpResponse<String> r = admin.upload("/chains/targets/pool", Map.of(), "pool.csv",
                "名称,行业代码,主营业务\n某某公司,9999,服务器密码机\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(admin.get("/chains/targets").body()).contains("第 2 行：行业代码 9999 不是 GB/T 4754-2017 小类")
                .doesNotContain("is not a GB/T");
        admin.upload("/chains/targets/pool?lang=en", Map.of(), "pool.csv",
                "名称,行业代码,主营业务\n某某公司,9999,服务器密码机\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(admin.get("/chains/targets").body()).contains("line 2: 9999 is not a GB/T 4754-2017 class")
                .doesNotContain("不是 GB/T");
        admin.get("/chains/targets?lang=zh-CN");
        assertThat(jdbc.sql("select count(*) from target_firm").query(Long.class).single()).isEqualTo(size);
    }

    @Test
    void theGovernmentsDesignationIsRecordedWithItsDocument() {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        long leader = analysis.leaders(Scope.town(), "SC", town.referenceYear()).get(0).firm().id();
        admin.get("/chains/SC");
        long before = jdbc.sql("select coalesce(max(id), 0) from chain_leader_designation").query(Long.class).single();
        try {
            HttpResponse<String> r = admin.post("/chains/SC/designations", Map.of("enterprise", String.valueOf(leader),
                    "document", "泗府办〔2024〕12号 关于认定商用密码产业链链主企业的通知", "designatedOn", "2024-03-01"));
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(admin.get("/chains/SC").body()).contains("泗府办〔2024〕12号");
            assertThat(jdbc.sql("select count(*) from audit_log where entity = 'chain_leader_designation'")
                    .query(Long.class).single()).isPositive();
            admin.get("/chains/SC");
            admin.post("/chains/SC/designations", Map.of("enterprise", String.valueOf(leader), "document", " ",
                    "designatedOn", "2024-03-01"));
            assertThat(admin.get("/chains/SC").body()).contains("请填写认定文件（名称与文号）")
                    .doesNotContain("the designating document is required");
            admin.post("/chains/SC/designations?lang=en", Map.of("enterprise", String.valueOf(leader), "document", " ",
                    "designatedOn", "2024-03-01"));
            assertThat(admin.get("/chains/SC").body()).contains("the designating document is required")
                    .doesNotContain("请填写认定文件");
            admin.get("/chains/SC?lang=zh-CN");
        } finally {
            jdbc.sql("delete from chain_leader_designation where id > ?").param(before).update();
        }
    }

    @Autowired org.parkscope.importing.ImportService imports;

    @Test
    void anImportedBusinessScopePlacesTheFirmAndARollbackTakesItAway() throws java.io.IOException {
        String uscc = org.parkscope.core.code.Uscc.complete("91310117" + "CHA1NTE5");
        String csv = "统一社会信用代码,企业名称,行业代码,经营范围,主营产品\r\n" + uscc
                + ",上海测试密码设备有限公司,3915,\"一般项目：服务器密码机、签名验签服务器的研发、生产；信息安全设备制造\","
                + "服务器密码机\r\n";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("chain-import", ".csv");
        java.nio.file.Files.writeString(file, csv);
        var report = imports.run(org.parkscope.importing.ImportKind.ENTERPRISES, file, "chain-import.csv",
                org.parkscope.importing.ImportRequest.Options.defaults(), "test");
        try {
            assertThat(report.status()).as(report.problems().toString())
                    .isEqualTo(org.parkscope.importing.ImportReport.Status.COMMITTED);
            recomputation.recompute();
            long id = jdbc.sql("select id from enterprise where uscc = ?").param(uscc).query(Long.class).single();
            assertThat(status(id, "SC-M1")).isEqualTo("AUTO");
            assertThat(admin().get("/enterprises/" + id).body()).contains("服务器密码机", "SC-M1");
        } finally {
            imports.rollback(report.batchId(), "test");
            recomputation.recompute();
            java.nio.file.Files.deleteIfExists(file);
        }
        assertThat(jdbc.sql("select count(*) from enterprise where uscc = ?").param(uscc).query(Long.class).single()).isZero();
    }

    @Test
    void exportsNeutraliseFormulasAndSpeakChinese() throws java.io.IOException {
        Map<String, Object> firm = jdbc.sql("select e.id, e.name from chain_link l join enterprise e on e.id = l.enterprise_id"
                + " where l.node_id = 'SC-M1' and l.status = 'AUTO' order by e.id limit 1").query().singleRow();
        long id = ((Number) firm.get("id")).longValue();
        String evil = "=HYPERLINK(\"http://example.invalid\",\"x\")";
        jdbc.sql("update enterprise set name = ? where id = ?").params(evil, id).update();
        try {
            byte[] xlsx = admin().download("/chains/SC/export.xlsx").body();
            try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
                var nodes = wb.getSheet("节点");
                assertThat(nodes.getRow(1).getCell(2).getStringCellValue()).isEqualTo("上游");
                assertThat(nodes.getRow(1).getCell(3).getStringCellValue()).isNotEqualTo("local").doesNotMatch("[A-Za-z]+");
                List<String> flags = new java.util.ArrayList<>();
                nodes.forEach(r -> flags.add(r.getCell(13).getStringCellValue()));
                assertThat(flags).anyMatch(f -> f.contains("缺链")).noneMatch(f -> f.contains("MISSING"));
                var firms = wb.getSheet("企业");
                List<org.apache.poi.ss.usermodel.Row> rows = new java.util.ArrayList<>();
                firms.forEach(rows::add);
                var row = rows.stream().filter(r -> r.getCell(1).getStringCellValue().contains("HYPERLINK")).findFirst()
                        .orElseThrow();
                assertThat(row.getCell(1).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'" + evil);
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo("自动");
                assertThat(rows.subList(1, rows.size())).noneMatch(r -> List.of("AUTO", "CANDIDATE", "CONFIRMED")
                        .contains(r.getCell(3).getStringCellValue()) || r.getCell(4).getStringCellValue().equals("PRODUCER"));
            }
        } finally {
            jdbc.sql("update enterprise set name = ? where id = ?").params(firm.get("name"), id).update();
        }
        byte[] targets = admin().download("/chains/targets/export.xlsx").body();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(targets))) {
            List<String> gaps = new java.util.ArrayList<>();
            wb.getSheetAt(0).forEach(r -> gaps.add(r.getCell(2).getStringCellValue()));
            assertThat(gaps.subList(1, gaps.size())).isNotEmpty().allMatch(g -> g.matches("[缺弱断链风险、]+"));
        }
    }

    @Test
    void chainQualificationsHaveTheirChineseNameOnTheEnterprisePage() {
        long certified = jdbc.sql("select min(enterprise_id) from qualification where type = 'CRYPTO_PRODUCT_CERT'")
                .query(Long.class).single();
        String page = admin().get("/enterprises/" + certified).body();
        assertThat(page).contains("商用密码产品认证").doesNotContain("??qualification.type.");
        assertThat(admin().get("/enterprises/" + certified + "/edit").body()).contains("商用密码检测机构资质")
                .doesNotContain("??qualification.type.");
    }

    Browser admin() {
        return Browser.signedIn(port(), "admin", "Parkscope2024");
    }

    @Autowired ClusterConfig clusterConfig;

    @Test
    void theClusterCompositionIsConfigurationEditedOnThePlatform() {
        Browser admin = admin();
        int year = town.referenceYear();
        String original = clusterConfig.yaml();
        assertThat(admin.get("/chains/clusters/definition").body()).contains("code: XC", "chains: [5G, BD, CC, IOT, SC]");
        HttpResponse<String> bad = admin.post("/chains/clusters/definition",
                Map.of("yaml", original.replace("chains: [5G, BD, CC, IOT, SC]", "chains: [5G, ZZ]")));
        assertThat(bad.statusCode()).isEqualTo(302);
        assertThat(admin.get("/chains/clusters/definition").body()).contains("产业链不存在：ZZ")
                .doesNotContain("no such chain");
        assertThat(clusterConfig.yaml()).isEqualTo(original);
        long im = members("IM", year);
        try {
            String withAi = original.replaceFirst("(code: IM\\n(?:.*\\n){2})    chains: \\[\\]", "$1    chains: [AI]");
            assertThat(withAi).isNotEqualTo(original);
            admin.get("/chains/clusters/definition");
            assertThat(admin.post("/chains/clusters/definition", Map.of("yaml", withAi)).statusCode()).isEqualTo(302);
            assertThat(members("IM", year)).isGreaterThan(im);
        } finally {
            clusterConfig.save(original, java.util.Set.of("SC", "5G", "CC", "IOT", "BD", "NEV", "AI", "IC"));
        }
        assertThat(members("IM", year)).isEqualTo(im);
        assertThat(clusterConfig.yaml()).isEqualTo(original);
        java.util.Set<String> ids = java.util.Set.of("SC", "5G", "CC", "IOT", "BD", "NEV", "AI", "IC");
        // Parents that come round in a cycle are refused.
        String cyclic = original.replaceFirst("(  - code: XC\\n)", "$1    parent: CRYPTO\n");
        assertThat(cyclic).isNotEqualTo(original);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> clusterConfig.save(cyclic, ids))
                .isInstanceOfSatisfying(ChainFile.Invalid.class, e -> {
                    assertThat(e.text(java.util.Locale.SIMPLIFIED_CHINESE)).contains("上级关系成环");
                    assertThat(e.text(java.util.Locale.ENGLISH)).contains("the parents form a cycle");
                });
        assertThat(clusterConfig.yaml()).isEqualTo(original);
        // A name YAML would misread unquoted is written so that it reads back as the same text.
        String odd = "G60: 商用密码 #1 \"集群\"";
        String renamed = original.replace("name: G60商用密码产业创新集群", "name: '" + odd + "'");
        assertThat(renamed).isNotEqualTo(original);
        try {
            clusterConfig.save(renamed, ids);
            String dumped = clusterConfig.yaml();
            clusterConfig.save(dumped, ids);
            assertThat(clusterConfig.rules()).anyMatch(r -> r.clusterCode().equals("CRYPTO") && r.clusterName().equals(odd));
            assertThat(clusterConfig.yaml()).isEqualTo(dumped);
        } finally {
            clusterConfig.save(original, ids);
        }
        assertThat(clusterConfig.yaml()).isEqualTo(original);
    }

    long members(String cluster, int year) {
        return clusterFigures.clusters(Scope.town(), year).stream().filter(c -> c.code().equals(cluster)).findFirst()
                .orElseThrow().members();
    }
}
