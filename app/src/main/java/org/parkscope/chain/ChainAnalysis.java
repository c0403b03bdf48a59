package org.parkscope.chain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainNode;
import org.parkscope.core.chain.GapAnalysis;
import org.parkscope.core.chain.LeaderScoring;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.parkscope.shared.TownContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the town has on each node of a chain, within a scope: firms, output, revenue, tax, staff, certificates and
 * the five-year trend; the gaps with their reasons; the 链主 candidates and the recorded designations.
 * Capacity means an auto or confirmed link of a current firm as producer or service provider, or as seller on a
 * node flagged as a sales node (chains.md §10.6; a sales office of a chip firm does not fill a chip node); a user is
 * never capacity. The rules are the database's (V017 {@code is_capacity}, V021 {@code chain_firm_of}; V016
 * {@code is_current_firm}); counts and figures come from the stored chain facts ({@link ChainFacts}, V021), the gap
 * flags and the 链主 ranking are computed from them here (core {@code GapAnalysis}, {@code LeaderScoring}).
 */
@Service
public class ChainAnalysis {

    private final JdbcClient jdbc;
    private final ChainService chains;
    private final TownContext town;
    private final ChainProperties properties;
    private final ChainFacts facts;

    public ChainAnalysis(JdbcClient jdbc, ChainService chains, TownContext town, ChainProperties properties,
            ChainFacts facts) {
        this.facts = facts;
        this.jdbc = jdbc;
        this.chains = chains;
        this.town = town;
        this.properties = properties;
    }

    public record NodeStats(String nodeId, long firms, long aboveScale, long smallOrMicro, BigDecimal revenueWan,
            BigDecimal outputWan, BigDecimal taxWan, long staff, long qualifications, long candidates,
            List<BigDecimal> revenueTrend) {

        /** Revenue over the five years, in 万元, oldest first. */
        public String trendText() {
            return String.join(" → ", revenueTrend.stream().map(b -> b.setScale(0, RoundingMode.HALF_UP).toPlainString())
                    .toList());
        }
    }

    public record NodeView(ChainNode node, NodeStats stats, GapAnalysis.Assessment assessment) {}

    public record ChainView(Chain chain, int year, List<Integer> years, List<NodeView> nodes, BigDecimal revenueWan,
            long firms, double strategicFit) {

        public List<NodeView> gaps() {
            return nodes.stream().filter(n -> n.assessment().gap())
                    .sorted((a, b) -> Double.compare(b.assessment().priority(), a.assessment().priority())).toList();
        }
    }

    public record FirmOnNode(long id, String name, @Nullable String parkName, String status, String role,
            @Nullable BigDecimal score, @Nullable String evidence, @Nullable String note, @Nullable String decisionReason,
            @Nullable String decidedBy, boolean aboveScale, @Nullable BigDecimal revenueWan, @Nullable BigDecimal taxWan,
            @Nullable BigDecimal outputWan, @Nullable Integer staff, String enterpriseStatus, boolean capacity) {}

    public record Designation(long id, long enterpriseId, String enterpriseName, String document,
            java.time.LocalDate designatedOn, @Nullable String note, String createdBy) {}

    public int defaultYear() {
        return town.referenceYear();
    }

    /** A chain in the scope: each node's firms, figures, certificates, five-year trend and flags. */
    public ChainView view(Scope scope, String chainId, int year) {
        Chain chain = chains.chain(chainId);
        Map<String, ChainFacts.NodeFigures> figures = facts.nodes(scope, chainId, year);
        return build(chain, year, figures, stats(scope, chainId, years(year), figures, true),
                facts.chains(scope, year).get(chainId), keyClusterChains());
    }

    /**
     * Every chain without what only the chain map shows, the certificates (counted 0) and the trend (zeros): what the
     * chain list and the 补链 gaps read, in three queries for all chains.
     */
    public List<ChainView> summaries(Scope scope, int year) {
        Map<String, ChainFacts.NodeFigures> figures = facts.nodes(scope, null, year);
        Map<String, ChainFacts.ChainFigures> chainFigures = facts.chains(scope, year);
        Set<String> key = keyClusterChains();
        return chains.chains().stream().map(c -> build(c, year, figures,
                stats(scope, c.id(), years(year), figures, false), chainFigures.get(c.id()), key)).toList();
    }

    private static List<Integer> years(int year) {
        return List.of(year - 4, year - 3, year - 2, year - 1, year);
    }

