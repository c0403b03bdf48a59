package org.parkscope.chain;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The "1+4+X" cluster system as configuration ({@code chains/clusters.yaml}): which chains and SEI categories make up
 * each cluster. Membership is derived: the town's registered list, plus every firm with an auto or confirmed link to
 * one of the cluster's chains, plus every firm with an SEI code under one of its categories.
 */
@Service
public class ClusterConfig {

    /**
     * A {@code with} clause naming {@code cluster_members(cluster_id, enterprise_id)}: the derived membership, for any
     * query that adds up clusters. Scope conditions go on the enterprise in the outer query.
     */
    public static final String MEMBERS_CTE = """
            with capacity as (
                select distinct l.enterprise_id, n.chain_id from chain_link_effective l
                join chain_node n on n.id = l.node_id
                where l.status in ('AUTO', 'CONFIRMED')
            ), cluster_members as (
                select m.cluster_id, m.enterprise_id from cluster_member m
                union
                select r.cluster_id, k.enterprise_id from cluster_rule r join capacity k on k.chain_id = r.chain_id
                union
                select r.cluster_id, e.id from cluster_rule r join enterprise e
                    on r.sei_prefix is not null
                   and exists (select 1 from unnest(e.sei_codes) s where s = r.sei_prefix or s like r.sei_prefix || '.%')
            )
            """;

    /**
     * The condition that enterprise {@code e} counts as strategic-emerging (SEI): an SEI code of its own, or an auto
     * or confirmed link to a chain node that carries SEI categories.
     */
    public static final String SEI_FIRM = """
            (cardinality(e.sei_codes) > 0 or exists (
                select 1 from chain_link_effective l join chain_node n on n.id = l.node_id
                where l.enterprise_id = e.id and l.status in ('AUTO', 'CONFIRMED') and cardinality(n.sei_codes) > 0))
            """;

    public record ClusterDef(String code, String name, String tier, @Nullable String parent, List<String> chains,
            List<String> sei) {}

    public record Rule(String clusterCode, String clusterName, String tier, List<String> chains, List<String> sei) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public ClusterConfig(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @SuppressWarnings("unchecked")
    static List<ClusterDef> shipped() {
        try (InputStream in = ClusterConfig.class.getResourceAsStream("/chains/clusters.yaml")) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<ClusterDef> out = new ArrayList<>();
            for (Object o : (List<Object>) doc.get("clusters")) {
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new ClusterDef(String.valueOf(m.get("code")), String.valueOf(m.get("name")),
                        String.valueOf(m.get("tier")), m.get("parent") == null ? null : String.valueOf(m.get("parent")),
                        ((List<Object>) m.getOrDefault("chains", List.of())).stream().map(String::valueOf).toList(),
                        ((List<Object>) m.getOrDefault("sei", List.of())).stream().map(String::valueOf).toList()));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the configured clusters the town does not have yet and, the first time only, their composition; a
     * composition changed later on the platform is left alone.
     */
    @Transactional
    public void loadShipped() {
        boolean seeded = jdbc.sql("select count(*) from cluster_rule").query(Long.class).single() > 0;
        for (ClusterDef c : shipped()) {
            Long id = jdbc.sql("select id from cluster where code = ?").param(c.code()).query(Long.class).optional()
                    .orElse(null);
            if (id == null) {
                Long parent = c.parent() == null ? null : jdbc.sql("select id from cluster where code = ?")
                        .param(c.parent()).query(Long.class).optional().orElse(null);
                id = jdbc.sql("insert into cluster(code, name, tier, parent_id) values (?, ?, ?, ?) returning id")
                        .params(c.code(), c.name(), c.tier(), parent).query(Long.class).single();
                audit.recordAs("system", "CREATE", "cluster", c.code(), null, null, null, Map.of("name", c.name()));
            }
            if (!seeded) {
                for (String chain : c.chains()) {
                    jdbc.sql("insert into cluster_rule(cluster_id, chain_id) values (?, ?)").params(id, chain).update();
                }
                for (String s : c.sei()) {
                    jdbc.sql("insert into cluster_rule(cluster_id, sei_prefix) values (?, ?)").params(id, s).update();
                }
            }
        }
    }

    public List<Rule> rules() {
        return jdbc.sql("""
                select c.code, c.name, c.tier,
                       coalesce(array_agg(r.chain_id order by r.chain_id) filter (where r.chain_id is not null), '{}') as chains,
                       coalesce(array_agg(r.sei_prefix order by r.sei_prefix) filter (where r.sei_prefix is not null), '{}') as sei
                from cluster c left join cluster_rule r on r.cluster_id = c.id
                group by c.id, c.code, c.name, c.tier order by c.id
                """).query((rs, n) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray()))).list();
    }
}
