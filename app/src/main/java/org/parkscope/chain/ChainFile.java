package org.parkscope.chain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainChecks;
import org.parkscope.core.chain.ChainNode;
import org.parkscope.core.chain.NodeScope;
import org.parkscope.core.chain.Stage;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.core.code.Problem;
import org.parkscope.core.code.SeiCategories;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.UserMessage;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a chain definition from YAML (one file per chain, layout in {@code shared/domain/chains.md} §9 and the
 * README) and checks it: required fields, stages and scopes, GB/T 4754-2017 classes and SEI 2018 codes that exist,
 * and mirrored up- and downstream edges. Every problem is reported with its place in the file, in the reader's language.
 */
public final class ChainFile {

    /** The chains shipped with the platform, in display order. */
    public static final List<String> SHIPPED = List.of("sc", "5g", "cc", "iot", "bd", "nev", "ai", "ic");

    /** A chain file that cannot be used, with every problem found. */
    public static final class Invalid extends Refusal {
        public Invalid(String name, List<UserMessage> problems) {
            this("chains.file.invalid", name, problems);
        }

        Invalid(String headline, String name, List<UserMessage> problems) {
            super(Kind.REFUSED, UserMessage.of(headline, name), problems);
        }
    }

    /** A problem at a place in the file ({@code nodes[2](SC-M1).codes}). */
    static UserMessage at(String at, String code, Object... args) {
        return UserMessage.of("chains.file.at", at, UserMessage.of(code, args));
    }

    /** A problem reported by core's checks, which word it in both languages: the reader sees one. */
    static UserMessage checked(Problem p) {
        return UserMessage.bilingual(p.messageZh(), p.messageEn());
    }

    private static final IndustryCodes CODES = IndustryCodes.load();
    private static final SeiCategories SEI = SeiCategories.load();

    private ChainFile() {}