    private ChainView build(Chain chain, int year, Map<String, ChainFacts.NodeFigures> nodeFigures,
            Map<String, NodeStats> stats, ChainFacts.ChainFigures figures, Set<String> keyClusterChains) {
        BigDecimal chainRevenue = figures.revenue();
        double fit = keyClusterChains.contains(chain.id()) ? properties.clusterStrategicFit() : 1.0;
        List<NodeView> nodes = new ArrayList<>();
        for (ChainNode n : chain.nodes()) {
            NodeStats s = stats.get(n.id());
            BigDecimal ratio = s.firms() == 1 ? nodeFigures.get(n.id()).onlyFirmRatio() : null;
            List<String> exposed = new ArrayList<>();
            for (ChainNode.Edge e : n.upstream()) {
                ChainNode input = e.crossChain() ? null : chain.node(e.node()).orElse(null);
                if (input != null && input.watchList() && stats.get(input.id()).firms() == 0) {
                    exposed.add(input.id() + " " + input.name());
                }
            }
            GapAnalysis.Assessment a = GapAnalysis.assess(n, new GapAnalysis.NodeFigures(n.id(), (int) s.firms(),
                    (int) s.aboveScale(), (int) s.smallOrMicro(), s.revenueWan(), ratio), chainRevenue, fit,
                    properties.gapSettings(), exposed);
            nodes.add(new NodeView(n, s, a));
        }
        return new ChainView(chain, year, years(year), nodes, chainRevenue, figures.firms(), fit);
    }

    /** 1+4+X chains weigh more in the 招商 priority: the chains in a key cluster get the configured fit, others 1. */
    private Set<String> keyClusterChains() {
        return new HashSet<>(jdbc.sql("select distinct r.chain_id from cluster_rule r join cluster c on c.id = r.cluster_id"
                + " where r.chain_id is not null and c.tier in ('1', '4', 'X')").query(String.class).list());
    }

    /** Each node's stored facts in the scope, with the certificates in force and the five-year revenue trend. */
    private Map<String, NodeStats> stats(Scope scope, String chainId, List<Integer> years,
            Map<String, ChainFacts.NodeFigures> figures, boolean detail) {
        Map<String, Map<Integer, BigDecimal>> trend = detail ? facts.revenueByYear(scope, chainId, years) : Map.of();
        Map<String, Long> quals = detail ? facts.qualifications(scope, chainId, town.asOf()) : Map.of();
        Map<String, NodeStats> out = new LinkedHashMap<>();
        figures.forEach((id, f) -> {
            Map<Integer, BigDecimal> t = trend.getOrDefault(id, Map.of());
            out.put(id, new NodeStats(id, f.firms(), f.aboveScale(), f.smallOrMicro(), f.revenue(), f.output(), f.tax(),
                    f.staff(), quals.getOrDefault(id, 0L), f.candidates(),
                    years.stream().map(y -> t.getOrDefault(y, BigDecimal.ZERO)).toList()));
        });
        return out;
    }

    /** Output, tax and staff of the chain's distinct capacity firms (each firm once). */
    public record ChainTotals(BigDecimal outputWan, BigDecimal taxWan, long staff) {}

    public ChainTotals totals(Scope scope, String chainId, int year) {
        ChainFacts.ChainFigures f = facts.chains(scope, year).get(chainId);
        return new ChainTotals(f.output(), f.tax(), f.staff());
    }

    /** Rows a page of the review queue or of a node's firms shows. */
    public static final int PAGE_SIZE = 50;

    /** Best first: decisions, then automatic links, then candidates; by score. */
    private static final String FIRM_ORDER = """
            case l.status when 'CONFIRMED' then 0 when 'AUTO' then 1 when 'CANDIDATE' then 2 else 3 end,
            l.score desc nulls last, e.id""";

    /** Every firm on a node within the scope (the export). */
    public List<FirmOnNode> firms(Scope scope, String nodeId, int year) {
        return firms(scope, nodeId, year, 0, Integer.MAX_VALUE);
    }

    /** One page of the firms on a node within the scope: capacity links, candidates and decisions, best first. */
    public List<FirmOnNode> firms(Scope scope, String nodeId, int year, int page) {
        return firms(scope, nodeId, year, (long) Math.max(0, page) * PAGE_SIZE, PAGE_SIZE);
    }

    public long firmCount(Scope scope, String nodeId) {
        return ScopeParams.bind(jdbc.sql("select count(*) from chain_firm l join enterprise e"
                + " on e.id = l.enterprise_id where l.node_id = :node and " + Scope.condition("e.park_id", "e.id")), scope)
                .param("node", nodeId).query(Long.class).single();
    }

