package org.parkscope.chain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parkscope.core.chain.Chain;
import org.parkscope.core.chain.ChainMatcher;
import org.parkscope.core.chain.ChainNode;
import org.parkscope.core.chain.GapAnalysis;
import org.parkscope.core.chain.Placement;
import org.parkscope.core.chain.Reason;
import org.parkscope.core.chain.TargetRanking;
import org.parkscope.core.code.IndustryCodes;
import org.parkscope.shared.RecordRows;
import org.parkscope.shared.Scope;
import org.parkscope.shared.VacantSpace;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 补链 target list: for each gap of a chain (缺链 or 弱链 on a node the town counts), firms from the outside pool
 * that the matcher places on that node, ranked with their reasons, and the vacant space that would fit them (floor
 * space with no current occupancy, preferring parks whose positioning names the chain's cluster).
 * <p>
 * The gaps are the town's gap assessments, computed from the stored chain facts (V021) when read, so they follow every
 * import, roll-back, edit and decision. The ranking of the pool on each node that counts locally depends only on the
 * definitions and the pool: it is stored ({@code chain_node_target}) by {@link #refresh}, in the transaction of a
 * recomputation of the placements (and so of a definition save) and of a pool import; {@link #compute} ranks from
 * scratch. Vacant space changes with every occupancy and lead, so it is looked up when the page is read.
 */
@Service
public class TargetList {

    /** Targets stored per gap: the export's depth (the page shows fewer). */
    public static final int STORED_PER_GAP = 10;

    public record Space(long floorSpaceId, long parkId, String parkName, String label, BigDecimal areaM2, String use,
            int fit) {}

    public record GapTargets(Chain chain, ChainNode node, GapAnalysis.Assessment assessment,
            List<TargetRanking.Target> targets, List<Space> spaces) {}

    /** When the stored rankings were computed, and the reference year then. */
    public record Stamp(int year, java.time.OffsetDateTime computedAt) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ChainService chains;
    private final ChainAnalysis analysis;
    private final IndustryCodes codes = IndustryCodes.load();

    public TargetList(JdbcClient jdbc, JdbcTemplate template, ChainService chains, ChainAnalysis analysis) {
        this.jdbc = jdbc;
        this.template = template;
        this.chains = chains;
        this.analysis = analysis;
    }

    /** The page's list: the gaps from the stored facts with the stored rankings (ranked now if none are stored yet). */
    public List<GapTargets> targets(int year, int perGap) {
        List<GapTargets> gaps = stamp() != null ? stored(year, perGap) : compute(year, perGap);
        List<Vacant> vacant = vacant();
        return gaps.stream().map(g -> new GapTargets(g.chain(), g.node(), g.assessment(), g.targets(),
                spaces(vacant, g.chain(), g.node(), g.targets(), 3))).toList();
    }

    /** From scratch: the gaps of every chain at town level by 招商 priority, each with its ranked targets (no spaces). */
    public List<GapTargets> compute(int year, int perGap) {
        List<TargetRanking.PoolFirm> pool = pool();
        ChainMatcher matcher = chains.matcher();
        return gaps(year, node -> TargetRanking.rank(matcher, node.id(), pool, perGap));
    }

    /** The gaps of every chain at town level (from the stored facts) by 招商 priority, with the targets of each. */
    private List<GapTargets> gaps(int year, java.util.function.Function<ChainNode, List<TargetRanking.Target>> targets) {
        List<GapTargets> out = new ArrayList<>();
        for (ChainAnalysis.ChainView v : analysis.summaries(Scope.town(), year)) {
            for (ChainAnalysis.NodeView n : v.gaps()) {
                if (n.node().countsLocally()) {
                    out.add(new GapTargets(v.chain(), n.node(), n.assessment(), targets.apply(n.node()), List.of()));
                }
            }
        }
        out.sort((a, b) -> Double.compare(b.assessment().priority(), a.assessment().priority()));
        return out;
    }

    @EventListener
    void onRecomputed(ChainRecomputation.Recomputed event) {
        refresh();
    }

    /**
     * Ranks the pool for every node that counts locally and stores the rankings (joins the caller's transaction): the
     * gaps themselves are read from the stored facts, which follow every change.
     */
    @Transactional
    public void refresh() {
        chains.lock();
        List<TargetRanking.PoolFirm> pool = pool();
        ChainMatcher matcher = chains.matcher();
        List<Object[]> rows = new ArrayList<>();
        for (Chain chain : chains.chains()) {
            for (ChainNode node : chain.nodes()) {
                if (!node.countsLocally()) {
                    continue;
                }
                List<TargetRanking.Target> ranked = TargetRanking.rank(matcher, node.id(), pool, STORED_PER_GAP);
                for (int t = 0; t < ranked.size(); t++) {
                    TargetRanking.Target target = ranked.get(t);
                    rows.add(new Object[] {node.id(), t, target.firm().id(), target.score(), target.role().name(),
                        JSON.writeValueAsString(target.reasons())});
                }
            }
        }
        jdbc.sql("delete from chain_node_target").update();
        template.batchUpdate("insert into chain_node_target(node_id, position, target_firm_id, score, role, reasons)"
                + " values (?, ?, ?, ?, ?, cast(? as jsonb))", rows);
        jdbc.sql("""
                insert into chain_target_run(id, year, computed_at) values (1, ?, now())
                on conflict (id) do update set year = excluded.year, computed_at = excluded.computed_at
                """).param(analysis.defaultYear()).update();
    }

    public @Nullable Stamp stamp() {
        return jdbc.sql("select year, computed_at from chain_target_run")
                .query(RecordRows.of(Stamp.class)).optional().orElse(null);
    }

    /** The list with the stored rankings, the first {@code perGap} targets of each gap (no spaces). */
    public List<GapTargets> stored(int year, int perGap) {
        Map<String, List<TargetRanking.Target>> targets = new LinkedHashMap<>();
        jdbc.sql("""
                select t.node_id, f.id, f.name, coalesce(f.industry_code, ''), f.business, f.listed,
                       coalesce(f.region, ''), t.score, t.role, t.reasons::text
                from chain_node_target t join target_firm f on f.id = t.target_firm_id
                where t.position < ? order by t.node_id, t.position
                """).param(perGap).query((rs, n) -> targets.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new TargetRanking.Target(new TargetRanking.PoolFirm(rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7)), rs.getDouble(8),
                                Placement.Role.valueOf(rs.getString(9)), JSON.readValue(rs.getString(10), REASONS))))
                .list();
        return gaps(year, node -> targets.getOrDefault(node.id(), List.of()));
    }

    List<TargetRanking.PoolFirm> pool() {
        return jdbc.sql("select id, name, coalesce(industry_code, ''), business, listed, coalesce(region, '')"
                + " from target_firm order by id").query((rs, n) -> new TargetRanking.PoolFirm(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6))).list();
    }

    /** A vacant unit not held for a lead, with its park's cluster tags. */
    record Vacant(long floorSpaceId, long parkId, String parkName, String label, BigDecimal areaM2, String use,
            Set<String> parkTags) {}

    /** What the vacant units depend on: the land data's version (occupancy, space, parks), the open leads, the day. */
    private record VacantInputs(long landVersion, @Nullable String leads, java.time.LocalDate day) {}

    private record VacantList(VacantInputs inputs, List<Vacant> units) {}

    /** The last list read, kept while its inputs are unchanged (at city scale the vacancy query takes seconds). */
    private volatile @Nullable VacantList vacantList;

    /**
     * Vacant floor space today (no current occupancy, see VacantSpace) not reserved by an open lead: the
     * three largest units of each use in each park, which hold the best three of every gap ({@link #spaces} ranks by
     * park, then use, then area). Read again when the land data, the leads or the day change.
     */
    List<Vacant> vacant() {
        java.time.LocalDate day = java.time.LocalDate.now();
        VacantInputs inputs = jdbc.sql("""
                select v.version, (select md5(string_agg(l.floor_space_id || ':' || l.status, ',' order by l.id))
                                   from investment_lead l where l.floor_space_id is not null)
                from land_data_version v""").query((rs, n) -> new VacantInputs(rs.getLong(1), rs.getString(2), day))
                .single();
        VacantList kept = vacantList;
        if (kept != null && kept.inputs().equals(inputs)) {
            return kept.units();
        }
        List<Vacant> units = jdbc.sql("""
                select * from (
                    select fs.id, p.id as park_id, p.name, fs.label, fs.area_m2, fs.use, p.cluster_tags,
                           row_number() over (partition by fs.park_id, fs.use order by fs.area_m2 desc, fs.id) as rank
                    from floor_space fs join park p on p.id = fs.park_id join building b on b.id = fs.building_id
                    where %s
                      and not exists (select 1 from investment_lead l where l.floor_space_id = fs.id
                                      and l.status not in ('DROPPED'))
                ) x where rank <= 3
                """.formatted(VacantSpace.CONDITION)).param("asOf", day)
                .query((rs, n) -> new Vacant(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), Set.of((String[]) rs.getArray(7).getArray()))).list();
        vacantList = new VacantList(inputs, units);
        return units;
    }

    /**
     * The vacant units that fit a gap: parks whose cluster tags share one with the chain first, then workshops for
     * producers of goods (offices otherwise), then the larger units.
     */
    List<Space> spaces(List<Vacant> vacant, Chain chain, ChainNode node, List<TargetRanking.Target> targets, int limit) {
        boolean goods = targets.stream().anyMatch(t -> t.role() == Placement.Role.PRODUCER)
                && node.industryCodes().stream().anyMatch(c -> codes.isIndustrial(c.code()));
        String use = goods ? "厂房" : "办公";
        Set<String> tags = Set.copyOf(chain.clusterTags());
        java.util.Comparator<Space> order = java.util.Comparator.comparingInt(Space::fit).reversed()
                .thenComparing(sp -> !sp.use().equals(use))
                .thenComparing(Space::areaM2, java.util.Comparator.reverseOrder())
                .thenComparingLong(Space::floorSpaceId);
        // The best few in one pass: the queue's head is the worst one kept.
        java.util.PriorityQueue<Space> best = new java.util.PriorityQueue<>(order.reversed());
        for (Vacant v : vacant) {
            best.add(new Space(v.floorSpaceId(), v.parkId(), v.parkName(), v.label(), v.areaM2(), v.use(),
                    (int) v.parkTags().stream().filter(tags::contains).count()));
            if (best.size() > limit) {
                best.poll();
            }
        }
        return best.stream().sorted(order).toList();
    }
}
