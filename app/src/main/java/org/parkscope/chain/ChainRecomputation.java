package org.parkscope.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.chain.ChainMatcher;
import org.parkscope.core.chain.FirmProfile;
import org.parkscope.core.chain.Placement;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The placements computed from the definitions ({@code chain_link}), replaced whole by a recomputation; people's
 * decisions ({@link ChainDecisions}) are untouched and win. What the database derives from the links is refreshed in the
 * same transaction ({@link #refreshFacts}).
 */
@Service
public class ChainRecomputation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditLog audit;
    private final ChainService chains;
    private final FirmProfiles profiles;
    private final ApplicationEventPublisher events;

    public ChainRecomputation(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, ChainService chains,
            FirmProfiles profiles, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.chains = chains;
        this.profiles = profiles;
        this.events = events;
    }

    /** A saved definition is recomputed in the transaction that saved it. */
    @EventListener
    void onDefinitionSaved(ChainService.DefinitionSaved event) {
        recompute();
    }

    /** Published inside the transaction of every recomputation (and so of every definition save). */
    public record Recomputed() {}

    /**
     * Recomputes every computed link from the current definitions; decisions are untouched. What is derived from the
     * links and definitions (the 补链 target list) is refreshed in the same transaction, by the {@link Recomputed} event.
     */
    @Transactional
    public int recompute() {
        chains.lock();
        ChainMatcher matcher = chains.matcher();
        List<Object[]> rows = new ArrayList<>();
        List<FirmProfile> firms = profiles.of(null);
        for (FirmProfile f : firms) {
            for (Placement p : matcher.place(f)) {
                rows.add(new Object[] {f.id(), p.nodeId(), p.score(), p.status().name(), p.role().name(),
                    JSON.writeValueAsString(evidence(p)), p.note()});
            }
        }
        Map<String, Object> before = linkCounts();
        jdbc.sql("delete from chain_link").update();
        template.batchUpdate("insert into chain_link(enterprise_id, node_id, score, status, role, evidence, note)"
                + " values (?, ?, ?, ?, ?, cast(? as jsonb), ?)", rows);
        template.execute("analyze chain_link"); // the planner's view of the links changes wholesale here
        refreshFacts(jdbc, null);
        Map<String, Object> after = new LinkedHashMap<>(linkCounts());
        after.put("firms", firms.size());
        audit.record("RECOMPUTE", "chain_recompute", "all", null, null, before, after);
        events.publishEvent(new Recomputed());
        return rows.size();
    }

    private Map<String, Object> linkCounts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("links", 0L);
        m.put("AUTO", 0L);
        m.put("CANDIDATE", 0L);
        jdbc.sql("select status, count(*) from chain_link group by status").query((rs, n) -> {
            m.merge("links", rs.getLong(2), (a, b) -> (Long) a + (Long) b);
            m.put(rs.getString(1), rs.getLong(2));
            return null;
        }).list();
        return m;
    }

    static List<Map<String, Object>> evidence(Placement p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Placement.Evidence e : p.evidence()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", e.source().name());
            m.put("matched", e.matched());
            m.put("context", e.context());
            m.put("weight", e.weight());
            out.add(m);
        }
        return out;
    }

    /**
     * Refreshes, in the caller's transaction, what the database derives from chain links, decisions, nodes and the
     * cluster composition (SEI firms, cluster membership and the park and cluster figures they add up to, V017
     * {@code refresh_firm_standing}): for one enterprise after a decision on it, or for all ({@code null}).
     */
    static void refreshFacts(JdbcClient jdbc, @Nullable Long enterpriseId) {
        jdbc.sql("select refresh_firm_standing(cast(? as bigint[]), null)")
                .param(enterpriseId == null ? null : new Long[] {enterpriseId}).query().listOfRows();
    }
}
