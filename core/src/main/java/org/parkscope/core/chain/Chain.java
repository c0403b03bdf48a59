package org.parkscope.core.chain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One industry chain: its nodes from 上游 to 下游, chain-wide exclusion phrases, the clusters it belongs to, and the
 * institutions that anchor it (a test centre, a base) without being firms to rank.
 */
public record Chain(String id, String name, String nameEn, String revision, String status, List<String> clusterTags,
        List<String> exclude, List<ChainNode> nodes, List<Anchor> anchors) {

    public Chain {
        Objects.requireNonNull(id, "id");
        clusterTags = List.copyOf(clusterTags);
        exclude = List.copyOf(exclude);
        nodes = List.copyOf(nodes);
        anchors = List.copyOf(anchors);
    }

    public Optional<ChainNode> node(String nodeId) {
        return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
    }

    /** An institution that anchors nodes of the chain (e.g. 商用密码检测(上海)中心 on SC-D3). */
    public record Anchor(String id, String name, String kind, List<String> nodes, String note) {
        public Anchor {
            nodes = List.copyOf(nodes);
        }
    }
}
