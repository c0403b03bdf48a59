package org.parkscope.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps × every role (and anonymous, and API tokens) × an own and a foreign resource.
 * The routes come from the application's own handler mappings: a new endpoint that this test does not know fails it
 * until someone says who may use it. A case leaks when a role reaches a route it may not, reaches a foreign resource,
 * or receives a page or JSON that names an enterprise or park outside its scope.
 */
@PlatformTest
public class AccessMatrixIT {

    public enum Who { ANONYMOUS, TOWN_ADMIN, TOWN_ANALYST, PARK_OPERATOR, ENTERPRISE_USER, AUDITOR }

    static final Set<Who> ALL = Set.of(Who.TOWN_ADMIN, Who.TOWN_ANALYST, Who.PARK_OPERATOR, Who.ENTERPRISE_USER, Who.AUDITOR);
    static final Set<Who> REGISTRY = Set.of(Who.TOWN_ADMIN, Who.TOWN_ANALYST, Who.PARK_OPERATOR);
    static final Set<Who> ENTERPRISES = Set.of(Who.TOWN_ADMIN, Who.TOWN_ANALYST, Who.PARK_OPERATOR, Who.ENTERPRISE_USER);
    static final Set<Who> ADMIN = Set.of(Who.TOWN_ADMIN);
    static final Set<Who> TOWN = Set.of(Who.TOWN_ADMIN, Who.TOWN_ANALYST);

    /**
     * Who may use each route ("METHOD pattern"). This is the policy; the application must match it. The page sweep
     * ({@code web.PageSweepIT}) visits each page as each role allowed here.
     */
    public static final Map<String, Set<Who>> POLICY = new LinkedHashMap<>();

