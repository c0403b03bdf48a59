package org.parkscope.chain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainNode;
import org.parkscope.core.chain.LeaderScoring;
import org.parkscope.core.chain.Reason;
import org.parkscope.shared.ClusterFigures;
import org.parkscope.shared.EnterpriseLookup;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.parkscope.access.CurrentScope;
import org.parkscope.shared.Downloads;
import org.parkscope.shared.Sheets;
import org.parkscope.shared.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Chain pages: the cluster dashboard, chain maps, node firm lists, the review queue, definitions and exports. */
@Controller
class ChainController {

    private final ChainService chains;
    private final ChainAnalysis analysis;
    private final ClusterConfig clusters;
    private final ClusterFigures dashboard;
    private final CurrentScope scope;
    private final EnterpriseLookup enterprises;
    private final MessageSource messages;

    ChainController(ChainService chains, ChainAnalysis analysis, ClusterConfig clusters, ClusterFigures dashboard,
            CurrentScope scope, EnterpriseLookup enterprises, MessageSource messages) {
        this.messages = messages;
        this.chains = chains;
        this.analysis = analysis;
        this.clusters = clusters;
        this.dashboard = dashboard;
        this.scope = scope;
        this.enterprises = enterprises;
    }

    static boolean english() {
        return "en".equals(LocaleContextHolder.getLocale().getLanguage());
    }

    private int year(@Nullable Integer year) {
        int y = year == null ? analysis.defaultYear() : year;
        if (y < 1990 || y > 2100) {
            throw Refusal.notFound("year", y);
        }
        return y;
    }

    private Chain chain(String id) {
        return chains.chain(id);
    }

    private ChainNode node(Chain chain, String node) {
        return chain.node(node).orElseThrow(() -> Refusal.notFound("node", node));
    }

