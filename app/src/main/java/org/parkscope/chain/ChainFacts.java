package org.parkscope.chain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.shared.Scope;
import org.parkscope.shared.ScopeParams;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored chain facts (V021) added up over a scope: a scope of parks sums its parks' rows (a firm is in one park);
 * an enterprise's own scope is computed from the same functions the stored rows come from, for that firm only.
 * Qualifications in force are counted when read: they depend on the town's as-of date.
 */
@Repository
class ChainFacts {

    /** A node's counts and its figures in the year; {@code onlyFirmRatio} is this year's revenue over last year's. */
    record NodeFigures(long firms, long aboveScale, long smallOrMicro, long candidates, BigDecimal revenue,
            BigDecimal output, BigDecimal tax, long staff, @Nullable BigDecimal onlyFirmRatio) {}

    /** A chain's distinct capacity firms and their figures in the year. */
    record ChainFigures(long firms, BigDecimal revenue, BigDecimal output, BigDecimal tax, long staff) {}

    private final JdbcClient jdbc;

    ChainFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows of a per-park fact table in the scope ({@code args}: the function's arguments before the firm list). */
    static String scoped(String table, String args) {
        String own = "array[cast(:scopeEnterprise as bigint)]";
        return "(select * from " + table + " s where " + Scope.parkCondition("s.park_id")
                + " union all select * from " + table + "_of(park_keys_of(" + own + "), " + args + own + ")"
                + " where cast(:scopeEnterprise as bigint) is not null)";
    }

    /** Every node of a chain (null: of every chain) with its counts and figures in {@code year} (zero where none). */
    Map<String, NodeFigures> nodes(Scope scope, @Nullable String chainId, int year) {
        Map<String, NodeFigures> out = new LinkedHashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select n.id, coalesce(c.firms, 0) as firms, coalesce(c.above, 0) as above, coalesce(c.small, 0) as small,
                       coalesce(c.candidates, 0) as candidates, coalesce(y.revenue, 0) as revenue,
                       coalesce(y.output, 0) as output, coalesce(y.tax, 0) as tax, coalesce(y.staff, 0) as staff,
                       case when coalesce(p.revenue, 0) = 0 then null else round(y.revenue / p.revenue, 4) end as ratio
                from chain_node n
                cross join lateral (select sum(s.firms) as firms, sum(s.above_scale) as above,
                                           sum(s.small_or_micro) as small, sum(s.candidates) as candidates
                                    from %1$s s where s.node_id = n.id) c
                cross join lateral (select sum(s.revenue) as revenue, sum(s.output) as output, sum(s.tax) as tax,
                                           sum(s.staff) as staff
                                    from %2$s s where s.part = n.id and s.year = :year) y
                cross join lateral (select sum(s.revenue) as revenue from %2$s s where s.part = n.id and s.year = :year - 1) p
                where cast(:chain as text) is null or n.chain_id = :chain
                """.formatted(scoped("chain_node_park", ""), scoped("chain_park_year", "cast(:years as int[]), "))),
                scope).param("chain", chainId).param("year", year).param("years", new Integer[] {year - 1, year})
                .query((rs, i) -> out.put(rs.getString("id"), new NodeFigures(rs.getLong("firms"), rs.getLong("above"),
                        rs.getLong("small"), rs.getLong("candidates"), rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("output"), rs.getBigDecimal("tax"), rs.getBigDecimal("staff").longValue(),
                        rs.getBigDecimal("ratio")))).list();
        return out;
    }

    /** Revenue of each node of a chain in each of {@code years} (nodes and years without figures left out). */
    Map<String, Map<Integer, BigDecimal>> revenueByYear(Scope scope, String chainId, List<Integer> years) {
        Map<String, Map<Integer, BigDecimal>> out = new HashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select n.id, y.year, y.revenue from chain_node n
                cross join lateral (select s.year, coalesce(sum(s.revenue), 0) as revenue from %s s
                                    where s.part = n.id and s.year = any(cast(:years as int[])) group by s.year) y
                where n.chain_id = :chain
                """.formatted(scoped("chain_park_year", "cast(:years as int[]), "))), scope)
                .param("chain", chainId).param("years", years.toArray(new Integer[0]))
                .query((rs, i) -> out.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                        .put(rs.getInt(2), rs.getBigDecimal(3))).list();
        return out;
    }

    /** Certificates in force on {@code asOf} of each node's current capacity firms in the scope. */
    Map<String, Long> qualifications(Scope scope, String chainId, LocalDate asOf) {
        Map<String, Long> out = new HashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select f.node_id, count(*)
                from chain_firm f join enterprise e on e.id = f.enterprise_id
                join qualification q on q.enterprise_id = e.id and in_force(q.issued_on, q.expires_on, :asOf)
                where f.chain_id = :chain and f.capacity and is_current_firm(e.status) and %s
                group by f.node_id
                """.formatted(Scope.condition("e.park_id", "e.id"))), scope).param("chain", chainId)
                .param("asOf", asOf).query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }

    /** Each chain's distinct capacity firms in the scope and their figures in {@code year}, by chain id. */
    Map<String, ChainFigures> chains(Scope scope, int year) {
        Map<String, ChainFigures> out = new HashMap<>();
        ScopeParams.bind(jdbc.sql("""
                select c.id, (select coalesce(sum(s.firms), 0) from %1$s s where s.chain_id = c.id) as firms,
                       coalesce(y.revenue, 0) as revenue, coalesce(y.output, 0) as output, coalesce(y.tax, 0) as tax,
                       coalesce(y.staff, 0) as staff
                from industry_chain c
                cross join lateral (select sum(s.revenue) as revenue, sum(s.output) as output, sum(s.tax) as tax,
                                           sum(s.staff) as staff
                                    from %2$s s where s.part = c.id and s.year = :year) y
                """.formatted(scoped("chain_park", ""), scoped("chain_park_year", "cast(:years as int[]), "))), scope)
                .param("year", year).param("years", new Integer[] {year})
                .query((rs, i) -> out.put(rs.getString("id"), new ChainFigures(rs.getLong("firms"),
                        rs.getBigDecimal("revenue"), rs.getBigDecimal("output"), rs.getBigDecimal("tax"),
                        rs.getBigDecimal("staff").longValue()))).list();
        return out;
    }

    /** Current firms in the scope whose link waits for review, on one chain or all. */
    long candidates(Scope scope, @Nullable String chainId) {
        return ScopeParams.bind(jdbc.sql("""
                select coalesce(sum(s.candidates), 0) from %s s join chain_node n on n.id = s.node_id
                where cast(:chain as text) is null or n.chain_id = :chain
                """.formatted(scoped("chain_node_park", ""))), scope).param("chain", chainId).query(Long.class).single();
    }
}