    static {
        POLICY.put("GET /login", Set.of(Who.values()));
        POLICY.put("GET /", ALL);
        POLICY.put("GET /api/dashboard", REGISTRY);
        POLICY.put("GET /parks", REGISTRY);
        POLICY.put("GET /parks/{id}", REGISTRY);
        POLICY.put("GET /parks.xlsx", REGISTRY);
        POLICY.put("GET /enterprises.xlsx", ENTERPRISES);
        POLICY.put("GET /leads.xlsx", TOWN);
        POLICY.put("GET /land/interventions.xlsx", REGISTRY);
        POLICY.put("GET /api/parks", REGISTRY);
        POLICY.put("GET /api/parks/{id}", REGISTRY);
        POLICY.put("GET /parks/{id}/edit", ADMIN);
        POLICY.put("POST /parks/{id}/edit", ADMIN);
        POLICY.put("GET /enterprises", ENTERPRISES);
        POLICY.put("GET /enterprises/{id}", ENTERPRISES);
        POLICY.put("GET /api/enterprises", ENTERPRISES);
        POLICY.put("GET /api/enterprises/{id}", ENTERPRISES);
        POLICY.put("GET /enterprises/{id}/edit", ADMIN);
        POLICY.put("POST /enterprises/{id}/edit", ADMIN);
        POLICY.put("POST /enterprises/{id}/qualifications", ADMIN);
        POLICY.put("POST /enterprises/{id}/qualifications/{qid}/delete", ADMIN);
        POLICY.put("POST /enterprises/{id}/figures", ADMIN);
        POLICY.put("GET /audit", Set.of(Who.TOWN_ADMIN, Who.AUDITOR));
        POLICY.put("GET /audit/export.csv", Set.of(Who.TOWN_ADMIN, Who.AUDITOR));
        POLICY.put("GET /admin/users", ADMIN);
        POLICY.put("POST /admin/users", ADMIN);
        POLICY.put("POST /admin/users/{id}/enabled", ADMIN);
        POLICY.put("POST /admin/users/{id}/password", ADMIN);
        POLICY.put("GET /import", ADMIN);
        POLICY.put("POST /import", ADMIN);
        POLICY.put("GET /import/jobs/{id}", ADMIN);
        POLICY.put("GET /import/jobs/{id}/status", ADMIN);
        POLICY.put("GET /import/jobs/{id}/marked", ADMIN);
        POLICY.put("GET /import/templates/{kind}", ADMIN);
        POLICY.put("POST /import/batches/{id}/rollback", ADMIN);
        POLICY.put("GET /api/imports", ADMIN);
        POLICY.put("POST /api/imports", ADMIN);
        POLICY.put("POST /api/imports/{id}/rollback", ADMIN);
        POLICY.put("GET /evaluations", ENTERPRISES); // an enterprise user sees its own published results there
        POLICY.put("POST /evaluations", ADMIN);
        POLICY.put("GET /evaluations/{id}", REGISTRY);
        POLICY.put("GET /evaluations/{id}/status", REGISTRY);
        POLICY.put("GET /evaluations/{id}/diff", REGISTRY);
        POLICY.put("GET /evaluations/{id}/policies", REGISTRY);
        POLICY.put("GET /evaluations/{id}/export.xlsx", REGISTRY);
        POLICY.put("GET /evaluations/{id}/enterprises/{enterprise}", ENTERPRISES);
        POLICY.put("POST /evaluations/{id}/enterprises/{enterprise}/objections",
                Set.of(Who.TOWN_ADMIN, Who.PARK_OPERATOR, Who.ENTERPRISE_USER));
        POLICY.put("POST /evaluations/{id}/publicise", ADMIN);
        POLICY.put("POST /evaluations/{id}/score", ADMIN);
        POLICY.put("POST /evaluations/{id}/recalculate", ADMIN);
        POLICY.put("POST /evaluations/{id}/finalise", ADMIN);
        POLICY.put("POST /evaluations/{id}/objections/{objection}/decide", ADMIN);
        POLICY.put("POST /evaluations/{id}/objections/decisions", ADMIN);
        POLICY.put("POST /evaluations/{id}/checks/{finding}/acknowledge", ADMIN);
        POLICY.put("GET /map", REGISTRY);
        POLICY.put("GET /api/map", REGISTRY);
        POLICY.put("GET /map/parcels/{id}", REGISTRY);
        POLICY.put("GET /parcels/{id}", REGISTRY);
        POLICY.put("GET /api/parcels/{id}", REGISTRY);
        POLICY.put("POST /parcels/{id}/contracts", ADMIN);
        POLICY.put("GET /land/low-efficiency", REGISTRY);
        POLICY.put("GET /land/low-efficiency.xlsx", REGISTRY);
        POLICY.put("GET /api/land/low-efficiency", REGISTRY);
        POLICY.put("GET /land/interventions", REGISTRY);
        POLICY.put("POST /land/interventions", ADMIN);
        POLICY.put("GET /land/interventions/{id}", REGISTRY);
        POLICY.put("POST /land/low-efficiency/{id}/ledger", ADMIN);
        POLICY.put("POST /land/interventions/{id}/attachments", ADMIN);
        POLICY.put("POST /parcels/{id}/contracts/{contract}/attachments", ADMIN);
        POLICY.put("GET /attachments/{id}", ENTERPRISES);
        POLICY.put("GET /space", REGISTRY);
        POLICY.put("GET /space.xlsx", REGISTRY);
        POLICY.put("GET /api/space", REGISTRY);
        POLICY.put("GET /chains", REGISTRY);
        POLICY.put("GET /chains/{id}", REGISTRY);
        POLICY.put("GET /chains/{id}/nodes/{node}", REGISTRY);
        POLICY.put("GET /chains/{id}/export.xlsx", REGISTRY);
        POLICY.put("GET /chains/review", REGISTRY);
        POLICY.put("GET /chains/{id}/definition", TOWN);
        POLICY.put("GET /chains/clusters/definition", TOWN);
        POLICY.put("POST /chains/clusters/definition", ADMIN);
        POLICY.put("GET /chains/{id}/definition.yaml", TOWN);
        POLICY.put("POST /chains/{id}/definition", ADMIN);
        POLICY.put("POST /chains/{id}/nodes/{node}/decisions", ADMIN);
        POLICY.put("POST /chains/{id}/nodes/{node}/decisions/{enterprise}/withdraw", ADMIN);
        POLICY.put("POST /chains/{id}/designations", ADMIN);
        POLICY.put("POST /chains/review/decisions", ADMIN);
        POLICY.put("POST /chains/recompute", ADMIN);
        POLICY.put("GET /chains/targets", TOWN);
        POLICY.put("GET /chains/targets/export.xlsx", TOWN);
        POLICY.put("POST /chains/targets/pool", ADMIN);
        POLICY.put("GET /leads", TOWN);
        POLICY.put("POST /leads", ADMIN);
        POLICY.put("POST /leads/{id}/status", ADMIN);
        POLICY.put("GET /leads/{id}", TOWN);
        POLICY.put("POST /leads/{id}/assignment", ADMIN);
        POLICY.put("POST /leads/{id}/follow-ups", ADMIN);
        POLICY.put("GET /account", ALL);
        POLICY.put("POST /account/password", ALL);
        POLICY.put("POST /account/tokens", ALL);
        POLICY.put("POST /account/tokens/{id}/revoke", ALL);
    }