    @GetMapping("/chains")
    String clusters(@RequestParam(required = false) @Nullable Integer year, Model model) {
        int y = year(year);
        Scope s = scope.get();
        record ChainRow(Chain chain, long firms, long nodes, long missing, long weak, long risk, BigDecimal revenueYi) {}
        List<ChainRow> rows = new ArrayList<>();
        for (Chain c : chains.chains()) {
            ChainAnalysis.ChainView v = analysis.view(s, c.id(), y);
            rows.add(new ChainRow(c, v.firms(), c.nodes().size(),
                    v.nodes().stream().filter(n -> n.assessment().flags().contains(org.parkscope.core.chain.GapAnalysis.Flag.MISSING)).count(),
                    v.nodes().stream().filter(n -> n.assessment().flags().contains(org.parkscope.core.chain.GapAnalysis.Flag.WEAK)).count(),
                    v.nodes().stream().filter(n -> n.assessment().flags().contains(org.parkscope.core.chain.GapAnalysis.Flag.BREAK_RISK)).count(),
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
        int y = year(year);
        Scope s = scope.get();
        ChainAnalysis.ChainView v = analysis.view(s, id, y);
        model.addAttribute("year", y);
        model.addAttribute("v", v);
        model.addAttribute("totals", analysis.totals(s, id, y));
        model.addAttribute("en", english());
        model.addAttribute("leaders", analysis.leaders(s, id, y).stream().limit(10).toList());
        model.addAttribute("designations", analysis.designations(s, id));
        model.addAttribute("town", s.allParks() && s.enterpriseId() == null);
        model.addAttribute("graph", graph(s, v));
        return "chain";
    }

    /** Nodes laid out up→down (one column per stage), coloured by local strength, with their firms for the click. */
    private Map<String, Object> graph(Scope s, ChainAnalysis.ChainView v) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        List<Map<String, Object>> links = new ArrayList<>();
        Map<String, Integer> perStage = new LinkedHashMap<>();
        boolean en = english();
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
        for (org.parkscope.core.chain.Stage st : org.parkscope.core.chain.Stage.values()) {
            stages.add(Map.of("name", en ? st.name().charAt(0) + st.name().substring(1).toLowerCase() : st.zh(),
                    "y", st.ordinal() * 170));
        }
        return Map.of("nodes", nodes, "links", links, "stages", stages);
    }

    static String colour(ChainAnalysis.NodeView n) {
        var f = n.assessment().flags();
        if (f.contains(org.parkscope.core.chain.GapAnalysis.Flag.CONTEXT)) {
            return "#bdbdbd";
        }
        if (f.contains(org.parkscope.core.chain.GapAnalysis.Flag.MISSING)) {
            return "#d32f2f";
        }
        if (f.contains(org.parkscope.core.chain.GapAnalysis.Flag.WEAK)) {
            return "#f9a825";
        }
        if (f.contains(org.parkscope.core.chain.GapAnalysis.Flag.STRONG)) {
            return "#2e7d32";
        }
        return "#66bb6a";
    }

    @GetMapping("/chains/{id}/nodes/{node}")
    String nodePage(@PathVariable String id, @PathVariable String node, @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Chain c = chain(id);
        ChainNode n = node(c, node);
        int y = year(year);
        model.addAttribute("chain", c);
        model.addAttribute("node", n);
        model.addAttribute("year", y);
        long total = analysis.firmCount(scope.get(), n.id());
        int pages = pages(total);
        int p = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("firms", analysis.firms(scope.get(), n.id(), y, p));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        model.addAttribute("en", english());
        return "chain-node";
    }

    @PostMapping("/chains/{id}/nodes/{node}/decisions")
    String decide(@PathVariable String id, @PathVariable String node, @RequestParam String enterprise,
            @RequestParam String decision, @RequestParam(required = false) @Nullable String role,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String back,
            RedirectAttributes flash) {
        Chain c = chain(id);
        node(c, node);
        try {
            long enterpriseId = resolveEnterprise(enterprise);
            chains.decide(enterpriseId, node, decision, role, reason == null ? "" : reason);
            flash.addFlashAttribute("message", "已记录 / recorded");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + ("review".equals(back) ? "/chains/review?chain=" + id : "/chains/" + id + "/nodes/" + node);
    }

    @PostMapping("/chains/{id}/nodes/{node}/decisions/{enterprise}/withdraw")
    String withdraw(@PathVariable String id, @PathVariable String node, @PathVariable long enterprise,
            RedirectAttributes flash) {
        node(chain(id), node);
        chains.withdraw(enterprise, node);
        flash.addFlashAttribute("message", "已撤回 / withdrawn");
        return "redirect:/chains/" + id + "/nodes/" + node;
    }

    /** An enterprise by its id or its 统一社会信用代码, within the current scope. */
    private long resolveEnterprise(String text) {
        return enterprises.byIdOrUscc(scope.get(), text).orElseThrow(() -> new IllegalArgumentException(
                "找不到企业（请填写企业编号或统一社会信用代码）/ no such enterprise (give its id or credit code): " + text));
    }

    @GetMapping("/chains/review")
    String review(@RequestParam(required = false) @Nullable String chain,
            @RequestParam(defaultValue = "0") int page, Model model) {
        String c = chain == null || chain.isBlank() ? null : chain(chain).id();
        long total = analysis.reviewCount(scope.get(), c);
        int pages = pages(total);
        int p = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("chain", c);
        model.addAttribute("chains", chains.chains());
        model.addAttribute("rows", analysis.reviewQueue(scope.get(), c, p));
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("total", total);
        return "chain-review";
    }

    /** Pages of {@link ChainAnalysis#PAGE_SIZE} rows for a total (at least one, so an empty list shows page 1 of 1). */
    static int pages(long total) {
        return (int) Math.max(1, (total + ChainAnalysis.PAGE_SIZE - 1) / ChainAnalysis.PAGE_SIZE);
    }

    @PostMapping("/chains/recompute")
    String recompute(RedirectAttributes flash) {
        int n = chains.recompute();
        flash.addFlashAttribute("message", "已重新计算 " + n + " 条关联 / " + n + " placements recomputed");
        return "redirect:/chains";
    }

    @GetMapping("/chains/clusters/definition")
    String clusterDefinition(Model model) {
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", clusters.yaml());
        }
        return "cluster-definition";
    }

    @PostMapping("/chains/clusters/definition")
    String saveClusterDefinition(@RequestParam String yaml, RedirectAttributes flash) {
        try {
            clusters.save(yaml, new java.util.HashSet<>(chains.chains().stream().map(Chain::id).toList()));
            flash.addFlashAttribute("message", "集群构成已保存 / cluster composition saved");
            return "redirect:/chains";
        } catch (ChainFile.Invalid e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("yaml", yaml);
            return "redirect:/chains/clusters/definition";
        }
    }

    @GetMapping("/chains/{id}/definition")
    String definition(@PathVariable String id, Model model) {
        Chain c = chain(id);
        model.addAttribute("chain", c);
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("yaml", chains.yaml(id));
        }
        return "chain-definition";
    }

    @PostMapping("/chains/{id}/definition")
    String saveDefinition(@PathVariable String id, @RequestParam String yaml,
            @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes flash) {
        Chain chain = chain(id);
        if (action.equals("preview")) {
            model.addAttribute("chain", chain);
            model.addAttribute("yaml", yaml);
            try {
                model.addAttribute("impact", chains.preview(id, yaml));
            } catch (ChainFile.Invalid e) {
                model.addAttribute("error", e.getMessage());
            }
            return "chain-definition";
        }
        try {
            chains.save(id, yaml);
            flash.addFlashAttribute("message", "已保存并重新计算 / saved and recomputed");
            return "redirect:/chains/" + id;
        } catch (ChainFile.Invalid e) {
            flash.addFlashAttribute("error", e.getMessage());
            flash.addFlashAttribute("yaml", yaml);
            return "redirect:/chains/" + id + "/definition";
        }
    }

    @GetMapping("/chains/{id}/definition.yaml")
    ResponseEntity<byte[]> exportDefinition(@PathVariable String id) {
        return Downloads.file(chains.yaml(id).getBytes(StandardCharsets.UTF_8), id.toLowerCase(java.util.Locale.ROOT) + ".yaml",
                "application/yaml; charset=UTF-8");
    }

    @PostMapping("/chains/{id}/designations")
    String designate(@PathVariable String id, @RequestParam String enterprise, @RequestParam String document,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate designatedOn,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes flash) {
        chain(id);
        try {
            long e = resolveEnterprise(enterprise);
            chains.designate(id, e, document, designatedOn, note);
            flash.addFlashAttribute("message", "已记录链主认定 / designation recorded");
        } catch (IllegalArgumentException ex) {
            flash.addFlashAttribute("error", ex.getMessage());
        }
        return "redirect:/chains/" + id;
    }

    @GetMapping("/chains/{id}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String id, @RequestParam(required = false) @Nullable Integer year)
            throws IOException {
        int y = year(year);
        Scope s = scope.get();
        ChainAnalysis.ChainView v = analysis.view(s, id, y);
        boolean en = english();
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet nodes = wb.createSheet(en ? "Nodes" : "节点");
            header(nodes, en ? new String[] {"Node", "Name", "Stage", "Scope", "Key link", "Firms", "Above scale",
                "Revenue (10k yuan)", "Output (10k yuan)", "Tax (10k yuan)", "Staff", "Certificates", "In review", "Flags",
                "Reasons"} : new String[] {"节点", "名称", "环节", "范围", "关键环节", "企业数", "规上企业", "营业收入（万元）",
                "产值（万元）", "税收（万元）", "从业人员", "资质证书", "待复核", "判定", "理由"});
            int r = 1;
            for (ChainAnalysis.NodeView n : v.nodes()) {
                Row row = nodes.createRow(r++);
                int c = 0;
                Sheets.text(row, c++, n.node().id());
                Sheets.text(row, c++, n.node().name());
                Sheets.text(row, c++, msg("chains.stage." + n.node().stage().name()));
                Sheets.text(row, c++, msg("chains.scope." + n.node().scope().name()));
                Sheets.text(row, c++, n.node().keyLink() ? msg("chains.yes") : "");
                row.createCell(c++).setCellValue(n.stats().firms());
                row.createCell(c++).setCellValue(n.stats().aboveScale());
                row.createCell(c++).setCellValue(n.stats().revenueWan().doubleValue());
                row.createCell(c++).setCellValue(n.stats().outputWan().doubleValue());
                row.createCell(c++).setCellValue(n.stats().taxWan().doubleValue());
                row.createCell(c++).setCellValue(n.stats().staff());
                row.createCell(c++).setCellValue(n.stats().qualifications());
                row.createCell(c++).setCellValue(n.stats().candidates());
                Sheets.text(row, c++, flags(messages, n.assessment().flags()));
                Sheets.text(row, c, String.join("；", n.assessment().reasons().stream().map(x -> x.text(en)).toList()));
            }
            Sheet firms = wb.createSheet(en ? "Firms" : "企业");
            header(firms, en ? new String[] {"Node", "Enterprise", "Park", "Status", "Role", "Score", "Revenue (10k yuan)",
                "Tax (10k yuan)", "Evidence"} : new String[] {"节点", "企业", "园区", "状态", "角色", "得分", "营业收入（万元）",
                "税收（万元）", "证据"});
            r = 1;
            for (ChainAnalysis.NodeView n : v.nodes()) {
                for (ChainAnalysis.FirmOnNode f : analysis.firms(s, n.node().id(), y)) {
                    Row row = firms.createRow(r++);
                    Sheets.text(row, 0, n.node().id());
                    Sheets.text(row, 1, f.name());
                    Sheets.text(row, 2, f.parkName());
                    Sheets.text(row, 3, msg("chains.status." + f.status()));
                    Sheets.text(row, 4, msg("chains.role." + f.role()));
                    row.createCell(5).setCellValue(f.score() == null ? 0 : f.score().doubleValue());
                    row.createCell(6).setCellValue(f.revenueWan() == null ? 0 : f.revenueWan().doubleValue());
                    row.createCell(7).setCellValue(f.taxWan() == null ? 0 : f.taxWan().doubleValue());
                    Sheets.text(row, 8, f.evidence() == null ? f.decisionReason() : f.evidence());
                }
            }
            Sheet leaders = wb.createSheet(en ? "Leader candidates" : "链主候选");
            header(leaders, en ? new String[] {"Rank", "Enterprise", "Score", "Scale", "Network", "Market", "Innovation",
                "Local", "Eligible", "Reasons"} : new String[] {"名次", "企业", "得分", "规模", "带动", "市场地位", "创新",
                "本地根植", "达到门槛", "理由"});
            r = 1;
            for (LeaderScoring.Candidate c : analysis.leaders(s, id, y)) {
                Row row = leaders.createRow(r);
                row.createCell(0).setCellValue(r++);
                Sheets.text(row, 1, c.firm().name());
                row.createCell(2).setCellValue(c.score());
                row.createCell(3).setCellValue(c.scale());
                row.createCell(4).setCellValue(c.network());
                row.createCell(5).setCellValue(c.market());
                row.createCell(6).setCellValue(c.innovation());
                row.createCell(7).setCellValue(c.local());
                Sheets.text(row, 8, c.eligible() ? msg("chains.yes") : msg("chains.no"));
                Sheets.text(row, 9, String.join("；", c.reasons().stream().map(x -> x.text(en)).toList()));
            }
            wb.write(out);
            wb.dispose();
            return Downloads.file(out.toByteArray(), (en ? "chain-" : "产业链-") + id + "-" + y + ".xlsx", Downloads.XLSX);
        }
    }

    /** A message in the request's language (the exports say 缺链, 自动, 生产/研发 rather than MISSING, AUTO, PRODUCER). */
    private String msg(String key) {
        return msg(messages, key);
    }

    static String msg(MessageSource messages, String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }

    /** Gap flags in the request's language, comma-separated. */
    static String flags(MessageSource messages, java.util.Collection<org.parkscope.core.chain.GapAnalysis.Flag> flags) {
        return String.join(english() ? ", " : "、", flags.stream().map(f -> msg(messages, "chains.flag." + f.name())).toList());
    }

    static void header(Sheet sheet, String[] head) {
        Sheets.header(sheet, List.of(head));
    }

    static String reasons(List<Reason> reasons) {
        boolean en = english();
        return String.join("；", reasons.stream().map(r -> r.text(en)).toList());
    }
}
