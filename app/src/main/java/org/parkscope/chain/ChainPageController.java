package org.parkscope.chain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainNode;
import org.parkscope.core.chain.GapAnalysis;
import org.parkscope.shared.ClusterFigures;
import org.parkscope.shared.Scope;
import org.parkscope.access.CurrentScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Chain pages: the cluster dashboard, chain maps, node firm lists and the review queue. */
@Controller
class ChainPageController {

    private final ChainService chains;
    private final ChainAnalysis analysis;
    private final ClusterConfig clusters;
    private final ClusterFigures dashboard;
    private final CurrentScope scope;
    private final ChainRequests requests;
    private final ChainGraph graph;

    ChainPageController(ChainService chains, ChainAnalysis analysis, ClusterConfig clusters, ClusterFigures dashboard,
            CurrentScope scope, ChainRequests requests, ChainGraph graph) {
        this.chains = chains;
        this.analysis = analysis;
        this.clusters = clusters;
        this.dashboard = dashboard;
        this.scope = scope;
        this.requests = requests;
        this.graph = graph;
    }

    @GetMapping("/chains")
    String clusters(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = requests.year(year);
        Scope s = scope.get();
        record ChainRow(Chain chain, long firms, long nodes, long missing, long weak, long risk, BigDecimal revenueYi) {}
        List<ChainRow> rows = new ArrayList<>();
        for (ChainAnalysis.ChainView v : analysis.summaries(s, y)) {
            Chain c = v.chain();
            rows.add(new ChainRow(c, v.firms(), c.nodes().size(),
                    v.nodes().stream().filter(n -> n.assessment().flags().contains(GapAnalysis.Flag.MISSING)).count(),
                    v.nodes().stream().filter(n -> n.assessment().flags().contains(GapAnalysis.Flag.WEAK)).count(),
                    v.nodes().stream().filter(n -> n.assessment().flags().contains(GapAnalysis.Flag.BREAK_RISK)).count(),
                    ChainAnalysis.yi(v.revenueWan())));
        }
        model.addAttribute("year", y);
        model.addAttribute("chains", rows);
        model.addAttribute("sei", dashboard.seiShare(s, y));
        model.addAttribute("clusterFigures", dashboard.clusters(s, y));
        model.addAttribute("keyClusterRevenue", dashboard.keyClusterRevenue(s, y));
        model.addAttribute("rules", clusters.rules());
        model.addAttribute("candidates", analysis.reviewCount(s, null));
        return "chains";
    }

    @GetMapping("/chains/{id}")
    String chainMap(@PathVariable String id, @RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = requests.year(year);
        Scope s = scope.get();
        ChainAnalysis.ChainView v = analysis.view(s, id, y);
        model.addAttribute("year", y);
        model.addAttribute("v", v);
        model.addAttribute("totals", analysis.totals(s, id, y));
        model.addAttribute("en", ChainLabels.english());
        model.addAttribute("leaders", analysis.leaders(s, id, y).stream().limit(10).toList());
        model.addAttribute("designations", analysis.designations(s, id));
        model.addAttribute("town", s.allParks() && s.enterpriseId() == null);
        model.addAttribute("graph", graph.of(s, v));
        return "chain";
    }

    @GetMapping("/chains/{id}/nodes/{node}")
    String nodePage(@PathVariable String id, @PathVariable String node, @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Chain c = requests.chain(id);
        ChainNode n = requests.node(c, node);
        int y = requests.year(year);
        model.addAttribute("chain", c);
        model.addAttribute("node", n);
        model.addAttribute("year", y);
        long total = analysis.firmCount(scope.get(), n.id());
        int pages = ChainRequests.pages(total);
        int p = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("firms", analysis.firms(scope.get(), n.id(), y, p));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("en", ChainLabels.english());
        return "chain-node";
    }

    @GetMapping("/chains/review")
    String review(@RequestParam(required = false) @Nullable String chain,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String c = chain == null || chain.isBlank() ? null : requests.chain(chain).id();
        long total = analysis.reviewCount(scope.get(), c);
        int pages = ChainRequests.pages(total);
        int p = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("chain", c);
        model.addAttribute("chains", chains.chains());
        model.addAttribute("rows", analysis.reviewQueue(scope.get(), c, p));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "chain-review";
    }
}