    @Autowired RequestMappingHandlerMapping mappings;
    @Autowired Environment env;
    @Autowired JdbcClient jdbc;
    @Autowired AccountStore accounts;

    long slsParcel, xcParcel, slsIntervention, xcIntervention;
    long slsPark, xcPark, slsEnterprise, quectel, slsQualification, quectelQualification;
    final Map<Who, Long> userIds = new EnumMap<>(Who.class);
    final Map<Who, Long> tokenIds = new EnumMap<>(Who.class);
    final Map<Who, String> tokens = new EnumMap<>(Who.class);

    List<String> routes() {
        return org.parkscope.web.Routes.of(mappings);
    }

    @Test
    void everyRouteIsClassified() {
        List<String> unknown = routes().stream().filter(r -> !POLICY.containsKey(r)).toList();
        assertThat(unknown).as("routes nobody has decided access for: add them to POLICY").isEmpty();
    }

    @Test
    void noRouteLeaks() {
        setUp();
        int port = Integer.parseInt(env.getProperty("local.server.port"));
        Map<Who, Browser> browsers = new EnumMap<>(Who.class);
        browsers.put(Who.ANONYMOUS, new Browser(port));
        for (Who w : ALL) {
            browsers.put(w, Browser.signedIn(port, username(w), "Parkscope2024"));
        }
        List<String> leaks = new ArrayList<>();
        int cases = 0;
        for (String route : routes()) {
            Set<Who> allowed = POLICY.get(route);
            if (allowed == null) {
                continue; // reported by everyRouteIsClassified
            }
            String method = route.substring(0, route.indexOf(' '));
            String pattern = route.substring(route.indexOf(' ') + 1);
            for (Who who : Who.values()) {
                for (boolean own : new boolean[] {true, false}) {
                    if (!pattern.contains("{") && !own) {
                        continue; // no resource in the path: one case per role
                    }
                    if (method.equals("POST") && who == Who.TOWN_ADMIN) {
                        continue; // admin writes change data; AuditIT exercises each of them
                    }
                    String path = resolve(pattern, who, own);
                    List<Browser> clients = new ArrayList<>(List.of(browsers.get(who)));
                    if (pattern.startsWith("/api/") && who != Who.ANONYMOUS) {
                        clients.add(Browser.withToken(port, tokens.get(who)));
                    }
                    for (Browser client : clients) {
                        cases++;
                        HttpResponse<String> r = method.equals("GET") ? client.get(path) : client.post(path, Map.of());
                        String problem = judge(route, path, who, own, allowed.contains(who), r);
                        if (problem != null) {
                            leaks.add(problem);
                        }
                    }
                }
            }
        }
        // The administrator's token survived every other account's attempt to revoke it.
        long foreignRevoked = jdbc.sql("select count(*) from api_token where name = 'matrix-foreign' and revoked")
                .query(Long.class).single();
        if (foreignRevoked > 0) {
            leaks.add("a foreign API token was revoked by another account");
        }
        System.out.printf("Access matrix: %d routes, %d cases, %d leaks%n", POLICY.size(), cases, leaks.size());
        assertThat(cases).as("at least one case per route and principal").isGreaterThan(POLICY.size() * Who.values().length);
        assertThat(leaks).isEmpty();
    }

