package org.parkscope.core.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parkscope.core.chain.ChainNode.Edge;
import org.parkscope.core.code.Problem;

/**
 * The consistency rules of chain definitions, each problem in Chinese and English: unique node ids with the chain's
 * prefix, edges to nodes that exist, and up- and downstream lists that mirror each other (SC-U3 lists SC-M1
 * downstream exactly when SC-M1 lists SC-U3 upstream, with the same kind), within and across chains.
 */
public final class ChainChecks {

    private ChainChecks() {}

    /** The longest node id the database holds. */
    public static final int MAX_NODE_ID = 24;

    private static final java.util.regex.Pattern NODE_ID = java.util.regex.Pattern.compile("[A-Z0-9]+-[A-Z0-9-]{1,20}");

    /** A node id such as SC-M1: the chain's code, a hyphen, then upper-case letters, digits and hyphens. */
    public static boolean validNodeId(String id) {
        return id != null && id.length() <= MAX_NODE_ID && NODE_ID.matcher(id).matches();
    }

    public static List<Problem> check(Chain chain) {
        List<Problem> problems = new ArrayList<>();
        if (chain.id() == null || !chain.id().matches("[A-Z0-9]{1,8}")) {
            problems.add(at("chain.id", "chain.id", "须为1–8位大写字母或数字：" + chain.id(),
                    "must be 1–8 upper-case letters or digits: " + chain.id()));
        }
        if (chain.nodes().isEmpty()) {
            problems.add(at("chain.nodes", "nodes", "至少需要一个节点", "at least one node is needed"));
        }
        Set<String> ids = new HashSet<>();
        for (ChainNode n : chain.nodes()) {
            if (!validNodeId(n.id())) {
                problems.add(at("chain.nodeId", n.id(), "节点编号须为大写字母或数字、连字符分隔，最长 " + MAX_NODE_ID
                        + " 位（如 SC-M1）", "a node id is upper-case letters or digits joined by hyphens, at most "
                        + MAX_NODE_ID + " characters (e.g. SC-M1)"));
            }
            if (!ids.add(n.id())) {
                problems.add(at("chain.nodeDuplicate", n.id(), "节点编号重复", "duplicate node id"));
            }
            if (!n.id().startsWith(chain.id() + "-")) {
                problems.add(at("chain.nodePrefix", n.id(), "节点编号须以 " + chain.id() + "- 开头",
                        "node id must start with " + chain.id() + "-"));
            }
            if (n.keywords().core().isEmpty() && n.industryCodes().isEmpty() && n.qualifications().isEmpty()) {
                problems.add(at("chain.nothingToMatch", n.id(), "没有任何可用于匹配的关键词、代码或资质",
                        "nothing to match on (keywords, codes or qualifications)"));
            }
            for (ChainNode.CodeRef c : n.industryCodes()) {
                if (!c.code().matches("\\d{4}")) {
                    problems.add(at("chain.industryClass", n.id(), "行业代码须为4位小类：" + c.code(),
                            "industry code must be a 4-digit class: " + c.code()));
                }
            }
            for (String k : n.keywords().core()) {
                if (k.codePointCount(0, k.length()) < 2) {
                    problems.add(at("chain.keywordShort", n.id(), "核心关键词过短：" + k, "core keyword too short: " + k));
                }
            }
        }
        Map<String, ChainNode> byId = new HashMap<>();
        chain.nodes().forEach(n -> byId.put(n.id(), n));
        for (ChainNode n : chain.nodes()) {
            for (Edge e : n.upstream()) {
                if (e.crossChain()) {
                    continue;
                }
                ChainNode other = byId.get(e.node());
                if (other == null) {
                    problems.add(at("chain.noSuchNode", n.id() + ".upstream", "节点不存在：" + e.node(), "no such node: " + e.node()));
                } else if (!other.downstream().contains(new Edge(n.id(), e.kind()))) {
                    problems.add(Problem.error("chain.edgeMirror", n.id() + ".upstream 列出 " + e.node() + "（"
                            + e.kind().name().toLowerCase() + "），但 " + e.node() + ".downstream 未列出 " + n.id(),
                            n.id() + " lists " + e.node() + " upstream but " + e.node() + " does not list " + n.id()
                            + " downstream with the same kind"));
                }
            }
            for (Edge e : n.downstream()) {
                if (e.crossChain()) {
                    continue;
                }
                ChainNode other = byId.get(e.node());
                if (other == null) {
                    problems.add(at("chain.noSuchNode", n.id() + ".downstream", "节点不存在：" + e.node(), "no such node: " + e.node()));
                } else if (!other.upstream().contains(new Edge(n.id(), e.kind()))) {
                    problems.add(Problem.error("chain.edgeMirror", n.id() + ".downstream 列出 " + e.node() + "，但 "
                            + e.node() + ".upstream 未列出 " + n.id(), n.id() + " lists " + e.node()
                            + " downstream but " + e.node() + " does not list " + n.id() + " upstream with the same kind"));
                }
            }
        }
        return problems;
    }

    /**
     * Cross-chain edges ({@code IC:IC-M1}): the other chain and node must exist. Their mirror is not required, since
     * a chain may be loaded alone; a cross edge that the other chain mirrors must carry the same kind.
     */
    public static List<Problem> checkAcross(List<Chain> chains) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Chain> byId = new HashMap<>();
        chains.forEach(c -> byId.put(c.id(), c));
        for (Chain c : chains) {
            for (ChainNode n : c.nodes()) {
                for (List<Edge> edges : List.of(n.upstream(), n.downstream())) {
                    for (Edge e : edges) {
                        if (!e.crossChain()) {
                            continue;
                        }
                        String[] parts = e.node().split(":", 2);
                        Chain other = byId.get(parts[0]);
                        if (other == null) {
                            problems.add(at("chain.unknownChain", n.id(), "引用的产业链不存在：" + e.node(),
                                    "edge to an unknown chain: " + e.node()));
                        } else if (other.node(parts[1]).isEmpty()) {
                            problems.add(at("chain.unknownNode", n.id(), "引用的节点不存在：" + e.node(),
                                    "edge to an unknown node: " + e.node()));
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** A problem at a place in the definition, worded in Chinese and in English (the reader sees one). */
    private static Problem at(String code, String place, String zh, String en) {
        return Problem.error(code, place + ": " + zh, place + ": " + en);
    }
}