    public static String shippedText(String name) {
        try (InputStream in = ChainFile.class.getResourceAsStream("/chains/" + name + ".yaml")) {
            if (in == null) {
                throw new Invalid(name, List.of(UserMessage.of("chains.file.notShipped")));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Chain parse(String yaml, String name) {
        Object root;
        try {
            root = org.parkscope.shared.SafeYaml.load(yaml);
        } catch (YAMLException e) {
            throw new Invalid(name, List.of(UserMessage.of("chains.file.yaml", e.getMessage())));
        }
        List<UserMessage> problems = new ArrayList<>();
        if (!(root instanceof Map<?, ?> doc)) {
            throw new Invalid(name, List.of(UserMessage.of("chains.file.rootMapping")));
        }
        if (!(doc.get("chain") instanceof Map<?, ?> c)) {
            throw new Invalid(name, List.of(at("chain", "chains.file.missing")));
        }
        String id = text(c, "id", "chain", problems);
        List<ChainNode> nodes = new ArrayList<>();
        if (!(doc.get("nodes") instanceof List<?> ns) || ns.isEmpty()) {
            problems.add(at("nodes", "chains.file.noNodes"));
        } else {
            for (int i = 0; i < ns.size(); i++) {
                String at = "nodes[" + i + "]";
                if (ns.get(i) instanceof Map<?, ?> n) {
                    ChainNode node = node(n, at, problems);
                    if (node != null) {
                        nodes.add(node);
                    }
                } else {
                    problems.add(at(at, "chains.file.mapping"));
                }
            }
        }
        List<Chain.Anchor> anchors = new ArrayList<>();
        if (doc.get("anchors") instanceof List<?> as) {
            for (int i = 0; i < as.size(); i++) {
                if (as.get(i) instanceof Map<?, ?> a) {
                    String at = "anchors[" + i + "]";
                    anchors.add(new Chain.Anchor(text(a, "id", at, problems), text(a, "name", at, problems),
                            optional(a, "kind"), strings(a, "nodes"), optional(a, "note")));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(name, problems);
        }
        Chain chain = new Chain(id, text(c, "name", "chain", problems), optional(c, "name_en"), optional(c, "revision"),
                optional(c, "status").isEmpty() ? "draft" : optional(c, "status"), strings(c, "cluster_tags"),
                strings(c, "exclude"), nodes, anchors);
        for (Chain.Anchor a : anchors) {
            for (String n : a.nodes()) {
                if (chain.node(n).isEmpty()) {
                    problems.add(at("anchors." + a.id(), "chains.file.noSuchNode", n));
                }
            }
        }
        ChainChecks.check(chain).forEach(p -> problems.add(checked(p)));
        if (!problems.isEmpty()) {
            throw new Invalid(name, problems);
        }
        return chain;
    }

    private static ChainNode node(Map<?, ?> n, String at, List<UserMessage> problems) {
        String id = text(n, "id", at, problems);
        at = at + "(" + id + ")";
        Stage stage = null;
        try {
            stage = Stage.parse(text(n, "stage", at, problems));
        } catch (IllegalArgumentException e) {
            problems.add(at(at + ".stage", "chains.file.stage", optional(n, "stage")));
        }
        NodeScope scope = NodeScope.CITY;
        String s = optional(n, "scope");
        if (!s.isEmpty()) {
            try {
                scope = NodeScope.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(at(at + ".scope", "chains.file.scope", s));
            }
        }
        List<ChainNode.CodeRef> codes = new ArrayList<>();
        List<String> sei = new ArrayList<>();
        if (n.get("codes") instanceof Map<?, ?> cm) {
            if (cm.get("gbt4754_2017") instanceof List<?> gl) {
                for (Object o : gl) {
                    if (o instanceof Map<?, ?> g && g.get("code") != null) {
                        String code = String.valueOf(g.get("code"));
                        if (CODES.find(code).isEmpty()) {
                            problems.add(at(at + ".codes", "chains.file.notIndustryClass", code));
                        }
                        codes.add(new ChainNode.CodeRef(code, Boolean.TRUE.equals(g.get("partial"))));
                    } else {
                        problems.add(at(at + ".codes.gbt4754_2017", "chains.file.entryCode"));
                    }
                }
            }
            if (cm.get("sei2018") instanceof List<?> sl) {
                for (Object o : sl) {
                    String code = o instanceof Map<?, ?> m ? String.valueOf(m.get("code")) : String.valueOf(o);
                    if (o instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("inferred"))) {
                        continue; // inferred level-3 codes are hints, not used for reporting
                    }
                    if (SEI.find(code).isEmpty()) {
                        problems.add(at(at + ".codes.sei2018", "chains.file.notSei", code));
                    }
                    sei.add(code);
                }
            }
        }
        List<String> core = List.of();
        List<String> related = List.of();
        List<String> exclude = List.of();
        if (n.get("keywords") instanceof Map<?, ?> k) {
            core = strings(k, "core");
            related = strings(k, "related");
            exclude = strings(k, "exclude");
        }
        List<String> leaders = new ArrayList<>();
        if (n.get("leaders_national") instanceof List<?> ll) {
            for (Object o : ll) {
                leaders.add(o instanceof Map<?, ?> m ? String.valueOf(m.get("name")) : String.valueOf(o));
            }
        }
        if (stage == null) {
            return null;
        }
        int order = n.get("order") instanceof Number num ? num.intValue() : 0;
        return new ChainNode(id, text(n, "name", at, problems), stage, optional(n, "segment"), order,
                optional(n, "definition"), Boolean.TRUE.equals(n.get("key_link")), optional(n, "key_link_reason"), scope,
                Boolean.TRUE.equals(n.get("demand_node")), Boolean.TRUE.equals(n.get("seller_node")),
                Boolean.TRUE.equals(n.get("watch_list")), codes, sei, new ChainNode.Keywords(core, related, exclude),
                strings(n, "qualifications"), edges(n, "upstream", at, problems), edges(n, "downstream", at, problems),
                leaders);
    }

    private static List<ChainNode.Edge> edges(Map<?, ?> n, String key, String at, List<UserMessage> problems) {
        List<ChainNode.Edge> out = new ArrayList<>();
        if (n.get(key) instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> e && e.get("node") != null) {
                    String kind = e.get("kind") == null ? "supplies" : String.valueOf(e.get("kind"));
                    try {
                        out.add(new ChainNode.Edge(String.valueOf(e.get("node")),
                                ChainNode.EdgeKind.valueOf(kind.toUpperCase(Locale.ROOT))));
                    } catch (IllegalArgumentException ex) {
                        problems.add(at(at + "." + key, "chains.file.edgeKind", kind));
                    }
                } else {
                    problems.add(at(at + "." + key, "chains.file.edgeNode"));
                }
            }
        }
        return out;
    }

    private static String text(Map<?, ?> m, String key, String at, List<UserMessage> problems) {
        Object v = m.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            problems.add(at(at + "." + key, "chains.file.missing"));
            return "";
        }
        return String.valueOf(v).strip();
    }

    private static String optional(Map<?, ?> m, String key) {
        Object v = m.get(key);
        return v == null ? "" : String.valueOf(v).strip();
    }

    private static List<String> strings(Map<?, ?> m, String key) {
        List<String> out = new ArrayList<>();
        if (m.get(key) instanceof List<?> l) {
            l.forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }
}
