package org.parkscope.chain;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.parkscope.audit.AuditLog;
import org.parkscope.shared.UserMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The "1+4+X" cluster system as configuration ({@code chains/clusters.yaml}): which chains and SEI categories make up
 * each cluster. Membership is derived: the town's registered list, plus every firm that is capacity on one of the
 * cluster's chains (not a user, not on a demand node, a seller only on a sales node), plus every firm with an SEI code
 * under one of its categories; current firms only (active or suspended). The rule is V017's
 * {@code cluster_membership_of}; the membership and what adds it up are stored, and refreshed here when the
 * composition changes ({@link ChainRecomputation#refreshFacts}).
 */
@Service
public class ClusterConfig {

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
        if (!seeded) {
            ChainRecomputation.refreshFacts(jdbc, null);
        }
    }

    /**
     * The current composition as YAML, in the layout of {@code chains/clusters.yaml}: what the edit page shows. Dumped
     * by SnakeYAML, so every scalar is quoted where YAML needs it (a name with a colon, a hash or quotes reads back as
     * the same text).
     */
    public String yaml() {
        Map<String, Rule> rules = new java.util.LinkedHashMap<>();
        rules().forEach(r -> rules.put(r.clusterCode(), r));
        List<Object> clusters = new ArrayList<>();
        jdbc.sql("select c.code, c.name, c.tier, p.code as parent from cluster c left join cluster p on p.id = c.parent_id"
                + " order by c.id").query((rs, n) -> {
                    Rule r = rules.get(rs.getString(1));
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("code", rs.getString(1));
                    m.put("name", rs.getString(2));
                    m.put("tier", rs.getString(3));
                    if (rs.getString(4) != null) {
                        m.put("parent", rs.getString(4));
                    }
                    m.put("chains", new ArrayList<>(r.chains()));
                    m.put("sei", new ArrayList<>(r.sei()));
                    clusters.add(m);
                    return null;
                }).list();
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.AUTO);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setAllowUnicode(true);
        options.setSplitLines(false);
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("clusters", clusters);
        return "# \"1+4+X\" clusters: chains and SEI 2018 categories per cluster\n" + new Yaml(options).dump(root);
    }

    /**
     * The clusters a YAML text defines, checked without the database (tiers, chains among {@code chainIds}, SEI codes,
     * parents, cycles): problems are added to {@code problems}; a text that is not a cluster list at all is refused.
     */
    static List<ClusterDef> definitions(String yaml, java.util.Set<String> chainIds, List<UserMessage> problems) {
        Object root;
        try {
            root = org.parkscope.shared.SafeYaml.load(yaml);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw clustersInvalid(List.of(UserMessage.of("chains.file.yaml", e.getMessage())));
        }
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("clusters") instanceof List<?> list)) {
            throw clustersInvalid(List.of(ChainFile.at("clusters", "clusters.file.list")));
        }
        var sei = org.parkscope.core.code.SeiCategories.load();
        List<ClusterDef> defs = new ArrayList<>();
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "clusters[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m) || m.get("code") == null || m.get("name") == null) {
                problems.add(ChainFile.at(at, "clusters.file.codeAndName"));
                continue;
            }
            String code = String.valueOf(m.get("code"));
            String tier = String.valueOf(m.get("tier"));
            if (!codes.add(code)) {
                problems.add(ChainFile.at(at, "clusters.file.duplicate", code));
            }
            if (!List.of("1", "4", "X", "SUB").contains(tier)) {
                problems.add(ChainFile.at(at + ".tier", "clusters.file.tier", tier));
            }
            List<String> chains = m.get("chains") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            List<String> cats = m.get("sei") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            for (String c : chains) {
                if (!chainIds.contains(c)) {
                    problems.add(ChainFile.at(at + ".chains", "clusters.file.noSuchChain", c));
                }
            }
            for (String c : cats) {
                if (sei.find(c).isEmpty()) {
                    problems.add(ChainFile.at(at + ".sei", "chains.file.notSei", c));
                }
            }
            defs.add(new ClusterDef(code, String.valueOf(m.get("name")), tier,
                    m.get("parent") == null ? null : String.valueOf(m.get("parent")), chains, cats));
        }
        Map<String, String> parents = new java.util.HashMap<>();
        for (ClusterDef d : defs) {
            if (d.parent() != null && !codes.contains(d.parent())) {
                problems.add(ChainFile.at(d.code() + ".parent", "clusters.file.noParent", d.parent()));
            }
            if (d.parent() != null) {
                parents.put(d.code(), d.parent());
            }
        }
        problems.addAll(cycles(parents));
        return defs;
    }

    /**
     * Replaces the clusters' composition from YAML: every problem is reported in the reader's language and nothing is
     * stored; clusters new in the file are created; a registered cluster cannot be dropped here.
     */
    @Transactional
    public void save(String yaml, java.util.Set<String> chainIds) {
        List<UserMessage> problems = new ArrayList<>();
        List<ClusterDef> defs = definitions(yaml, chainIds, problems);
        java.util.Set<String> codes = new java.util.HashSet<>();
        defs.forEach(d -> codes.add(d.code()));
        for (String existing : jdbc.sql("select code from cluster order by id").query(String.class).list()) {
            if (!codes.contains(existing)) {
                problems.add(ChainFile.at(existing, "clusters.file.cannotRemove"));
            }
        }
        if (!problems.isEmpty()) {
            throw clustersInvalid(problems);
        }
        String before = yaml();
        for (ClusterDef d : defs) {
            Long id = jdbc.sql("select id from cluster where code = ?").param(d.code()).query(Long.class).optional().orElse(null);
            if (id == null) {
                id = jdbc.sql("insert into cluster(code, name, tier) values (?, ?, ?) returning id")
                        .params(d.code(), d.name(), d.tier()).query(Long.class).single();
            } else {
                jdbc.sql("update cluster set name = ?, tier = ? where id = ?").params(d.name(), d.tier(), id).update();
            }
            jdbc.sql("delete from cluster_rule where cluster_id = ?").param(id).update();
            for (String chain : d.chains()) {
                jdbc.sql("insert into cluster_rule(cluster_id, chain_id) values (?, ?)").params(id, chain).update();
            }
            for (String s : d.sei()) {
                jdbc.sql("insert into cluster_rule(cluster_id, sei_prefix) values (?, ?)").params(id, s).update();
            }
        }
        for (ClusterDef d : defs) {
            jdbc.sql("update cluster set parent_id = (select id from cluster where code = ?) where code = ?")
                    .params(d.parent(), d.code()).update();
        }
        ChainRecomputation.refreshFacts(jdbc, null);
        audit.record("UPDATE", "cluster_config", "clusters", null, null, Map.of("yaml", before), Map.of("yaml", yaml()));
    }

    private static ChainFile.Invalid clustersInvalid(List<UserMessage> problems) {
        return new ChainFile.Invalid("clusters.file.invalid", "clusters", problems);
    }

    /** Parent chains that come back to where they started (A → B → A, or A → A), each reported once. */
    static List<UserMessage> cycles(Map<String, String> parents) {
        List<UserMessage> problems = new ArrayList<>();
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (String start : new java.util.TreeSet<>(parents.keySet())) {
            List<String> path = new ArrayList<>(List.of(start));
            String at = parents.get(start);
            while (at != null && !path.contains(at)) {
                path.add(at);
                at = parents.get(at);
            }
            if (at != null && at.equals(start) && reported.add(String.join(",", new java.util.TreeSet<>(path)))) {
                path.add(start);
                problems.add(ChainFile.at(start + ".parent", "clusters.file.cycle", String.join(" → ", path)));
            }
        }
        return problems;
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
