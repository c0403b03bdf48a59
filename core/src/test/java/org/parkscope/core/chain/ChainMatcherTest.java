package org.parkscope.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parkscope.core.chain.ChainNode.CodeRef;
import org.parkscope.core.chain.ChainNode.Edge;
import org.parkscope.core.chain.ChainNode.EdgeKind;
import org.parkscope.core.chain.ChainNode.Keywords;
import org.parkscope.core.chain.Placement.LinkStatus;
import org.parkscope.core.chain.Placement.Role;

class ChainMatcherTest {

    static ChainNode node(String id, Stage stage, List<String> codes, List<String> core, List<String> related,
            List<String> exclude, List<String> quals, List<Edge> up, List<Edge> down) {
        return new ChainNode(id, id, stage, "", 0, "", false, "", NodeScope.LOCAL, false, false, false,
                codes.stream().map(c -> new CodeRef(c.replace("*", ""), c.endsWith("*"))).toList(), List.of(),
                new Keywords(core, related, exclude), quals, up, down, List.of());
    }

    static final Chain SC = new Chain("SC", "商用密码", "Commercial cryptography", "t", "draft", List.of("信创"),
            List.of("密码锁", "电子密码锁", "密码箱", "加密货币"),
            List.of(node("SC-U3", Stage.UPSTREAM, List.of("3915"), List.of("密码卡", "密码模块"), List.of(), List.of(),
                            List.of("商用密码产品认证"), List.of(), List.of(new Edge("SC-M1", EdgeKind.SUPPLIES))),
                    node("SC-M1", Stage.MIDSTREAM, List.of("3915"), List.of("服务器密码机", "密码机", "签名验签服务器"),
                            List.of("安全网关"), List.of(), List.of("商用密码产品认证"),
                            List.of(new Edge("SC-U3", EdgeKind.SUPPLIES)), List.of()),
                    node("SC-M3", Stage.MIDSTREAM, List.of("6513", "6512*"), List.of("密钥管理系统", "PKI"), List.of(),
                            List.of(), List.of(), List.of(), List.of())),
            List.of());

    static final Chain BD = new Chain("BD", "大数据", "Big data", "t", "draft", List.of(), List.of("数据线"),
            List.of(node("BD-M2", Stage.MIDSTREAM, List.of("6513"), List.of("数据分析", "数据可视化"), List.of(), List.of(),
                    List.of(), List.of(), List.of())), List.of());

    static final Chain G5 = new Chain("G5", "5G", "5G", "t", "draft", List.of(), List.of(),
            List.of(node("G5-M2", Stage.MIDSTREAM, List.of("3922"), List.of("5G模组", "5G"), List.of(), List.of(), List.of(),
                    List.of(), List.of())), List.of());

    final ChainMatcher matcher = new ChainMatcher(List.of(SC, BD, G5), MatchSettings.defaults());

    static FirmProfile firm(String name, String code, String scope, String products, String... quals) {
        return new FirmProfile(1, name, code, scope, products, Set.of(quals));
    }

    @Test
    void aCryptoMachineMakerIsPlacedAutomaticallyWithItsEvidence() {
        List<Placement> ps = matcher.place(firm("上海某某信息技术有限公司", "3915",
                "一般项目：服务器密码机、签名验签服务器的研发、生产、销售；技术服务、技术开发；计算机软硬件销售。",
                "服务器密码机"));
        Placement m1 = ps.stream().filter(p -> p.nodeId().equals("SC-M1")).findFirst().orElseThrow();
        assertThat(m1.status()).isEqualTo(LinkStatus.AUTO);
        assertThat(m1.role()).isEqualTo(Role.PRODUCER);
        // 密码机 inside 服务器密码机 is not counted again
        assertThat(m1.evidence()).extracting(Placement.Evidence::matched).doesNotContain("密码机");
    }

    @Test
    void exclusionPhrasesMaskHitsButNotTheRestOfTheText() {
        List<Placement> lock = matcher.place(firm("上海某某锁业有限公司", "3399",
                "电子密码锁、指纹锁、密码箱的生产、销售；五金制品销售", "电子密码锁"));
        assertThat(lock).isEmpty();
        List<Placement> cable = matcher.place(firm("上海某某电子有限公司", "3831", "数据线、充电线的生产；电子产品销售", "USB数据线"));
        assertThat(cable).isEmpty();
    }

    @Test
    void latinTermsNeedWordBoundaries() {
        assertThat(matcher.place(firm("上海某某电子有限公司", "3990", "5GHz无线路由器天线的生产", "5GHz天线")))
                .noneMatch(p -> p.nodeId().equals("G5-M2"));
        assertThat(matcher.place(firm("上海某某通信有限公司", "3922", "5G模组的研发、生产", "5G模组")))
                .anyMatch(p -> p.nodeId().equals("G5-M2") && p.status() == LinkStatus.AUTO);
    }

