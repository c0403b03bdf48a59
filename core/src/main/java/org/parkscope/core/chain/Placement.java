package org.parkscope.core.chain;

import java.util.List;

/**
 * The matcher's verdict on one firm and one node: a score (noisy-OR of the evidence), the status it earns, the role
 * the firm plays there, and every piece of evidence with its weight.
 */
public record Placement(long firmId, String nodeId, double score, LinkStatus status, Role role, List<Evidence> evidence,
        String note) {

    public Placement {
        evidence = List.copyOf(evidence);
    }

    /** One piece of evidence: where it was found, the text that matched, and its weight (0 when masked). */
    public record Evidence(Source source, String matched, String context, double weight) {}

    public enum Source { QUALIFICATION, CODE, CODE_PARTIAL, PRODUCTS, SCOPE_LEAD, SCOPE, RELATED, NAME }

    /** auto: shown and counted; candidate: review queue; confirmed/rejected: a person decided. */
    public enum LinkStatus { AUTO, CANDIDATE, CONFIRMED, REJECTED }

    public enum Role { PRODUCER, SERVICE, SELLER, USER }
}
