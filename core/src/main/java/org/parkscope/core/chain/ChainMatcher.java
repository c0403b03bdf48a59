package org.parkscope.core.chain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.parkscope.core.chain.Placement.Evidence;
import org.parkscope.core.chain.Placement.LinkStatus;
import org.parkscope.core.chain.Placement.Role;
import org.parkscope.core.chain.Placement.Source;

/**
 * Places enterprises on chain nodes from their own words (chains.md §10): the 经营范围 is normalised and split into
 * items, boilerplate and 不含/除 clauses are dropped, every keyword of every node is matched as a substring (Latin
 * terms only at word boundaries), hits inside an exclusion phrase are masked (电子密码锁 never counts for 商用密码,
 * 数据线 never for 大数据), shorter hits inside longer ones are dropped, and the evidence — with qualifications and the
 * industry code — is combined by noisy-OR into a score and a status.
 *
 * <p>A firm becomes {@code AUTO} only with a score at the threshold and at least two independent sources (a
 * 经营范围 lists what a firm may do, not what it does), one of which must be the firm's own words (a certificate
 * type or an industry class is shared by several nodes and cannot say which one). A pure seller is capacity only on
 * seller nodes. At most {@code maxAutoPerChain} nodes per chain are auto-linked; the rest go to review.
 */
public final class ChainMatcher {

