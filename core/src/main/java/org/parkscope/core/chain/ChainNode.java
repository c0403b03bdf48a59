package org.parkscope.core.chain;

import java.util.List;

/**
 * A node of a chain: a product, component or service segment at one stage, with the codes, keywords and
 * qualifications that place enterprises on it and its edges to other nodes.
 *
 * @param scope       the level at which a missing firm is worth chasing (a town counts local, district and city nodes)
 * @param demandNode  a customer-side node: marks users, never counted as a supply gap
 * @param sellerNode  a node where selling is the capacity (sales and delivery, distribution)
 * @param watchList   on the national 卡脖子 watch-list, which makes a key link a 断链 risk
 */
public record ChainNode(String id, String name, Stage stage, String segment, int order, String definition,
        boolean keyLink, String keyLinkReason, NodeScope scope, boolean demandNode, boolean sellerNode,
        boolean watchList, List<CodeRef> industryCodes, List<String> seiCodes, Keywords keywords,
        List<String> qualifications, List<Edge> upstream, List<Edge> downstream, List<String> leadersNational) {

    public ChainNode {
        industryCodes = List.copyOf(industryCodes);
        seiCodes = List.copyOf(seiCodes);
        qualifications = List.copyOf(qualifications);
        upstream = List.copyOf(upstream);
        downstream = List.copyOf(downstream);
        leadersNational = List.copyOf(leadersNational);
    }

    /** A GB/T 4754-2017 小类; {@code partial} is the {@code *} of "only part of the class belongs here". */
    public record CodeRef(String code, boolean partial) {}

    /** {@code core} terms place a firm, {@code related} only add weight, {@code exclude} phrases mask hits inside them. */
    public record Keywords(List<String> core, List<String> related, List<String> exclude) {
        public Keywords {
            core = List.copyOf(core);
            related = List.copyOf(related);
            exclude = List.copyOf(exclude);
        }
    }

    /** An edge to another node, in this chain ({@code SC-U3}) or another ({@code IC:IC-M1}). */
    public record Edge(String node, EdgeKind kind) {
        public boolean crossChain() {
            return node.contains(":");
        }
    }

    public enum EdgeKind { SUPPLIES, SERVES, CERTIFIES, FEEDS }

    /** Counts toward gaps at a town: every scope but national. */
    public boolean countsLocally() {
        return !demandNode && scope != NodeScope.NATIONAL;
    }
}
