package org.parkscope.chain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.shared.EnterpriseLookup;
import org.parkscope.shared.Refusal;
import org.parkscope.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People's work on the placements and the chains: a decision on a firm and a node (confirmed or rejected, never touched
 * by recomputation), its withdrawal, and the government's 链主 designations.
 */
@Service
public class ChainDecisions {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ChainService chains;
    private final EnterpriseLookup enterprises;

    public ChainDecisions(JdbcClient jdbc, AuditLog audit, ChainService chains, EnterpriseLookup enterprises) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.chains = chains;
        this.enterprises = enterprises;
    }

    /** An enterprise by its id or its 统一社会信用代码, within the scope. */
    long resolveEnterprise(Scope scope, String text) {
        return enterprises.byIdOrUscc(scope, text).orElseThrow(() -> Refusal.of("chains.refused.noSuchEnterprise", text));
    }

    /** A person's decision on one firm and node; it survives every recomputation. */
    @Transactional
    public void decide(long enterpriseId, String nodeId, String decision, @Nullable String role, String reason) {
        if (!List.of("CONFIRMED", "REJECTED").contains(decision)) {
            throw Refusal.of("chains.refused.decision");
        }
        if (reason == null || reason.isBlank()) {
            throw Refusal.of("chains.refused.reason");
        }
        if (chains.chains().stream().flatMap(c -> c.nodes().stream()).noneMatch(n -> n.id().equals(nodeId))) {
            throw Refusal.of("chains.refused.noSuchNode", nodeId);
        }
        String r = role == null || role.isBlank()
                ? jdbc.sql("select role from chain_link where enterprise_id = ? and node_id = ?").params(enterpriseId, nodeId)
                        .query(String.class).optional().orElse("PRODUCER")
                : role;
        if (!List.of("PRODUCER", "SERVICE", "SELLER", "USER").contains(r)) {
            throw Refusal.of("chains.refused.role", r);
        }
        Map<String, Object> before = jdbc.sql("select decision, role, reason from chain_link_override"
                + " where enterprise_id = ? and node_id = ?").params(enterpriseId, nodeId).query().listOfRows().stream()
                .findFirst().orElse(null);
        jdbc.sql("""
                insert into chain_link_override(enterprise_id, node_id, decision, role, reason, decided_by)
                values (?, ?, ?, ?, ?, ?)
                on conflict (enterprise_id, node_id) do update set decision = excluded.decision, role = excluded.role,
                    reason = excluded.reason, decided_by = excluded.decided_by, decided_at = now()
                """).params(enterpriseId, nodeId, decision, r, reason.strip(), ChainService.actor()).update();
        ChainRecomputation.refreshFacts(jdbc, enterpriseId);
        Long park = jdbc.sql("select park_id from enterprise where id = ?").param(enterpriseId).query(Long.class).optional()
                .orElse(null);
        audit.record(before == null ? "CREATE" : "UPDATE", "chain_link", enterpriseId + ":" + nodeId, park, enterpriseId,
                before, Map.of("decision", decision, "role", r, "reason", reason.strip()));
    }

    /**
     * One decision on many placements of the review queue (items "enterpriseId:nodeId"), each audited as its own
     * change, all or none: an item outside the scope, a node that does not exist or a missing reason refuses the lot.
     * Returns how many were decided.
     */
    @Transactional
    public int decideAll(Scope scope, List<String> items, String decision, String reason) {
        if (items.isEmpty()) {
            throw Refusal.of("chains.bulk.none");
        }
        if (reason == null || reason.isBlank()) {
            throw Refusal.of("chains.bulk.reason");
        }
        for (String item : new java.util.LinkedHashSet<>(items)) {
            String[] parts = item.split(":", 2);
            if (parts.length != 2 || !parts[0].matches("\\d{1,18}")) {
                throw Refusal.of("chains.bulk.item", item);
            }
            long enterpriseId = enterprises.byIdOrUscc(scope, parts[0])
                    .orElseThrow(() -> Refusal.notFound("enterprise", parts[0]));
            try {
                decide(enterpriseId, parts[1], decision, null, reason);
            } catch (Refusal | IllegalArgumentException e) { // one row that cannot be decided refuses them all
                throw Refusal.of("chains.bulk.item", item);
            }
        }
        return new java.util.LinkedHashSet<>(items).size();
    }

    /** Withdraws a decision, so the computed link counts again. */
    @Transactional
    public void withdraw(long enterpriseId, String nodeId) {
        Map<String, Object> before = jdbc.sql("select decision, role, reason from chain_link_override"
                + " where enterprise_id = ? and node_id = ?").params(enterpriseId, nodeId).query().listOfRows().stream()
                .findFirst().orElse(null);
        if (before == null) {
            return;
        }
        jdbc.sql("delete from chain_link_override where enterprise_id = ? and node_id = ?").params(enterpriseId, nodeId)
                .update();
        ChainRecomputation.refreshFacts(jdbc, enterpriseId);
        Long park = jdbc.sql("select park_id from enterprise where id = ?").param(enterpriseId).query(Long.class).optional()
                .orElse(null);
        audit.record("DELETE", "chain_link", enterpriseId + ":" + nodeId, park, enterpriseId, before, null);
    }

    /** Records the government's designation of a 链主, with the document that made it. */
    @Transactional
    public long designate(String chainId, long enterpriseId, @Nullable String document, LocalDate designatedOn,
            @Nullable String note) {
        chains.chain(chainId);
        if (document == null || document.isBlank()) {
            throw Refusal.of("chains.refused.document");
        }
        long id = jdbc.sql("insert into chain_leader_designation(chain_id, enterprise_id, document, designated_on, note,"
                + " created_by) values (?, ?, ?, ?, ?, ?) returning id").params(chainId, enterpriseId, document.strip(),
                designatedOn, note == null || note.isBlank() ? null : note.strip(), ChainService.actor()).query(Long.class).single();
        Long park = jdbc.sql("select park_id from enterprise where id = ?").param(enterpriseId).query(Long.class).optional()
                .orElse(null);
        audit.record("CREATE", "chain_leader_designation", id, park, enterpriseId, null,
                Map.of("chain", chainId, "document", document.strip(), "designatedOn", designatedOn.toString()));
        return id;
    }
}
