package org.parkscope.bench.load;

import java.util.List;
import java.util.Set;

/**
 * The pages and APIs each demo role is driven over: the main GET routes of the controllers, each with the roles that
 * {@code SecurityConfig} lets reach it (downloads — xlsx, csv, yaml — and edit forms are left out). A template's
 * variables are filled by {@link Discovery} from the links the role itself is shown: {@code {park}}, {@code {parcel}},
 * {@code {enterprise}}, {@code {run}}, {@code {evaluated}} (a run and an enterprise), {@code {chain}}, {@code {node}}
 * (a chain and one of its nodes).
 */
final class Routes {

    static final List<String> ROLES = List.of("admin", "analyst", "park", "enterprise", "auditor");

    private static final Set<String> ALL = Set.copyOf(ROLES);
    private static final Set<String> REGISTRY = Set.of("admin", "analyst", "park");
    private static final Set<String> ENTERPRISES = Set.of("admin", "analyst", "park", "enterprise");
    private static final Set<String> TOWN = Set.of("admin", "analyst");

    record Route(String label, String template, Set<String> roles) {
        boolean plain() {
            return !template.contains("{");
        }
    }

    static final List<Route> ALL_ROUTES = List.of(
            new Route("/", "/", ALL),
            new Route("/account", "/account", ALL),
            new Route("/api/dashboard", "/api/dashboard", REGISTRY),
            new Route("/parks", "/parks", REGISTRY),
            new Route("/parks/{id}", "/parks/{park}", REGISTRY),
            new Route("/api/parks", "/api/parks", REGISTRY),
            new Route("/api/parks/{id}", "/api/parks/{park}", REGISTRY),
            new Route("/enterprises", "/enterprises", ENTERPRISES),
            new Route("/enterprises/{id}", "/enterprises/{enterprise}", ENTERPRISES),
            new Route("/api/enterprises", "/api/enterprises", ENTERPRISES),
            new Route("/api/enterprises/{id}", "/api/enterprises/{enterprise}", ENTERPRISES),
            new Route("/map", "/map", REGISTRY),
            new Route("/api/map", "/api/map", REGISTRY),
            new Route("/parcels/{id}", "/parcels/{parcel}", REGISTRY),
            new Route("/api/parcels/{id}", "/api/parcels/{parcel}", REGISTRY),
            new Route("/land/low-efficiency", "/land/low-efficiency", REGISTRY),
            new Route("/api/land/low-efficiency", "/api/land/low-efficiency", REGISTRY),
            new Route("/land/interventions", "/land/interventions", REGISTRY),
            new Route("/space", "/space", REGISTRY),
            new Route("/api/space", "/api/space", REGISTRY),
            new Route("/evaluations", "/evaluations", REGISTRY),
            new Route("/evaluations/{id}", "/evaluations/{run}", REGISTRY),
            new Route("/evaluations/{id}/enterprises/{e}", "/evaluations/{evaluated}", ENTERPRISES),
            new Route("/chains", "/chains", REGISTRY),
            new Route("/chains/{id}", "/chains/{chain}", REGISTRY),
            new Route("/chains/{id}/nodes/{node}", "/chains/{node}", REGISTRY),
            new Route("/chains/review", "/chains/review", REGISTRY),
            new Route("/chains/targets", "/chains/targets", TOWN),
            new Route("/leads", "/leads", TOWN),
            new Route("/audit", "/audit", Set.of("admin", "auditor")),
            new Route("/admin/users", "/admin/users", Set.of("admin")));

    private Routes() {}

    static List<Route> of(String role) {
        return ALL_ROUTES.stream().filter(r -> r.roles().contains(role)).toList();
    }
}