    @Test
    void oneKindOfEvidenceGoesToReviewAndCodeAloneDoesNotPlace() {
        List<Placement> scopeOnly = matcher.place(firm("上海某某贸易有限公司", "5179",
                "服务器密码机、密码卡、签名验签服务器、密钥管理系统的研发", ""));
        assertThat(scopeOnly).allMatch(p -> p.status() == LinkStatus.CANDIDATE);
        assertThat(matcher.place(firm("上海某某软件有限公司", "6513", "软件开发；信息系统集成服务", ""))).isEmpty();
    }

    @Test
    void aQualificationIsStrongEvidence() {
        List<Placement> ps = matcher.place(firm("上海某某科技有限公司", "6513", "密码卡的研发、生产", "", "商用密码产品认证"));
        assertThat(ps).anyMatch(p -> p.nodeId().equals("SC-U3") && p.status() == LinkStatus.AUTO);
    }

    @Test
    void aPureSellerIsNotCapacityOnAProductionNode() {
        List<Placement> ps = matcher.place(firm("上海某某贸易有限公司", "5179", "服务器密码机销售；签名验签服务器批发",
                "服务器密码机"));
        Placement m1 = ps.stream().filter(p -> p.nodeId().equals("SC-M1")).findFirst().orElseThrow();
        assertThat(m1.role()).isEqualTo(Role.SELLER);
        assertThat(m1.status()).isEqualTo(LinkStatus.CANDIDATE);
    }

    @Test
    void itemsDropApprovalClausesBoilerplateAndExclusions() {
        assertThat(ChainMatcher.items("一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；动力电池回收（不含危险废物经营）；"
                + "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）")).containsExactly("动力电池回收");
    }

    @Test
    void chainChecksFindOneSidedEdges() {
        Chain broken = new Chain("SC", "x", "x", "t", "draft", List.of(), List.of(), List.of(
                node("SC-U1", Stage.UPSTREAM, List.of("7320"), List.of("密码算法"), List.of(), List.of(), List.of(),
                        List.of(), List.of(new Edge("SC-M1", EdgeKind.SUPPLIES))),
                node("SC-M1", Stage.MIDSTREAM, List.of("3915"), List.of("密码机"), List.of(), List.of(), List.of(),
                        List.of(), List.of())), List.of());
        assertThat(ChainChecks.check(broken)).singleElement().asString().contains("SC-U1", "SC-M1", "upstream");
        assertThat(ChainChecks.check(SC)).isEmpty();
    }

    @Test
    void gapsAreMissingWeakOrStrongWithReasons() {
        ChainNode n = SC.nodes().get(0);
        var missing = GapAnalysis.assess(n, new GapAnalysis.NodeFigures("SC-U3", 0, 0, 0, BigDecimal.ZERO, null),
                new BigDecimal("100"), 1, GapAnalysis.Settings.defaults());
        assertThat(missing.flags()).contains(GapAnalysis.Flag.MISSING);
        var weak = GapAnalysis.assess(n, new GapAnalysis.NodeFigures("SC-U3", 1, 0, 1, new BigDecimal("2"), null),
                new BigDecimal("100"), 1, GapAnalysis.Settings.defaults());
        assertThat(weak.flags()).contains(GapAnalysis.Flag.WEAK);
        assertThat(weak.reasons()).hasSizeGreaterThanOrEqualTo(3);
        var strong = GapAnalysis.assess(n, new GapAnalysis.NodeFigures("SC-U3", 4, 2, 1, new BigDecimal("40"), null),
                new BigDecimal("100"), 1, GapAnalysis.Settings.defaults());
        assertThat(strong.flags()).containsExactly(GapAnalysis.Flag.STRONG);
        assertThat(missing.priority()).isGreaterThan(weak.priority());
    }

    @Test
    void nodeIdsAreShortUpperCaseCodes() {
        assertThat(ChainChecks.validNodeId("SC-M1")).isTrue();
        assertThat(ChainChecks.validNodeId("NEV-D1-2")).isTrue();
        assertThat(ChainChecks.validNodeId("sc-m1")).isFalse();
        assertThat(ChainChecks.validNodeId("SC-<b>")).isFalse();
        assertThat(ChainChecks.validNodeId("SC-" + "M".repeat(22))).isFalse();
        assertThat(ChainChecks.validNodeId("SCM1")).isFalse();
    }