    /** Names of up to {@code perNode} current capacity firms on each node of a chain, best first (the map's click). */
    public Map<String, List<String>> capacityNames(Scope scope, String chainId, int perNode) {
        Map<String, List<String>> out = new HashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select node_id, name from (
                    select l.node_id, e.name, row_number() over (partition by l.node_id order by %s) as rank
                    from chain_firm l join enterprise e on e.id = l.enterprise_id
                    where l.chain_id = :chain and l.chain_capacity and is_current_firm(e.status) and %s
                ) x where rank <= :perNode order by node_id, rank
                """.formatted(FIRM_ORDER, Scope.condition("e.park_id", "e.id"))), scope).param("chain", chainId)
                .param("perNode", perNode).query((rs, i) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2))).list();
        return out;
    }

    private List<FirmOnNode> firms(Scope scope, String nodeId, int year, long offset, int limit) {
        return ScopeParams.bind(jdbc.sql("""
                select e.id, e.name, p.name as park_name, l.status, l.role, l.score, k.evidence::text as evidence, k.note,
                       o.reason as decision_reason, o.decided_by, e.above_scale, y.revenue as revenue_wan, y.tax as tax_wan,
                       y.output as output_wan, cast(y.staff as int) as staff, e.status as enterprise_status,
                       (l.chain_capacity and is_current_firm(e.status)) as capacity
                from chain_firm l join enterprise e on e.id = l.enterprise_id
                left join chain_link k on k.enterprise_id = l.enterprise_id and k.node_id = l.node_id
                left join chain_link_override o on o.enterprise_id = l.enterprise_id and o.node_id = l.node_id
                left join park p on p.id = e.park_id
                left join enterprise_year y on y.enterprise_id = e.id and y.year = :year
                where l.node_id = :node and %s
                order by %s limit :limit offset :offset
                """.formatted(Scope.condition("e.park_id", "e.id"), FIRM_ORDER)), scope).param("node", nodeId)
                .param("year", year).param("limit", limit).param("offset", offset)
                .query(RecordRows.of(FirmOnNode.class)).list();
    }

    /** A candidate link waiting for a person's decision. */
    public record ReviewRow(long enterpriseId, String name, String nodeId, String nodeName, String chainId,
            @Nullable BigDecimal score, String role, @Nullable String note, @Nullable String evidence) {}

    /** One page of the review queue: candidate links (below the auto threshold or held back by a rule), best first. */
    public List<ReviewRow> reviewQueue(Scope scope, @Nullable String chainId, int page) {
        return ScopeParams.bind(jdbc.sql("""
                select e.id as enterprise_id, e.name, n.id as node_id, n.name as node_name, n.chain_id, l.score, l.role,
                       k.note, k.evidence::text as evidence
                from chain_firm l join chain_node n on n.id = l.node_id join enterprise e on e.id = l.enterprise_id
                join chain_link k on k.enterprise_id = l.enterprise_id and k.node_id = l.node_id
                where l.status = 'CANDIDATE' and (cast(:chain as text) is null or l.chain_id = :chain)
                  and is_current_firm(e.status) and %s
                order by l.score desc, e.id, n.id limit :limit offset :offset
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("chain", chainId).param("limit", PAGE_SIZE)
                .param("offset", (long) Math.max(0, page) * PAGE_SIZE).query(RecordRows.of(ReviewRow.class)).list();
    }

    /** Candidate links of current firms in the scope, on one chain or all (the stored count). */
    public long reviewCount(Scope scope, @Nullable String chainId) {
        return facts.candidates(scope, chainId);
    }

    /** An enterprise's own words and the chain nodes it is on (for its page), within the scope. */
    public record EnterpriseChains(@Nullable String businessScope, @Nullable String mainProducts,
            List<EnterpriseLink> links) {}

    /** A chain node an enterprise is on, and how (auto, candidate or confirmed; its role and score). */
    public record EnterpriseLink(String chainId, String chainName, String nodeId, String nodeName, String status,
            String role, @Nullable BigDecimal score) {}

    private record OwnWords(@Nullable String businessScope, @Nullable String mainProducts) {}

    public EnterpriseChains forEnterprise(Scope scope, long enterpriseId) {
        var texts = ScopeParams.bind(jdbc.sql("select e.business_scope, e.main_products from enterprise e where e.id = :id and "
                + Scope.condition("e.park_id", "e.id")), scope).param("id", enterpriseId).query(RecordRows.of(OwnWords.class))
                .optional();
        if (texts.isEmpty()) {
            return new EnterpriseChains(null, null, List.of());
        }
        List<EnterpriseLink> links = jdbc.sql("""
                select n.chain_id, c.name as chain_name, n.id as node_id, n.name as node_name, l.status, l.role, l.score
                from chain_firm l join chain_node n on n.id = l.node_id join industry_chain c on c.id = n.chain_id
                where l.enterprise_id = ? and l.status <> 'REJECTED' order by c.sort_order, n.sort_order
                """).param(enterpriseId).query(RecordRows.of(EnterpriseLink.class)).list();
        return new EnterpriseChains(texts.get().businessScope(), texts.get().mainProducts(), links);
    }


