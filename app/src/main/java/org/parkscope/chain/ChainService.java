package org.parkscope.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainChecks;
import org.parkscope.core.chain.ChainMatcher;
import org.parkscope.core.chain.ChainNode;
import org.parkscope.core.chain.FirmProfile;
import org.parkscope.core.chain.MatchSettings;
import org.parkscope.core.chain.Placement;
import org.parkscope.shared.QualificationType;
import org.parkscope.shared.UserMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The chain definitions in the database. Definitions are stored whole as YAML (so an export gives back exactly what was
 * saved) and mirrored into {@code chain_node} for queries; a save is recomputed in its transaction
 * ({@link ChainRecomputation}); people's decisions ({@link ChainDecisions}) live in {@code chain_link_override} and win.
 */
@Service
public class ChainService {

    /**
     * Qualification types of the registry that chain files name by their Chinese title. Every title a chain file uses
     * must be one of these (checked on save); the types are in the registry's vocabulary (importer, edit form, message
     * files) as well.
     */
    public static final Map<String, String> QUALIFICATION_TITLES = QualificationType.chainTitles();

    /** Qualification titles in a chain that the registry has no type for (each a problem). */
    static List<UserMessage> unknownQualifications(Chain chain) {
        List<UserMessage> problems = new ArrayList<>();
        for (ChainNode n : chain.nodes()) {
            for (String q : n.qualifications()) {
                if (!QUALIFICATION_TITLES.containsValue(q)) {
                    problems.add(ChainFile.at(n.id() + ".qualifications", "chains.file.noSuchQualification", q));
                }
            }
        }
        return problems;
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final FirmProfiles profiles;
    private final MatchSettings settings;
    private final org.springframework.context.ApplicationEventPublisher events;
    private volatile @Nullable List<Chain> cache;
    /** Bumped whenever the definitions may have changed, so a load that raced with a change is not cached. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    /** Bound to a transaction that changes definitions: it reads them fresh and caches nothing before it completes. */
    private final Object changing = new Object();

    /** The key of the Postgres advisory lock that serialises definition changes and recomputation. */
    static final long LOCK = 0x5053_4348_4149_4EL; // "PSCHAIN"

    public ChainService(JdbcClient jdbc, AuditLog audit, FirmProfiles profiles, ChainProperties properties,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.audit = audit;
        this.profiles = profiles;
        this.settings = properties.matchSettings();
    }

    public MatchSettings settings() {
        return settings;
    }

    /** All chains, in display order, parsed from their stored definitions. */
    public List<Chain> chains() {
        boolean inChange = TransactionSynchronizationManager.hasResource(changing);
        List<Chain> c = inChange ? null : cache;
        if (c == null) {
            long g = generation.get();
            c = jdbc.sql("select id, definition_yaml from industry_chain order by sort_order, id")
                    .query((rs, n) -> ChainFile.parse(rs.getString(2), rs.getString(1))).list();
            // Never cache what an uncommitted change reads, nor a load that overlapped a change.
            if (!inChange && generation.get() == g) {
                cache = c;
            }
        }
        return c;
    }

    /**
     * The definitions change in the current transaction: drop the cache now, read fresh within the transaction, and
     * drop the cache again once it commits or rolls back (a page read in between may have cached the old ones).
     */
    private void definitionsChanging() {
        generation.incrementAndGet();
        cache = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(changing)) {
            TransactionSynchronizationManager.bindResource(changing, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(changing);
                    generation.incrementAndGet();
                    cache = null;
                }
            });
        }
    }

    /** Serialises definition changes and recomputation across sessions and instances (held to the transaction end). */
    void lock() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query((rs, n) -> 1).list();
    }

    public Chain chain(String id) {
        return chains().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> org.parkscope.shared.Refusal.notFound("chain", id));
    }

    public String yaml(String id) {
        chain(id);
        return jdbc.sql("select definition_yaml from industry_chain where id = ?").param(id).query(String.class).single();
    }

    public ChainMatcher matcher() {
        return new ChainMatcher(chains(), settings);
    }

    /** Loads the shipped chains that the database does not hold yet; a chain edited on the platform is kept. */
    @Transactional
    public int loadShipped() {
        lock();
        int loaded = 0;
        int order = 0;
        for (String name : ChainFile.SHIPPED) {
            order += 10;
            String text = ChainFile.shippedText(name);
            Chain chain = ChainFile.parse(text, name);
            boolean exists = jdbc.sql("select count(*) from industry_chain where id = ?").param(chain.id())
                    .query(Long.class).single() > 0;
            if (!exists) {
                jdbc.sql("insert into industry_chain(id, name, name_en, sort_order, definition_yaml, updated_by)"
                        + " values (?, ?, ?, ?, ?, 'system')").params(chain.id(), chain.name(), chain.nameEn(), order, text)
                        .update();
                jdbc.sql("insert into industry_chain_revision(chain_id, revision, definition_yaml, saved_by)"
                        + " values (?, 1, ?, 'system')").params(chain.id(), text).update();
                syncNodes(chain);
                loaded++;
            }
        }
        if (loaded > 0) {
            definitionsChanging();
        }
        return loaded;
    }

    /** Published inside the transaction of a definition save: the placements are recomputed in it. */
    public record DefinitionSaved(String chainId) {}

    /**
     * Saves an edited definition: parsed and checked first (problems come back in the reader's language and nothing is
     * stored), then stored as a new revision, the nodes mirrored, the links recomputed, and the change audited.
     */
    @Transactional
    public Chain save(String id, String yaml) {
        lock();
        Chain before = chain(id);
        Chain chain = ChainFile.parse(yaml, id);
        if (!chain.id().equals(id)) {
            throw new ChainFile.Invalid(id, List.of(UserMessage.of("chains.file.idChanged", id, chain.id())));
        }
        List<Chain> all = new ArrayList<>(chains());
        all.replaceAll(c -> c.id().equals(id) ? chain : c);
        List<UserMessage> across = new ArrayList<>(ChainChecks.checkAcross(all).stream().map(ChainFile::checked).toList());
        across.addAll(unknownQualifications(all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()));
        across.addAll(stillReferenced(chain(id), all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()));
        if (!across.isEmpty()) {
            throw new ChainFile.Invalid(id, across);
        }
        int revision = jdbc.sql("update industry_chain set definition_yaml = ?, name = ?, name_en = ?, revision = revision + 1,"
                + " updated_at = now(), updated_by = ? where id = ? returning revision")
                .params(yaml, chain.name(), chain.nameEn(), actor(), id).query(Integer.class).single();
        jdbc.sql("insert into industry_chain_revision(chain_id, revision, definition_yaml, saved_by) values (?, ?, ?, ?)")
                .params(id, revision, yaml, actor()).update();
        definitionsChanging();
        syncNodes(chain);
        audit.record("UPDATE", "industry_chain", id, null, null,
                Map.of("revision", revision - 1, "nodes", before.nodes().size()),
                Map.of("revision", revision, "nodes", chain.nodes().size()));
        events.publishEvent(new DefinitionSaved(id));
        return chain;
    }

    /**
     * Nodes an edit would remove while people's work still points at them: decisions on firms (confirmations and
     * exclusions) and open 招商 leads. Such an edit is refused until the references are withdrawn or moved.
     */
    List<UserMessage> stillReferenced(Chain before, Chain after) {
        Set<String> kept = new HashSet<>();
        after.nodes().forEach(n -> kept.add(n.id()));
        List<UserMessage> problems = new ArrayList<>();
        for (ChainNode n : before.nodes()) {
            if (kept.contains(n.id())) {
                continue;
            }
            long decisions = jdbc.sql("select count(*) from chain_link_override where node_id = ?").param(n.id())
                    .query(Long.class).single();
            long leads = jdbc.sql("select count(*) from investment_lead where node_id = ? and status not in ('SIGNED', 'DROPPED')")
                    .param(n.id()).query(Long.class).single();
            if (decisions > 0 || leads > 0) {
                problems.add(ChainFile.at(n.id(), "chains.file.stillReferenced", decisions, leads));
            }
        }
        return problems;
    }

    /** The auto links a definition change would add and drop, with firm names, before it is published. */
    public record Impact(int added, int dropped, List<String> addedExamples, List<String> droppedExamples) {}

    /**
     * Checks an edited definition and computes its impact on the auto links without storing anything (chains.md
     * §10.4: keyword edits are checked before they are published).
     */
    public Impact preview(String id, String yaml) {
        chain(id);
        Chain edited = ChainFile.parse(yaml, id);
        if (!edited.id().equals(id)) {
            throw new ChainFile.Invalid(id, List.of(UserMessage.of("chains.file.idChanged", id, edited.id())));
        }
        List<Chain> all = new ArrayList<>(chains());
        all.replaceAll(c -> c.id().equals(id) ? edited : c);
        List<UserMessage> across = new ArrayList<>(ChainChecks.checkAcross(all).stream().map(ChainFile::checked).toList());
        across.addAll(unknownQualifications(all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()));
        across.addAll(stillReferenced(chain(id), all.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow()));
        if (!across.isEmpty()) {
            throw new ChainFile.Invalid(id, across);
        }
        Set<String> nodes = new HashSet<>();
        edited.nodes().forEach(n -> nodes.add(n.id()));
        chain(id).nodes().forEach(n -> nodes.add(n.id()));
        Map<Long, String> names = new HashMap<>();
        Set<String> after = new java.util.TreeSet<>();
        ChainMatcher matcher = new ChainMatcher(all, settings);
        for (FirmProfile f : profiles.of(null)) {
            names.put(f.id(), f.name());
            for (Placement p : matcher.place(f)) {
                if (p.status() == Placement.LinkStatus.AUTO && nodes.contains(p.nodeId())) {
                    after.add(f.id() + "|" + p.nodeId());
                }
            }
        }
        Set<String> before = new java.util.TreeSet<>(jdbc.sql("select enterprise_id || '|' || node_id from chain_link"
                + " where status = 'AUTO' and node_id = any(?)").param(nodes.toArray(new String[0])).query(String.class).list());
        List<String> added = after.stream().filter(k -> !before.contains(k)).toList();
        List<String> dropped = before.stream().filter(k -> !after.contains(k)).toList();
        java.util.function.Function<String, String> label = k -> {
            String[] kv = k.split("\\|");
            return names.getOrDefault(Long.parseLong(kv[0]), kv[0]) + " → " + kv[1];
        };
        return new Impact(added.size(), dropped.size(), added.stream().limit(20).map(label).toList(),
                dropped.stream().limit(20).map(label).toList());
    }

    private void syncNodes(Chain chain) {
        Set<String> ids = new HashSet<>();
        for (ChainNode n : chain.nodes()) {
            ids.add(n.id());
            jdbc.sql("""
                    insert into chain_node(id, chain_id, name, stage, sort_order, scope, key_link, demand_node, seller_node,
                                           watch_list, sei_codes, industry_codes)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do update set chain_id = excluded.chain_id, name = excluded.name, stage = excluded.stage,
                        sort_order = excluded.sort_order, scope = excluded.scope, key_link = excluded.key_link,
                        demand_node = excluded.demand_node, seller_node = excluded.seller_node,
                        watch_list = excluded.watch_list, sei_codes = excluded.sei_codes,
                        industry_codes = excluded.industry_codes
                    """).params(n.id(), chain.id(), n.name(), n.stage().name(), n.order(), n.scope().name(), n.keyLink(),
                    n.demandNode(), n.sellerNode(), n.watchList(), n.seiCodes().toArray(new String[0]),
                    n.industryCodes().stream().map(ChainNode.CodeRef::code).toArray(String[]::new)).update();
        }
        jdbc.sql("delete from chain_node where chain_id = ? and id <> all(?)").params(chain.id(), ids.toArray(new String[0]))
                .update();
    }


    static String actor() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth.getName() == null ? "system" : auth.getName();
    }
}
