package org.parkscope.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainChecks;
import org.parkscope.shared.Refusal;

class ChainFileTest {

    @Test
    void everyShippedChainLoadsAndCrossChainEdgesResolve() {
        List<Chain> chains = ChainFile.SHIPPED.stream().map(n -> ChainFile.parse(ChainFile.shippedText(n), n)).toList();
        assertThat(chains).extracting(Chain::id).containsExactly("SC", "5G", "CC", "IOT", "BD", "NEV", "AI", "IC");
        assertThat(ChainChecks.checkAcross(chains)).isEmpty();
        Chain sc = chains.get(0);
        assertThat(sc.nodes()).hasSize(11);
        assertThat(sc.exclude()).contains("密码锁");
        Chain nev = chains.get(5);
        assertThat(nev.nodes()).extracting(n -> n.id()).contains("NEV-D1", "NEV-D3", "NEV-D4");
    }

    @Test
    void everyQualificationTitleInTheShippedChainsIsARegistryType() {
        for (String name : ChainFile.SHIPPED) {
            Chain chain = ChainFile.parse(ChainFile.shippedText(name), name);
            assertThat(ChainService.unknownQualifications(chain)).as(name).isEmpty();
        }
        String yaml = ChainFile.shippedText("sc").replace("qualifications: [电子认证服务许可证, ", "qualifications: [某某许可证, ");
        var problem = ChainService.unknownQualifications(ChainFile.parse(yaml, "sc")).get(0);
        assertThat(problem.text(Locale.SIMPLIFIED_CHINESE)).contains("SC-D1", "某某许可证", "登记系统中没有此资质类型")
                .doesNotContain("no such");
        assertThat(problem.text(Locale.ENGLISH)).contains("SC-D1", "某某许可证", "no such qualification type")
                .doesNotContain("登记系统");
    }

    @Test
    void aOneSidedEdgeIsRejectedWithAClearMessage() {
        String yaml = ChainFile.shippedText("sc").replaceFirst("(?s)(- id: SC-U3.*?downstream:\\n)      - \\{node: SC-M1, kind: supplies\\}\\n", "$1");
        assertThatThrownBy(() -> ChainFile.parse(yaml, "sc")).isInstanceOf(ChainFile.Invalid.class).satisfies(e -> {
            assertThat(((Refusal) e).text(Locale.SIMPLIFIED_CHINESE)).contains("SC-M1", "未列出").doesNotContain("does not");
            assertThat(((Refusal) e).text(Locale.ENGLISH)).contains("SC-M1", "does not list").doesNotContain("未列出");
        });
    }

    @Test
    void unknownCodesAndStagesAreReportedInTheReadersLanguage() {
        String yaml = ChainFile.shippedText("sc").replace("code: \"3915\"", "code: \"3999\"").replace("stage: 中游", "stage: 侧游");
        assertThatThrownBy(() -> ChainFile.parse(yaml, "sc")).isInstanceOf(ChainFile.Invalid.class)
                .satisfies(e -> {
                    assertThat(((Refusal) e).text(Locale.SIMPLIFIED_CHINESE)).contains("产业链定义 sc 有误",
                            "不是 GB/T 4754-2017 小类：3999", ".stage: 须是 上游、中游 或 下游：侧游")
                            .doesNotContain("not a GB/T", "must be");
                    assertThat(((Refusal) e).text(Locale.ENGLISH)).contains("chain definition sc is invalid",
                            "not a GB/T 4754-2017 class: 3999", ".stage: must be 上游, 中游 or 下游: 侧游")
                            .doesNotContain("小类", "须是");
                });
        assertThatThrownBy(() -> ChainFile.parse("nodes: [", "x"))
                .satisfies(e -> assertThat(((Refusal) e).text(Locale.ENGLISH)).contains("not valid YAML"));
    }
}