    /** The qualification types that count as market marks of a 链主 candidate; other certificates count apart. */
    private static final String MARKET_MARKS = "'LISTED', 'CHAMPION', 'LITTLE_GIANT', 'SRDI', 'SH_TECH_GIANT'";

    /** 链主 candidates of a chain (the government designates; these are proposals with their factors). */
    public List<LeaderScoring.Candidate> leaders(Scope scope, String chainId, int year) {
        Chain chain = chains.chain(chainId);
        Map<String, Set<String>> adjacent = new HashMap<>();
        for (ChainNode n : chain.nodes()) {
            Set<String> adj = new HashSet<>();
            n.upstream().stream().filter(e -> !e.crossChain()).forEach(e -> adj.add(e.node()));
            n.downstream().stream().filter(e -> !e.crossChain()).forEach(e -> adj.add(e.node()));
            adjacent.put(n.id(), adj);
        }
        Map<Long, Set<String>> nodesOf = new HashMap<>();
        Map<String, Set<Long>> firmsOn = new HashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select c.enterprise_id, c.node_id from chain_capacity c join enterprise e on e.id = c.enterprise_id
                where c.chain_id = :chain and is_current_firm(e.status) and %s
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("chain", chainId)
                .query((rs, i) -> {
                    nodesOf.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2));
                    firmsOn.computeIfAbsent(rs.getString(2), k -> new HashSet<>()).add(rs.getLong(1));
                    return null;
                }).list();
        if (nodesOf.isEmpty()) {
            return List.of();
        }
        List<LeaderScoring.Firm> firms = new ArrayList<>();
        Map<Set<String>, Set<Long>> reach = new HashMap<>();
        // The same firms as above (capacity on the chain, current, in the scope), without an id list to search.
        ScopeParams.bind(jdbc.sql("""
                select e.id, e.name, e.hq, coalesce(y.revenue, 0) as revenue, coalesce(y.tax, 0) as tax,
                       coalesce(y.rd, 0) as rd, coalesce(cast(y.staff as int), 0) as staff,
                       coalesce(q.market, 0) as market, coalesce(q.certs, 0) as certs
                from enterprise e left join enterprise_year y on y.enterprise_id = e.id and y.year = :year
                left join (select q.enterprise_id,
                                  count(distinct q.type) filter (where q.type in (%1$s)) as market,
                                  count(*) filter (where q.type not in (%1$s)) as certs
                           from qualification q
                           where in_force(q.issued_on, q.expires_on, :asOf)
                             and q.enterprise_id in (select c.enterprise_id from chain_capacity c where c.chain_id = :chain)
                           group by q.enterprise_id) q on q.enterprise_id = e.id
                where e.id in (select c.enterprise_id from chain_capacity c where c.chain_id = :chain)
                  and is_current_firm(e.status) and %2$s
                order by e.id
                """.formatted(MARKET_MARKS, Scope.condition("e.park_id", "e.id"))), scope).param("chain", chainId)
                .param("year", year)
                .param("asOf", town.asOf()).query((rs, i) -> {
                    long id = rs.getLong("id");
                    // Firms on the same nodes have the same neighbours: the union is built once per set of nodes.
                    Set<Long> around = reach.computeIfAbsent(nodesOf.get(id), nodes -> {
                        Set<Long> union = new HashSet<>();
                        for (String node : nodes) {
                            for (String adj : adjacent.getOrDefault(node, Set.of())) {
                                union.addAll(firmsOn.getOrDefault(adj, Set.of()));
                            }
                        }
                        return union;
                    });
                    int partners = around.size() - (around.contains(id) ? 1 : 0);
                    firms.add(new LeaderScoring.Firm(id, rs.getString("name"), rs.getBigDecimal("revenue"),
                            rs.getBigDecimal("tax"), nodesOf.get(id).size(), partners, rs.getInt("market"),
                            rs.getBigDecimal("rd"), rs.getInt("certs"), rs.getBoolean("hq"), rs.getInt("staff")));
                    return null;
                }).list();
        return LeaderScoring.rank(firms, properties.leaderWeights());
    }

    public List<Designation> designations(Scope scope, String chainId) {
        return ScopeParams.bind(jdbc.sql("""
                select d.id, d.enterprise_id, e.name as enterprise_name, d.document, d.designated_on, d.note, d.created_by
                from chain_leader_designation d join enterprise e on e.id = d.enterprise_id
                where d.chain_id = :chain and %s order by d.designated_on desc, d.id desc
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("chain", chainId)
                .query(RecordRows.of(Designation.class)).list();
    }

    static BigDecimal yi(BigDecimal wan) {
        return wan.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP);
    }
}
