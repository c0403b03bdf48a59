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
 * {@link #compute} is the one definition of the gaps and their ranked targets. Its result for the reference year is
 * stored ({@code chain_target_gap}, {@code chain_target}) by {@link #refresh}, in the transaction of whatever changes
 * its inputs: a recomputation of the placements (and so a definition save) and a pool import. The page reads the
 * stored list; vacant space changes with every occupancy and lead, so it is looked up when the page is read.
 */
@Service
public class TargetList {

    /** Targets stored per gap: the export's depth (the page shows fewer). */
    public static final int STORED_PER_GAP = 10;

    public record Space(long floorSpaceId, long parkId, String parkName, String label, BigDecimal areaM2, String use,
            int fit) {}

    public record GapTargets(Chain chain, ChainNode node, GapAnalysis.Assessment assessment,
            List<TargetRanking.Target> targets, List<Space> spaces) {}

    /** When the stored list was computed, and for which year. */
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

    /** The page's list: the stored one for its year, computed on the spot for another year; spaces looked up now. */
    public List<GapTargets> targets(int year, int perGap) {
        Stamp stamp = stamp();
        List<GapTargets> gaps = stamp != null && stamp.year() == year ? stored(perGap) : compute(year, perGap);
        List<Vacant> vacant = vacant();
        return gaps.stream().map(g -> new GapTargets(g.chain(), g.node(), g.assessment(), g.targets(),
                spaces(vacant, g.chain(), g.node(), g.targets(), 3))).toList();
    }

    /** From scratch: the gaps of every chain at town level by 招商 priority, each with its ranked targets (no spaces). */
    public List<GapTargets> compute(int year, int perGap) {
        List<TargetRanking.PoolFirm> pool = pool();
        ChainMatcher matcher = chains.matcher();
        List<GapTargets> out = new ArrayList<>();
        for (Chain chain : chains.chains()) {
            for (ChainAnalysis.NodeView n : analysis.view(Scope.town(), chain.id(), year).gaps()) {
                if (n.node().countsLocally()) {
                    out.add(new GapTargets(chain, n.node(), n.assessment(),
                            TargetRanking.rank(matcher, n.node().id(), pool, perGap), List.of()));
                }
            }
        }
        out.sort((a, b) -> Double.compare(b.assessment().priority(), a.assessment().priority()));
        return out;
    }

    @EventListener
    void onRecomputed(ChainService.Recomputed event) {
        refresh();
    }

    /** Replaces the stored list with a fresh computation for the reference year (joins the caller's transaction). */
    @Transactional
    public void refresh() {
        chains.lock();
        int year = analysis.defaultYear();
        List<GapTargets> gaps = compute(year, STORED_PER_GAP);
        jdbc.sql("delete from chain_target_gap").update();
        List<Object[]> gapRows = new ArrayList<>();
        List<Object[]> targetRows = new ArrayList<>();
        for (int g = 0; g < gaps.size(); g++) {
            GapTargets gap = gaps.get(g);
            gapRows.add(new Object[] {g, gap.chain().id(), gap.node().id(), gap.assessment().priority(),
                gap.assessment().flags().stream().map(Enum::name).sorted().toArray(String[]::new),
                JSON.writeValueAsString(gap.assessment().reasons())});
            for (int t = 0; t < gap.targets().size(); t++) {
                TargetRanking.Target target = gap.targets().get(t);
                targetRows.add(new Object[] {g, t, target.firm().id(), target.score(), target.role().name(),
                    JSON.writeValueAsString(target.reasons())});
            }
        }
        template.batchUpdate("insert into chain_target_gap(position, chain_id, node_id, priority, flags, reasons)"
                + " values (?, ?, ?, ?, ?, cast(? as jsonb))", gapRows);
        template.batchUpdate("insert into chain_target(gap_position, position, target_firm_id, score, role, reasons)"
                + " values (?, ?, ?, ?, ?, cast(? as jsonb))", targetRows);
        jdbc.sql("""
                insert into chain_target_run(id, year, computed_at) values (1, ?, now())
                on conflict (id) do update set year = excluded.year, computed_at = excluded.computed_at
                """).param(year).update();
    }

    public @Nullable Stamp stamp() {
        return jdbc.sql("select year, computed_at from chain_target_run")
                .query(RecordRows.of(Stamp.class)).optional().orElse(null);
    }

    /** The stored list, the first {@code perGap} targets of each gap (no spaces). */
    public List<GapTargets> stored(int perGap) {
        Map<Integer, List<TargetRanking.Target>> targets = new LinkedHashMap<>();
        jdbc.sql("""
                select t.gap_position, f.id, f.name, coalesce(f.industry_code, ''), f.business, f.listed,
                       coalesce(f.region, ''), t.score, t.role, t.reasons::text
                from chain_target t join target_firm f on f.id = t.target_firm_id
                where t.position < ? order by t.gap_position, t.position
                """).param(perGap).query((rs, n) -> targets.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new TargetRanking.Target(new TargetRanking.PoolFirm(rs.getLong(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7)), rs.getDouble(8),
                                Placement.Role.valueOf(rs.getString(9)), JSON.readValue(rs.getString(10), REASONS))))
                .list();
        List<GapTargets> out = new ArrayList<>();
        jdbc.sql("select position, chain_id, node_id, priority, flags, reasons::text from chain_target_gap order by position")
                .query((rs, n) -> {
                    Chain chain = chains.chain(rs.getString(2));
                    ChainNode node = chain.node(rs.getString(3)).orElseThrow();
                    Set<GapAnalysis.Flag> flags = EnumSet.noneOf(GapAnalysis.Flag.class);
                    for (String f : (String[]) rs.getArray(5).getArray()) {
                        flags.add(GapAnalysis.Flag.valueOf(f));
                    }
                    out.add(new GapTargets(chain, node, new GapAnalysis.Assessment(node.id(), flags,
                            JSON.readValue(rs.getString(6), REASONS), rs.getDouble(4)),
                            targets.getOrDefault(rs.getInt(1), List.of()), List.of()));
                    return null;
                }).list();
        return out;
    }

    List<TargetRanking.PoolFirm> pool() {
        return jdbc.sql("select id, name, coalesce(industry_code, ''), business, listed, coalesce(region, '')"
                + " from target_firm order by id").query((rs, n) -> new TargetRanking.PoolFirm(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6))).list();
    }

    /** A vacant unit not held for a lead, with its park's cluster tags. */
    record Vacant(long floorSpaceId, long parkId, String parkName, String label, BigDecimal areaM2, String use,
            Set<String> parkTags) {}

    /** Vacant floor space today (no current occupancy, see VacantSpace) not reserved by an open lead. */
    List<Vacant> vacant() {
        return jdbc.sql("""
                select fs.id, p.id as park_id, p.name, fs.label, fs.area_m2, fs.use, p.cluster_tags
                from floor_space fs join park p on p.id = fs.park_id join building b on b.id = fs.building_id
                where %s
                  and not exists (select 1 from investment_lead l where l.floor_space_id = fs.id
                                  and l.status not in ('DROPPED'))
                """.formatted(org.parkscope.shared.VacantSpace.CONDITION)).param("asOf", java.time.LocalDate.now())
                .query((rs, n) -> new Vacant(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getString(6), Set.of((String[]) rs.getArray(7).getArray()))).list();
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
        return vacant.stream().map(v -> new Space(v.floorSpaceId(), v.parkId(), v.parkName(), v.label(), v.areaM2(),
                        v.use(), (int) v.parkTags().stream().filter(tags::contains).count()))
                .sorted(java.util.Comparator.comparingInt(Space::fit).reversed()
                        .thenComparing(sp -> !sp.use().equals(use))
                        .thenComparing(Space::areaM2, java.util.Comparator.reverseOrder())
                        .thenComparingLong(Space::floorSpaceId))
                .limit(limit).toList();
    }
}
