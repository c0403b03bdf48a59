package org.parkscope.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.access.AccessMatrixIT;
import org.parkscope.access.AccessMatrixIT.Who;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every page of the platform in a real browser, as each role allowed to see it ({@link AccessMatrixIT#POLICY}), in
 * Chinese and English, 1440 × 900 and 390 × 844 — one browser per role and width, signed in through the form. A page
 * fails on an unresolved message ({@code ??}, {@code {0}}, an unresolved {@code #{...}}), a raw code (enum
 * constants and named codes, {@link SweepData#codes()}), a Whitelabel page, a JavaScript error, a page wider than the screen, a wrapping menu, an empty
 * chart or one that cuts its labels, a page outside the platform's layout or language, or an unexpected status.
 *
 * <p>A page route is a GET route outside {@code /api/} whose handler renders a view (returns a view name or a {@link
 * ModelAndView}, no {@link ResponseBody}); downloads and JSON are not pages. Fragments a page loads are listed in
 * {@link #FRAGMENTS} with the page that shows them. With {@code -Dgallery.dir=DIR} (or {@code ./parkscope gallery}) it
 * also writes a full-page PNG of each visit into DIR, named page__role__language__width.png.
 */
@PlatformTest
class PageSweepIT {

    /** GET routes rendering part of a page, not a page: each is checked as part of the page named. */
    static final Map<String, String> FRAGMENTS = Map.of(
            "GET /evaluations/{id}/status", "the progress of a computing run, polled by /evaluations/{id}",
            "GET /import/jobs/{id}/status", "the progress of an import, polled by /import/jobs/{id}",
            "GET /map/parcels/{id}", "a parcel's panel beside the map, loaded by /map on a click");

    static final int[][] SIZES = {{1440, 900}, {390, 844}};
    static final List<String> LANGUAGES = List.of("zh", "en");

    @Autowired RequestMappingHandlerMapping mappings;
    @Autowired Environment env;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired org.parkscope.evaluation.EvaluationService evaluations;
    @Autowired org.parkscope.importing.ImportService imports;
    @Autowired org.parkscope.chain.TargetService targets;

    @Test
    void everyPageAsEveryRoleInBothLanguagesOnDesktopAndPhone() throws Exception {
        long started = System.nanoTime();
        List<String> pages = pageRoutes();
        assertThat(pages).as("page routes found").hasSizeGreaterThan(20);
        SweepData data = new SweepData(jdbc, evaluations, imports, targets);
        String base = "http://127.0.0.1:" + env.getProperty("local.server.port");
        String script = CHART_FILLED + new String(PageSweepIT.class.getResourceAsStream("page-checks.js")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> codes = List.copyOf(data.codes());
        Path gallery = System.getProperty("gallery.dir", "").isBlank() ? null : Path.of(System.getProperty("gallery.dir"));
        if (gallery != null) {
            Files.createDirectories(gallery);
        }
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> visits = new java.util.concurrent.ConcurrentSkipListMap<>();
        Sweep sweep = new Sweep(pages, data, base, script, codes, gallery, problems, visits);
        // The two widths side by side, each its own browsers (one per role).
        var pool = java.util.concurrent.Executors.newFixedThreadPool(SIZES.length);
        try {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (int[] size : SIZES) {
                runs.add(pool.submit(() -> {
                    sweep.width(size[0], size[1]);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Page sweep: %d page routes, %s visits (%s), %.0f s, %d problems%n", pages.size(),
                visits.values().stream().mapToInt(Integer::intValue).sum(), visits, seconds, problems.size());
        assertThat(problems).as("pages with problems").isEmpty();
    }

    @Test
    void everyGetRouteIsAPageAFragmentADownloadOrJson() {
        List<String> pages = pageRoutes();
        assertThat(FRAGMENTS.keySet()).as("fragments still mapped").allMatch(r -> Routes.of(mappings).contains(r));
        assertThat(pages).as("every page has a policy").allMatch(AccessMatrixIT.POLICY::containsKey);
        List<String> others = Routes.of(mappings).stream().filter(r -> r.startsWith("GET ") && !pages.contains(r)
                && !FRAGMENTS.containsKey(r)).toList();
        System.out.println("Page sweep leaves out (JSON under /api/, downloads and other bodies written by the handler):"
                + " " + others);
    }

    /** GET routes that render a page: not under /api/, a view rendered (no body written), not a fragment. */
    List<String> pageRoutes() {
        Set<String> out = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod h = e.getValue();
            Class<?> type = h.getMethod().getReturnType();
            boolean view = (type == String.class || ModelAndView.class.isAssignableFrom(type))
                    && !AnnotatedElementUtils.hasAnnotation(h.getMethod(), ResponseBody.class)
                    && !AnnotatedElementUtils.hasAnnotation(h.getBeanType(), ResponseBody.class);
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = e.getKey().getMethodsCondition()
                    .getMethods();
            if (!view || !(methods.isEmpty() || methods.contains(
                    org.springframework.web.bind.annotation.RequestMethod.GET))) {
                continue;
            }
            for (String pattern : e.getKey().getPatternValues()) {
                String route = "GET " + pattern;
                if (!pattern.equals("/error") && !pattern.startsWith("/api/") && !FRAGMENTS.containsKey(route)) {
                    out.add(route);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Every page at one width: one signed-in browser per role, each page in both languages, then the error pages. */
    record Sweep(List<String> pages, SweepData data, String base, String script, List<String> codes, Path gallery,
            List<String> problems, Map<String, Integer> visits) {

        void width(int width, int height) throws IOException, InterruptedException {
            boolean first = true;
            for (Who who : List.of(Who.TOWN_ADMIN, Who.TOWN_ANALYST, Who.PARK_OPERATOR, Who.ENTERPRISE_USER,
                    Who.AUDITOR)) {
                long started = System.nanoTime();
                try (HeadlessChromium chrome = new HeadlessChromium(Math.max(width, 500), height)) {
                    chrome.viewport(width, height);
                    Visit visit = new Visit(chrome, base, script, codes, width, gallery, problems);
                    if (first) { // the sign-in page, before signing in
                        for (String lang : LANGUAGES) {
                            visit.page("GET /login", "/login", Who.ANONYMOUS, lang, 200);
                        }
                        first = false;
                    }
                    chrome.signIn(base, AccessMatrixIT.username(who), "Parkscope2024");
                    chrome.consoleLog();
                    for (String lang : LANGUAGES) {
                        for (String route : pages) {
                            Set<Who> allowed = AccessMatrixIT.POLICY.get(route);
                            if (allowed != null && allowed.contains(who) && !route.equals("GET /login")) {
                                visit.page(route, data.resolve(route.substring(4), who), who, lang,
                                        data.status(route, who));
                            }
                        }
                        // The error pages: an unknown address, and a page this role may not open.
                        visit.page("404", "/no-such-page", who, lang, 404);
                        pages.stream().filter(r -> !AccessMatrixIT.POLICY.getOrDefault(r, Set.of()).contains(who)
                                && !r.contains("{")).findFirst()
                                .ifPresent(r -> visit.page("403", r.substring(4), who, lang, 403));
                    }
                    visits.merge(width + " px", visit.count, Integer::sum);
                    System.out.printf("Page sweep: %d px as %s: %d visits in %.0f s%n", width, who, visit.count,
                            (System.nanoTime() - started) / 1e9);
                }
            }
        }
    }

    /** One browser's visits: each page opened once per language, checked, and photographed for the gallery. */
    static final class Visit {
        final HeadlessChromium chrome;
        final String base;
        final String script;
        final List<String> codes;
        final int width;
        final Path gallery;
        final List<String> problems;
        int count;

        Visit(HeadlessChromium chrome, String base, String script, List<String> codes, int width, Path gallery,
                List<String> problems) {
            this.chrome = chrome;
            this.base = base;
            this.script = script;
            this.codes = codes;
            this.width = width;
            this.gallery = gallery;
            this.problems = problems;
        }

        void page(String route, String path, Who who, String lang, int expectedStatus) {
            String where = route + " " + path + " as " + who + ", " + lang + ", " + width + " px";
            try {
                count++;
                chrome.open(base + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                chrome.waitForQuietly(CHARTS_DRAWN, Duration.ofSeconds(10));
                JsonNode result = chrome.script(script, codes, lang);
                List<String> found = new ArrayList<>();
                int status = result.path("status").asInt();
                if (status != expectedStatus) {
                    found.add("status " + status + ", expected " + expectedStatus);
                }
                result.path("problems").forEach(p -> found.add(p.asString()));
                for (JsonNode entry : chrome.consoleLog()) {
                    String message = entry.path("message").asString();
                    boolean ownStatus = expectedStatus != 200 && message.contains(path)
                            && message.contains("status of " + expectedStatus);
                    if (entry.path("level").asString().equals("SEVERE") && !ownStatus) {
                        found.add("console error: " + message);
                    }
                }
                found.forEach(p -> problems.add(where + ": " + p));
                if (gallery != null) {
                    String name = (route.startsWith("GET ") ? route.substring(4) : route)
                            .replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^-|-$", "");
                    String user = who == Who.ANONYMOUS ? "anonymous" : AccessMatrixIT.username(who);
                    Files.write(gallery.resolve((name.isEmpty() ? "home" : name) + "__" + user + "__" + lang + "__"
                            + width + ".png"), chrome.fullPageScreenshot(16000));
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                problems.add(where + ": could not be checked: " + e);
            }
        }
    }

    /** Whether an ECharts container holds a drawn chart with data (a map series draws its regions without data). */
    static final String CHART_FILLED = "const chartFilled = el => { const c = window.echarts && window.echarts"
            + ".getInstanceByDom(el); const o = c && c.getOption(); return !!o && !!el.querySelector('svg path, canvas')"
            + " && (o.series || []).some(s => (s.data && s.data.length) || (s.nodes && s.nodes.length)"
            + " || (s.links && s.links.length) || s.type === 'map'); };\n";

    /** Every ECharts container holds a chart (or the wait ends and the check reports it). */
    static final String CHARTS_DRAWN = CHART_FILLED
            + "return [...document.querySelectorAll('div.chart')].every(chartFilled);";
}