    private static final Pattern APPROVAL = Pattern.compile(
            "\\(除依法须经批准的项目外[^)]*\\)|依法须经批准的项目[^;。]*|具体经营项目以[^;。]*|凭营业执照依法自主开展经营活动");
    private static final Pattern EXCLUSION_CLAUSE = Pattern.compile("\\((不含|除|不得)[^)]*\\)");
    private static final Pattern HEADINGS = Pattern.compile("(一般项目|许可项目|经营范围)[:]");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;。,\\n]");
    private static final List<String> BOILERPLATE = List.of("技术服务", "技术开发", "技术咨询", "技术交流", "技术转让",
            "技术推广", "货物进出口", "技术进出口", "非居住房地产租赁", "信息咨询服务", "会议及展览服务", "企业管理咨询",
            "(不含许可类信息咨询服务)", "从事", "领域内的", "科技", "信息", "、", " ", "等", "及");
    private static final List<String> PRODUCER = List.of("制造", "生产", "研发", "加工", "组装", "开发");
    private static final List<String> SERVICE = List.of("服务", "运营", "检测", "测评", "评估", "维修", "保养", "租赁",
            "咨询", "集成", "认证", "运维", "回收", "施工", "安装", "设计");
    private static final List<String> SELLER = List.of("销售", "批发", "零售", "进出口", "代理", "贸易");

    private final List<Chain> chains;
    private final MatchSettings settings;
    private final List<Term> terms = new ArrayList<>();
    private final Map<String, List<String>> excludesByNode = new HashMap<>();
    private final Map<String, Integer> codeUse = new HashMap<>();

    private record Term(String text, ChainNode node, String chainId, boolean core) {}

    private record Hit(int item, int start, int end, Term term) {
        boolean inside(Hit o) {
            return o.item == item && o.start <= start && end <= o.end && (o.end - o.start) > (end - start);
        }
    }

    public ChainMatcher(List<Chain> chains, MatchSettings settings) {
        this.chains = List.copyOf(chains);
        this.settings = settings;
        for (Chain c : chains) {
            for (ChainNode n : c.nodes()) {
                n.keywords().core().forEach(k -> terms.add(new Term(normalise(k), n, c.id(), true)));
                n.keywords().related().forEach(k -> terms.add(new Term(normalise(k), n, c.id(), false)));
                List<String> ex = new ArrayList<>();
                c.exclude().forEach(e -> ex.add(normalise(e)));
                n.keywords().exclude().forEach(e -> ex.add(normalise(e)));
                excludesByNode.put(n.id(), ex);
                n.industryCodes().forEach(code -> codeUse.merge(code.code(), 1, Integer::sum));
            }
        }
    }

    public List<Chain> chains() {
        return chains;
    }

    /** Full-width to half-width, upper-case Latin, one kind of bracket and separator. */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000') {
                c = ' ';
            } else if (c == '【' || c == '〔') {
                c = '(';
            } else if (c == '】' || c == '〕') {
                c = ')';
            }
            sb.append(c);
        }
        return sb.toString().toUpperCase(Locale.ROOT).replace("；", ";");
    }

    /** The meaningful items of a 经营范围 or product list, in order, without approval clauses and exclusions. */
    public static List<String> items(String text) {
        String t = normalise(text);
        t = APPROVAL.matcher(t).replaceAll(";");
        t = EXCLUSION_CLAUSE.matcher(t).replaceAll("");
        t = HEADINGS.matcher(t).replaceAll(";");
        List<String> out = new ArrayList<>();
        for (String item : ITEM_SEPARATOR.split(t)) {
            String s = item.strip();
            if (s.isEmpty() || isBoilerplate(s)) {
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static boolean isBoilerplate(String item) {
        String rest = item;
        for (String b : BOILERPLATE) {
            rest = rest.replace(b, "");
        }
        return rest.isBlank() || rest.equals("领域") || rest.equals("领域内");
    }

    /** Every placement of the firm with a score at or above the candidate threshold, best first. */
    public List<Placement> place(FirmProfile firm) {
        List<String> scope = items(firm.businessScope());
        List<String> products = items(firm.mainProducts());
        List<String> name = List.of(normalise(firm.name()));
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        Map<String, Set<Role>> roles = new HashMap<>();
        collect(scope, evidence, roles, true, false);
        collect(products, evidence, roles, false, false);
        collect(name, evidence, roles, false, true);
        for (Chain c : chains) {
            for (ChainNode n : c.nodes()) {
                for (String q : n.qualifications()) {
                    if (firm.qualifications().contains(q)) {
                        evidence.computeIfAbsent(n.id(), k -> new ArrayList<>())
                                .add(new Evidence(Source.QUALIFICATION, q, "资质/qualification", settings.qualification()));
                    }
                }
                for (ChainNode.CodeRef code : n.industryCodes()) {
                    if (code.code().equals(firm.industryCode())) {
                        evidence.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(new Evidence(
                                code.partial() ? Source.CODE_PARTIAL : Source.CODE, code.code(), "行业代码/industry code",
                                code.partial() ? settings.partialCode() : settings.fullCode()));
                    }
                }
            }
        }
        Role defaultRole = roleFromCode(firm.industryCode());
        List<Placement> out = new ArrayList<>();
        for (Chain c : chains) {
            List<Placement> chainOut = new ArrayList<>();
            for (ChainNode n : c.nodes()) {
                List<Evidence> ev = evidence.get(n.id());
                if (ev == null) {
                    continue;
                }
                Placement p = judge(firm, n, ev, roles.getOrDefault(n.id(), Set.of()), defaultRole);
                if (p != null) {
                    chainOut.add(p);
                }
            }
            capAuto(chainOut);
            out.addAll(chainOut);
        }
        out.sort(Comparator.comparingDouble(Placement::score).reversed());
        return out;
    }

    private void collect(List<String> items, Map<String, List<Evidence>> evidence, Map<String, Set<Role>> roles,
            boolean isScope, boolean isName) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            for (Term t : terms) {
                int from = 0;
                while (true) {
                    int at = item.indexOf(t.text(), from);
                    if (at < 0) {
                        break;
                    }
                    int end = at + t.text().length();
                    if (latinBoundaryOk(item, at, end, t.text())) {
                        hits.add(new Hit(i, at, end, t));
                    }
                    from = at + 1;
                }
            }
        }
        List<Hit> live = new ArrayList<>();
        for (Hit h : hits) {
            String masked = maskedBy(items.get(h.item()), h);
            if (masked != null) {
                evidence.computeIfAbsent(h.term().node().id(), k -> new ArrayList<>()).add(new Evidence(
                        isName ? Source.NAME : isScope ? Source.SCOPE : Source.PRODUCTS, h.term().text(),
                        "被排除词屏蔽/masked by «" + masked + "»", 0));
            } else {
                live.add(h);
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Hit h : live) {
            if (live.stream().anyMatch(o -> o != h && h.inside(o))) {
                continue; // a longer phrase covers this one
            }
            String nodeId = h.term().node().id();
            Source source;
            double weight;
            if (!h.term().core()) {
                if (isName) {
                    continue;
                }
                source = Source.RELATED;
                weight = settings.related();
            } else if (isName) {
                source = Source.NAME;
                weight = settings.name();
            } else if (!isScope) {
                source = Source.PRODUCTS;
                weight = settings.products();
            } else if (h.item() < 3) {
                source = Source.SCOPE_LEAD;
                weight = settings.scopeLead();
            } else {
                source = Source.SCOPE;
                weight = settings.scopeLater();
            }
            String key = nodeId + "|" + (source == Source.SCOPE_LEAD ? Source.SCOPE : source) + "|" + h.term().text();
            if (!seen.add(key)) {
                continue; // several hits of the same keyword in one field count once
            }
            evidence.computeIfAbsent(nodeId, k -> new ArrayList<>())
                    .add(new Evidence(source, h.term().text(), items.get(h.item()), weight));
            if (isScope && h.term().core()) {
                Role r = roleFromItem(items.get(h.item()));
                if (r != null) {
                    roles.computeIfAbsent(nodeId, k -> new LinkedHashSet<>()).add(r);
                }
            }
        }
    }

    private String maskedBy(String item, Hit h) {
        for (String ex : excludesByNode.getOrDefault(h.term().node().id(), List.of())) {
            int from = 0;
            while (true) {
                int at = item.indexOf(ex, from);
                if (at < 0) {
                    break;
                }
                if (at <= h.start() && h.end() <= at + ex.length()) {
                    return ex;
                }
                from = at + 1;
            }
        }
        return null;
    }

    private static boolean latinBoundaryOk(String item, int start, int end, String term) {
        if (isLatin(term.charAt(0)) && start > 0 && isLatin(item.charAt(start - 1))) {
            return false;
        }
        return !(isLatin(term.charAt(term.length() - 1)) && end < item.length() && isLatin(item.charAt(end)));
    }

    private static boolean isLatin(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    static Role roleFromItem(String item) {
        String t = item.replace("服务器", "").replace("服务端", "");
        if (PRODUCER.stream().anyMatch(t::contains)) {
            return Role.PRODUCER;
        }
        if (SERVICE.stream().anyMatch(t::contains)) {
            return Role.SERVICE;
        }
        if (SELLER.stream().anyMatch(t::contains)) {
            return Role.SELLER;
        }
        return null;
    }

    static Role roleFromCode(String code) {
        if (code == null || code.length() != 4) {
            return Role.SERVICE;
        }
        int division = Integer.parseInt(code.substring(0, 2));
        if (division >= 6 && division <= 46) {
            return Role.PRODUCER;
        }
        if (division == 51 || division == 52) {
            return Role.SELLER;
        }
        return Role.SERVICE;
    }

    private Placement judge(FirmProfile firm, ChainNode node, List<Evidence> ev, Set<Role> itemRoles, Role defaultRole) {
        double keep = 1;
        Set<String> sources = new LinkedHashSet<>();
        boolean qualification = false;
        boolean wordEvidence = false;
        for (Evidence e : ev) {
            if (e.weight() <= 0) {
                continue;
            }
            keep *= 1 - e.weight();
            switch (e.source()) {
                case QUALIFICATION -> {
                    qualification = true;
                    sources.add("Q");
                }
                case CODE, CODE_PARTIAL -> sources.add("C");
                case PRODUCTS -> {
                    sources.add("P");
                    wordEvidence = true;
                }
                case SCOPE_LEAD, SCOPE -> {
                    sources.add("S");
                    wordEvidence = true;
                }
                case NAME -> sources.add("N");
                default -> { }
            }
        }
        double score = Math.round((1 - keep) * 1000) / 1000.0;
        boolean codeOnly = !wordEvidence && !qualification;
        if (codeOnly) {
            // An industry code alone places a firm only where the class belongs to a single node (e.g. 3612, 5267).
            boolean narrow = ev.stream().anyMatch(e -> e.source() == Source.CODE && codeUse.getOrDefault(e.matched(), 0) == 1);
            if (!narrow) {
                return null;
            }
        }
        if (score < settings.candidateThreshold()) {
            return null;
        }
        Role role;
        if (node.demandNode()) {
            role = Role.USER;
        } else if (itemRoles.contains(Role.PRODUCER)) {
            role = Role.PRODUCER;
        } else if (itemRoles.contains(Role.SERVICE)) {
            role = Role.SERVICE;
        } else if (itemRoles.contains(Role.SELLER)) {
            role = Role.SELLER; // a certificate of another product does not make a seller of this one its maker
        } else {
            role = defaultRole;
        }
        LinkStatus status = LinkStatus.CANDIDATE;
        String note = "";
        if (score >= settings.autoThreshold()) {
            if (!wordEvidence) {
                // A certificate type or an industry class is shared by several nodes (3915 and 商用密码产品认证 cover
                // cards, machines and terminals alike); only the firm's own words say which node it is.
                note = "无经营范围或主营产品证据，待复核 / no evidence in the business scope or products: review";
            } else if (sources.size() < 2) {
                note = "仅一类证据，待复核 / one kind of evidence only: review";
            } else if (role == Role.SELLER && !node.sellerNode()) {
                note = "仅销售，不计为本节点产能 / seller only: not capacity on this node";
            } else {
                status = LinkStatus.AUTO;
            }
        }
        return new Placement(firm.id(), node.id(), score, status, role, ev, note);
    }

    private void capAuto(List<Placement> chainOut) {
        List<Placement> auto = chainOut.stream().filter(p -> p.status() == LinkStatus.AUTO)
                .sorted(Comparator.comparingDouble(Placement::score).reversed()).toList();
        for (int i = settings.maxAutoPerChain(); i < auto.size(); i++) {
            Placement p = auto.get(i);
            chainOut.set(chainOut.indexOf(p), new Placement(p.firmId(), p.nodeId(), p.score(), LinkStatus.CANDIDATE,
                    p.role(), p.evidence(), "超过每链自动关联上限 / over the per-chain limit of auto links"));
        }
    }
}
