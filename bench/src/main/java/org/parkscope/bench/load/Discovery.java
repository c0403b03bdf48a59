package org.parkscope.bench.load;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, for one signed-in role, the concrete paths of its routes: it reads the role's plain pages, collects the ids
 * they link to (so a park operator only finds its own park's parcels), opens one page of each kind to find more, then
 * fills each template with up to {@link #PER_ROUTE} ids spread over those found and keeps the paths answered as meant
 * ({@link WebClient#answered}). A path answered otherwise is left out and reported (a 404 is the role's scope at
 * work); a 5xx or a failure there counts as an error.
 */
final class Discovery {

    static final int PER_ROUTE = 6;
    private static final Set<String> NOT_CHAINS = Set.of("targets", "review", "clusters", "recompute");
    private static final Map<String, Pattern> VARIABLES = Map.of(
            "park", Pattern.compile("/parks/(\\d+)"),
            "parcel", Pattern.compile("/parcels/(\\d+)"),
            "enterprise", Pattern.compile("/enterprises/(\\d+)"),
            "evaluated", Pattern.compile("/evaluations/(\\d+/enterprises/\\d+)"),
            "chain", Pattern.compile("/chains/([A-Za-z][A-Za-z0-9_-]*)[\"?]"),
            "node", Pattern.compile("/chains/([A-Za-z0-9_-]+/nodes/[A-Za-z0-9_.-]+)"));

    private final WebClient client;
    private final String role;
    private final long run;
    private final Map<String, Set<String>> found = new LinkedHashMap<>();
    private final Map<String, Boolean> answered = new LinkedHashMap<>();
    /** Per route left out, the statuses of its paths that were not answered as meant. */
    final Map<String, Map<Integer, Integer>> dropped = new LinkedHashMap<>();
    final List<String> errors = new ArrayList<>();

    private final List<Routes.Route> routes;

    Discovery(WebClient client, String role, long run, List<Routes.Route> routes) {
        this.client = client;
        this.role = role;
        this.run = run;
        this.routes = routes;
        VARIABLES.keySet().forEach(v -> found.put(v, new LinkedHashSet<>()));
    }

    /** The concrete paths of each of the role's routes that could be filled and were answered as meant. */
    Map<Routes.Route, List<String>> discover() throws InterruptedException {
        found.put("run", new LinkedHashSet<>(List.of(String.valueOf(run))));
        for (Routes.Route r : routes) {
            if (r.plain()) {
                fetch(r, r.template());
            }
        }
        for (Routes.Route r : routes) {
            List<String> first = fill(r.template(), 1);
            if (!r.plain() && !first.isEmpty()) {
                fetch(r, first.get(0));
            }
        }
        if (found.get("evaluated").isEmpty()) { // a role that does not see the ranking: its own enterprises
            found.get("enterprise").forEach(e -> found.get("evaluated").add(run + "/enterprises/" + e));
        }
        Map<Routes.Route, List<String>> out = new LinkedHashMap<>();
        for (Routes.Route r : routes) {
            List<String> ok = new ArrayList<>();
            for (String path : fill(r.template(), PER_ROUTE)) {
                if (fetch(r, path)) {
                    ok.add(path);
                }
            }
            if (!ok.isEmpty()) {
                out.put(r, ok);
            }
        }
        return out;
    }

    private boolean fetch(Routes.Route route, String path) throws InterruptedException {
        Boolean known = answered.get(path);
        if (known != null) {
            return known;
        }
        boolean ok = false;
        try {
            HttpResponse<String> r = client.text(path);
            ok = WebClient.answered(r);
            if (r.statusCode() == 200) {
                collect(r.body());
            }
            if (r.statusCode() >= 500) {
                errors.add(role + " GET " + path + ": " + r.statusCode());
            } else if (!ok) {
                dropped.computeIfAbsent(route.label(), k -> new TreeMap<>()).merge(r.statusCode(), 1, Integer::sum);
            }
        } catch (IOException e) {
            errors.add(role + " GET " + path + ": " + e);
        }
        answered.put(path, ok);
        return ok;
    }

    private void collect(String body) {
        VARIABLES.forEach((name, pattern) -> {
            Matcher m = pattern.matcher(body);
            while (m.find()) {
                if (!name.equals("chain") || !NOT_CHAINS.contains(m.group(1))) {
                    found.get(name).add(m.group(1));
                }
            }
        });
    }

    /** The template filled with up to {@code max} values of its one variable, spread over those found. */
    private List<String> fill(String template, int max) {
        int open = template.indexOf('{');
        if (open < 0) {
            return List.of(template);
        }
        String name = template.substring(open + 1, template.indexOf('}'));
        List<String> values = new ArrayList<>(found.getOrDefault(name, Set.of()));
        List<String> out = new ArrayList<>();
        int n = Math.min(max, values.size());
        for (int i = 0; i < n; i++) {
            out.add(template.replace("{" + name + "}", values.get(i * values.size() / n)));
        }
        return out;
    }
}
