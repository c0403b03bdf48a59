package org.parkscope.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parkscope.core.chain.ChainNode;
import org.parkscope.core.chain.GapAnalysis;
import org.parkscope.core.chain.Stage;
import org.parkscope.shared.Scope;
import org.springframework.stereotype.Component;

/** A chain map's graph: nodes laid out up→down (one column per stage), coloured by local strength, with their firms. */
@Component
class ChainGraph {

    private final ChainAnalysis analysis;

    ChainGraph(ChainAnalysis analysis) {
        this.analysis = analysis;
    }

    Map<String, Object> of(Scope s, ChainAnalysis.ChainView v) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        Map<String, Integer> perStage = new LinkedHashMap<>();
        boolean en = ChainLabels.english();
        Map<String, List<String>> names = analysis.capacityNames(s, v.chain().id(), 30);
        for (ChainAnalysis.NodeView n : v.nodes()) {
            int column = perStage.merge(n.node().stage().name(), 1, Integer::sum) - 1;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", n.node().id());
            m.put("name", n.node().id() + "\n" + n.node().name());
            m.put("x", column * 200);
            m.put("y", n.node().stage().ordinal() * 170);
            m.put("firms", n.stats().firms());
            m.put("flags", n.assessment().flags().stream().map(Enum::name).toList());
            m.put("color", colour(n));
            m.put("reasons", n.assessment().reasons().stream().map(r -> r.text(en)).toList());
            m.put("list", names.getOrDefault(n.node().id(), List.of()));
            nodes.add(m);
            for (ChainNode.Edge e : n.node().downstream()) {
                if (!e.crossChain()) {
                    links.add(Map.of("source", n.node().id(), "target", e.node(), "kind", e.kind().name().toLowerCase()));
                }
            }
        }
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Stage st : Stage.values()) {
            stages.add(Map.of("name", en ? st.name().charAt(0) + st.name().substring(1).toLowerCase() : st.zh(),
                    "y", st.ordinal() * 170));
        }
        return Map.of("nodes", nodes, "links", links, "stages", stages);
    }

    static String colour(ChainAnalysis.NodeView n) {
        var f = n.assessment().flags();
        if (f.contains(GapAnalysis.Flag.CONTEXT)) {
            return "#bdbdbd";
        }
        if (f.contains(GapAnalysis.Flag.MISSING)) {
            return "#d32f2f";
        }
        if (f.contains(GapAnalysis.Flag.WEAK)) {
            return "#f9a825";
        }
        if (f.contains(GapAnalysis.Flag.STRONG)) {
            return "#2e7d32";
        }
        return "#66bb6a";
    }
}
