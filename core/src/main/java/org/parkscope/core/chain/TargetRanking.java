package org.parkscope.core.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * 补链 targets for a gap: firms from a pool outside the town, placed on the gap's node by the same matcher that places
 * local firms, and ranked by how well they fit, with the evidence as reasons. A listed company gets a small bonus
 * (it can fund a new site); the match itself dominates.
 */
public final class TargetRanking {

    public record PoolFirm(long id, String name, String industryCode, String business, boolean listed, String region) {}

    public record Target(PoolFirm firm, double score, Placement.Role role, List<Reason> reasons) {}

    private TargetRanking() {}

    public static List<Target> rank(ChainMatcher matcher, String nodeId, List<PoolFirm> pool, int limit) {
        List<Target> out = new ArrayList<>();
        for (PoolFirm p : pool) {
            FirmProfile profile = new FirmProfile(p.id(), p.name(), p.industryCode(), p.business(), "", Set.of());
            Placement placement = matcher.place(profile).stream().filter(x -> x.nodeId().equals(nodeId)).findFirst()
                    .orElse(null);
            if (placement == null) {
                continue;
            }
            List<Reason> reasons = new ArrayList<>();
            for (Placement.Evidence e : placement.evidence()) {
                if (e.weight() > 0) {
                    reasons.add(new Reason(label(e.source(), false) + "：" + e.matched(), label(e.source(), true) + ": " + e.matched()));
                }
            }
            if (p.listed()) {
                reasons.add(new Reason("上市公司", "listed company"));
            }
            double score = Math.min(1, placement.score() + (p.listed() ? 0.05 : 0));
            out.add(new Target(p, Math.round(score * 1000) / 1000.0, placement.role(), reasons));
        }
        out.sort(Comparator.comparingDouble(Target::score).reversed().thenComparing(t -> t.firm().name()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    static String label(Placement.Source s, boolean english) {
        return switch (s) {
            case QUALIFICATION -> english ? "qualification" : "资质";
            case CODE -> english ? "industry code" : "行业代码";
            case CODE_PARTIAL -> english ? "industry code (partial)" : "行业代码（部分）";
            case PRODUCTS -> english ? "main products" : "主营产品";
            case SCOPE_LEAD, SCOPE -> english ? "business scope" : "经营范围";
            case RELATED -> english ? "related term" : "相关词";
            case NAME -> english ? "name" : "名称";
        };
    }
}