    private String judge(String route, String path, Who who, boolean own, boolean allowed, HttpResponse<String> r) {
        int s = r.statusCode();
        String where = route + " as " + who + (own ? " (own) " : " (foreign) ") + path + " -> " + s;
        if (s >= 500) {
            return where + ": server error";
        }
        if (who == Who.ANONYMOUS && !allowed) {
            boolean toLogin = s == 302 && r.headers().firstValue("Location").orElse("").contains("/login");
            return toLogin || s == 401 || s == 403 ? null : where + ": anonymous not sent to sign in";
        }
        if (!allowed) {
            return s == 403 ? null : where + ": expected 403";
        }
        boolean scoped = who == Who.PARK_OPERATOR || who == Who.ENTERPRISE_USER;
        if (scoped && !own && path.matches(".*/(parks|enterprises|parcels)/\\d+.*") && !path.endsWith("/objections")) {
            if (s == 404 || s == 403) {
                return null;
            }
            return where + ": reached a foreign resource";
        }
        if (s == 200 && (scoped || who == Who.AUDITOR) && !route.contains("/audit")) {
            for (String marker : markers(who)) {
                if (r.body().contains(marker)) {
                    return where + ": shows foreign data «" + marker + "»";
                }
            }
        }
        return null;
    }

    private final Map<Who, Set<String>> markerCache = new EnumMap<>(Who.class);

    /** Names and credit codes of enterprises, and names of parks, that the role must never see. */
    private Set<String> markers(Who who) {
        return markerCache.computeIfAbsent(who, w -> {
            Set<String> m = new LinkedHashSet<>();
            String enterpriseCondition = switch (w) {
                case PARK_OPERATOR -> "e.park_id <> " + slsPark;
                case ENTERPRISE_USER -> "e.id <> " + quectel;
                default -> "true";
            };
            jdbc.sql("select e.name, e.uscc from enterprise e left join indicator_value v on v.enterprise_id = e.id"
                    + " and v.metric = 'TAX' and v.period = '2023' where " + enterpriseCondition
                    + " order by v.value desc nulls last limit 40").query((rs, n) -> {
                        m.add(rs.getString(1));
                        m.add(rs.getString(2));
                        return null;
                    }).list();
            String parkCondition = switch (w) {
                case PARK_OPERATOR -> "id <> " + slsPark;
                case ENTERPRISE_USER -> "id <> " + xcPark;
                default -> "true";
            };
            m.addAll(jdbc.sql("select name from park where " + parkCondition).query(String.class).list());
            return m;
        });
    }

    private String resolve(String pattern, Who who, boolean own) {
        long enterprise = enterpriseFor(who, own);
        String path = pattern;
        if (pattern.startsWith("/parks/{id}") || pattern.startsWith("/api/parks/{id}")) {
            path = path.replace("{id}", String.valueOf(who == Who.PARK_OPERATOR && !own ? xcPark : slsPark));
        } else if (pattern.startsWith("/parcels/{id}") || pattern.startsWith("/api/parcels/{id}")
                || pattern.startsWith("/map/parcels/{id}")) {
            path = path.replace("{id}", String.valueOf(who == Who.PARK_OPERATOR && !own ? xcParcel : slsParcel))
                    .replace("{contract}", "999999");
        } else if (pattern.startsWith("/attachments/{id}")) {
            path = path.replace("{id}", "999999");
        } else if (pattern.startsWith("/enterprises/{id}") || pattern.startsWith("/api/enterprises/{id}")) {
            path = path.replace("{id}", String.valueOf(enterprise));
            path = path.replace("{qid}", String.valueOf(enterprise == quectel ? quectelQualification : slsQualification));
        } else if (pattern.startsWith("/account/tokens/{id}")) {
            path = path.replace("{id}", String.valueOf(own ? tokenIds.getOrDefault(who, 0L) : foreignToken()));
        } else if (pattern.startsWith("/evaluations/{id}")) {
            path = path.replace("{id}", String.valueOf(evaluationRun)).replace("{enterprise}", String.valueOf(enterprise))
                    .replace("{objection}", "999999").replace("{finding}", "999999");
        } else if (pattern.startsWith("/import/jobs/{id}")) {
            path = path.replace("{id}", "00000000-0000-0000-0000-000000000000");
        } else if (pattern.startsWith("/import/templates/{kind}")) {
            path = path.replace("{kind}", "indicators");
        } else if (pattern.startsWith("/import/batches/{id}") || pattern.startsWith("/api/imports/{id}")) {
            path = path.replace("{id}", "999999");
        } else if (pattern.startsWith("/chains/{id}")) {
            path = path.replace("{id}", "SC").replace("{node}", "SC-M1").replace("{enterprise}", String.valueOf(enterprise));
        } else if (pattern.startsWith("/land/low-efficiency/{id}")) {
            path = path.replace("{id}", String.valueOf(who == Who.PARK_OPERATOR && !own ? xcParcel : slsParcel));
        } else if (pattern.startsWith("/land/interventions/{id}")) {
            path = path.replace("{id}", String.valueOf(own ? slsIntervention : xcIntervention));
        } else if (pattern.startsWith("/leads/{id}")) {
            path = path.replace("{id}", "999999");
        } else if (pattern.startsWith("/admin/users/{id}")) {
            path = path.replace("{id}", String.valueOf(own ? userIds.getOrDefault(who, 1L) : userIds.get(Who.AUDITOR)));
        }
        if (path.contains("{")) {
            throw new AssertionError("The access matrix cannot fill in the path variables of " + pattern
                    + ": teach resolve() which resource they name");
        }
        return path;
    }