    @Test
    void weakMeansNoFirmAboveScaleAndAnUnknownShareIsNotWeak() {
        ChainNode n = SC.nodes().get(0);
        // Three medium-sized firms, none 规上, with a good share: weak by rule (a) alone.
        var medium = GapAnalysis.assess(n, new GapAnalysis.NodeFigures("SC-U3", 3, 0, 0, new BigDecimal("40"), null),
                new BigDecimal("100"), 1, GapAnalysis.Settings.defaults());
        assertThat(medium.flags()).containsExactly(GapAnalysis.Flag.WEAK);
        assertThat(medium.reasons()).anyMatch(r -> r.zh().contains("均非规上") && r.en().contains("above scale"));
        // One firm above scale among small ones is not weak by rule (a).
        var mixed = GapAnalysis.assess(n, new GapAnalysis.NodeFigures("SC-U3", 3, 1, 2, new BigDecimal("40"), null),
                new BigDecimal("100"), 1, GapAnalysis.Settings.defaults());
        assertThat(mixed.flags()).doesNotContain(GapAnalysis.Flag.WEAK).contains(GapAnalysis.Flag.STRONG);
        // No revenue reported for the chain: the share is unknown, not below the threshold.
        var unknown = GapAnalysis.assess(n, new GapAnalysis.NodeFigures("SC-U3", 3, 1, 2, BigDecimal.ZERO, null),
                BigDecimal.ZERO, 1, GapAnalysis.Settings.defaults());
        assertThat(unknown.flags()).doesNotContain(GapAnalysis.Flag.WEAK);
        assertThat(unknown.reasons()).anyMatch(r -> r.zh().contains("未知") && r.en().contains("unknown"));
    }

    @Test
    void leadersAreRankNormalisedAndNeedAThreshold() {
        var a = new LeaderScoring.Firm(1, "A", new BigDecimal("900"), new BigDecimal("50"), 2, 6, 1, BigDecimal.TEN, 2, true, 300);
        var b = new LeaderScoring.Firm(2, "B", new BigDecimal("100"), new BigDecimal("5"), 1, 2, 0, BigDecimal.ONE, 0, false, 30);
        var c = new LeaderScoring.Firm(3, "C", new BigDecimal("50"), new BigDecimal("4"), 1, 1, 0, BigDecimal.ONE, 0, false, 20);
        var d = new LeaderScoring.Firm(4, "D", new BigDecimal("10"), new BigDecimal("1"), 1, 1, 0, BigDecimal.ZERO, 0, false, 5);
        var ranked = LeaderScoring.rank(List.of(d, c, b, a), LeaderScoring.Weights.defaults());
        assertThat(ranked.get(0).firm().name()).isEqualTo("A");
        assertThat(ranked.get(0).score()).isEqualTo(1.0);
        assertThat(ranked.get(3).firm().name()).isEqualTo("D");
        assertThat(ranked.get(3).eligible()).isFalse();
    }

    @Test
    void aKeyLinkFedByAnUnsuppliedWatchListNodeIsABreakRisk() {
        ChainNode card = new ChainNode("SC-U3", "密码卡", Stage.UPSTREAM, "", 0, "", true, "核心部件", NodeScope.CITY, false,
                false, false, List.of(), List.of(), new Keywords(List.of("密码卡"), List.of(), List.of()), List.of(),
                List.of(new Edge("SC-U2", EdgeKind.SUPPLIES)), List.of(), List.of());
        var f = new GapAnalysis.NodeFigures("SC-U3", 3, 1, 1, new BigDecimal("30"), null);
        var exposed = GapAnalysis.assess(card, f, new BigDecimal("100"), 1, GapAnalysis.Settings.defaults(),
                List.of("SC-U2 密码芯片"));
        assertThat(exposed.flags()).contains(GapAnalysis.Flag.BREAK_RISK);
        assertThat(exposed.reasons()).anyMatch(r -> r.zh().contains("SC-U2") && r.en().contains("watch-list"));
        var supplied = GapAnalysis.assess(card, f, new BigDecimal("100"), 1, GapAnalysis.Settings.defaults(), List.of());
        assertThat(supplied.flags()).doesNotContain(GapAnalysis.Flag.BREAK_RISK);
    }

    @Test
    void targetsAreThePoolFirmsTheMatcherPlacesOnTheGapBestFirst() {
        var pool = List.of(
                new TargetRanking.PoolFirm(1, "甲公司", "3915", "服务器密码机、签名验签服务器的研发与生产", true, "北京"),
                new TargetRanking.PoolFirm(2, "乙公司", "6513", "密码机销售", false, "杭州"),
                new TargetRanking.PoolFirm(3, "丙公司", "3399", "电子密码锁的生产", false, "宁波"));
        var targets = TargetRanking.rank(matcher, "SC-M1", pool, 10);
        assertThat(targets).extracting(t -> t.firm().name()).containsExactly("甲公司", "乙公司");
        assertThat(targets.get(0).reasons()).anyMatch(r -> r.zh().contains("服务器密码机"))
                .anyMatch(r -> r.en().equals("listed company"));
        assertThat(TargetRanking.rank(matcher, "SC-M1", pool, 1)).hasSize(1);
    }
}
