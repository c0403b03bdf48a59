package org.parkscope.core.chain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * 缺链 / 弱链 / 断链风险 / 强链 per node (chains.md §10.6), each flag with its reasons, and the 招商 priority of a gap.
 * Only nodes that count locally (not demand nodes, not national scope) can be gaps; national nodes are context.
 */
public final class GapAnalysis {

    public enum Flag { MISSING, WEAK, BREAK_RISK, STRONG, CONTEXT }

    /** Thresholds: a node is weak under {@code weakShare} of the chain's local revenue. */
    public record Settings(double weakShare, int strongMinFirms, double decline) {
        public static Settings defaults() {
            return new Settings(0.05, 3, 0.8);
        }
    }

    /**
     * What is known locally about one node: capacity firms (auto or confirmed links in a capacity role), how many of
     * them are 规上 and how many 小微, their revenue, and the output trend of the only firm when there is one.
     */
    public record NodeFigures(String nodeId, int firms, int aboveScale, int smallOrMicro, BigDecimal revenue,
            BigDecimal onlyFirmOutputRatio) {}

    public record Assessment(String nodeId, Set<Flag> flags, List<Reason> reasons, double priority) {
        public boolean gap() {
            return flags.contains(Flag.MISSING) || flags.contains(Flag.WEAK) || flags.contains(Flag.BREAK_RISK);
        }
    }

    private GapAnalysis() {}

    public static Assessment assess(ChainNode node, NodeFigures f, BigDecimal chainRevenue, double strategicFit,
            Settings s) {
        return assess(node, f, chainRevenue, strategicFit, s, List.of());
    }

    /**
     * @param exposedInputs upstream nodes of this one that are on the 卡脖子 watch-list and have no local firm
     *                      ("SC-U2 密码芯片/安全芯片"): a key link fed by them is at risk of a break
     */
    public static Assessment assess(ChainNode node, NodeFigures f, BigDecimal chainRevenue, double strategicFit,
            Settings s, List<String> exposedInputs) {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        List<Reason> reasons = new ArrayList<>();
        if (!node.countsLocally()) {
            flags.add(Flag.CONTEXT);
            reasons.add(node.demandNode() ? new Reason("需求侧节点，不计缺口", "demand-side node: not counted as a gap")
                    : new Reason("全国性节点，仅作参照", "national-scope node: shown as context only"));
            return new Assessment(node.id(), flags, reasons, 0);
        }
        // No local revenue for the chain in the year (no figures yet): the share is unknown, not zero.
        BigDecimal share = chainRevenue.signum() == 0 ? null : f.revenue().divide(chainRevenue, 4, RoundingMode.HALF_UP);
        if (f.firms() == 0) {
            flags.add(Flag.MISSING);
            reasons.add(new Reason("本地无自动或确认关联的企业", "no local firm with an auto or confirmed link"));
        } else {
            if (f.aboveScale() == 0) {
                flags.add(Flag.WEAK);
                reasons.add(new Reason("关联企业均非规上企业（" + f.firms() + "家）",
                        "no linked firm is above scale (" + f.firms() + ")"));
            }
            if (share == null) {
                reasons.add(new Reason("全链本地营收为零或未报，营收占比：未知",
                        "the chain's local revenue is zero or not reported: revenue share unknown"));
            } else if (share.doubleValue() < s.weakShare()) {
                flags.add(Flag.WEAK);
                reasons.add(new Reason("营收占全链本地营收 " + percent(share) + "，低于 " + percent(s.weakShare()),
                        "revenue share of the chain " + percent(share) + ", below " + percent(s.weakShare())));
            }
            if (f.firms() == 1) {
                flags.add(Flag.WEAK);
                reasons.add(new Reason("仅一家企业，单点失效", "a single firm: single point of failure"));
                if (f.onlyFirmOutputRatio() != null && f.onlyFirmOutputRatio().doubleValue() < s.decline()) {
                    flags.add(Flag.BREAK_RISK);
                    reasons.add(new Reason("唯一企业产值较上年下降至 " + percent(f.onlyFirmOutputRatio()),
                            "the only firm's output fell to " + percent(f.onlyFirmOutputRatio()) + " of the year before"));
                }
            }
        }
        if (node.keyLink() && !exposedInputs.isEmpty()) {
            flags.add(Flag.BREAK_RISK);
            reasons.add(new Reason("关键投入列入“卡脖子”清单且本地无供给：" + String.join("、", exposedInputs),
                    "key inputs on the choke-point watch-list with no local supply: " + String.join(", ", exposedInputs)));
        }
        if (node.keyLink() && node.watchList()) {
            flags.add(Flag.BREAK_RISK);
            reasons.add(new Reason("关键环节列入国家“卡脖子”清单：" + node.keyLinkReason(),
                    "key link on the national choke-point watch-list: " + node.keyLinkReason()));
        } else if (node.keyLink() && f.firms() > 0 && exposedInputs.isEmpty()) {
            reasons.add(new Reason("外地采购占比与供应商集中度：未知（需企业调查数据）",
                    "share of inputs from outside and supplier concentration: unknown (survey data needed)"));
        }
        if (!flags.contains(Flag.MISSING) && !flags.contains(Flag.WEAK) && f.firms() >= s.strongMinFirms()
                && f.aboveScale() >= 1) {
            flags.add(Flag.STRONG);
        }
        int severity = flags.contains(Flag.MISSING) ? 3 : flags.contains(Flag.WEAK) || flags.contains(Flag.BREAK_RISK) ? 2 : 0;
        double priority = severity * (node.keyLink() ? 2 : 1) * strategicFit;
        return new Assessment(node.id(), flags, reasons, priority);
    }

    static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    static String percent(double share) {
        return percent(BigDecimal.valueOf(share));
    }
}