    private long enterpriseFor(Who who, boolean own) {
        if (who == Who.ENTERPRISE_USER) {
            return own ? quectel : slsEnterprise;
        }
        if (who == Who.PARK_OPERATOR) {
            return own ? slsEnterprise : quectel;
        }
        return own ? quectel : slsEnterprise;
    }

    private long foreignTokenId;
    private long evaluationRun;
    @Autowired org.parkscope.evaluation.EvaluationService evaluations;

    private long foreignToken() {
        return foreignTokenId;
    }

    /** The demo account of each role. */
    public static String username(Who w) {
        return switch (w) {
            case TOWN_ADMIN -> "admin";
            case TOWN_ANALYST -> "analyst";
            case PARK_OPERATOR -> "park";
            case ENTERPRISE_USER -> "enterprise";
            case AUDITOR -> "auditor";
            default -> throw new IllegalArgumentException();
        };
    }

    /** A ledger item on a parcel of the park (one is made when the demo town has none there). */
    private long intervention(long park) {
        return jdbc.sql("select ip.intervention_id from land_intervention_parcel ip join parcel p on p.id = ip.parcel_id"
                + " where p.park_id = ? order by 1 limit 1").param(park).query(Long.class).optional().orElseGet(() -> {
                    long id = jdbc.sql("insert into land_intervention(kind, title, started_on, baseline_year, created_by)"
                            + " values ('RENOVATION', 'matrix', current_date, 2023, 'matrix') returning id")
                            .query(Long.class).single();
                    jdbc.sql("insert into land_intervention_parcel(intervention_id, parcel_id) select ?, min(id) from parcel"
                            + " where park_id = ?").params(id, park).update();
                    return id;
                });
    }

    void setUp() {
        slsPark = jdbc.sql("select id from park where code = 'SLS'").query(Long.class).single();
        xcPark = jdbc.sql("select id from park where code = 'G60XC'").query(Long.class).single();
        slsParcel = jdbc.sql("select min(id) from parcel where park_id = ?").param(slsPark).query(Long.class).single();
        xcParcel = jdbc.sql("select min(id) from parcel where park_id = ?").param(xcPark).query(Long.class).single();
        quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        slsIntervention = intervention(slsPark);
        xcIntervention = intervention(xcPark);
        slsEnterprise = jdbc.sql("select min(id) from enterprise where park_id = ?").param(slsPark).query(Long.class).single();
        quectelQualification = jdbc.sql("select min(id) from qualification where enterprise_id = ?").param(quectel)
                .query(Long.class).single();
        // Only administrators may delete qualifications; a non-existent one stands in for the operator's own.
        slsQualification = jdbc.sql("select coalesce(max(id), 0) + 1000000 from qualification").query(Long.class).single();
        for (Who w : ALL) {
            long id = accounts.find(username(w)).orElseThrow().id();
            userIds.put(w, id);
            tokens.put(w, accounts.issueToken(id, "matrix"));
            // a second token for the revoke route, so that revoking it leaves the API token working
            accounts.issueToken(id, "matrix-revocable");
            tokenIds.put(w, accounts.tokens(id).stream().filter(t -> t.name().equals("matrix-revocable"))
                    .reduce((a, b) -> b).orElseThrow().id());
        }
        accounts.issueToken(userIds.get(Who.TOWN_ADMIN), "matrix-foreign");
        evaluationRun = evaluations.create("huangyan-2022", "matrix");
        foreignTokenId = accounts.tokens(userIds.get(Who.TOWN_ADMIN)).stream()
                .filter(t -> t.name().equals("matrix-foreign")).reduce((a, b) -> b).orElseThrow().id();
    }
}
