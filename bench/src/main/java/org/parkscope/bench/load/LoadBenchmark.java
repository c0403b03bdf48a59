package org.parkscope.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark and soak test: starts the platform on the demo town, signs N clients in as the demo roles (form
 * sign-in, one session each), drives each role over its pages and APIs for a fixed time beside a static file as the
 * floor, prints per page count, errors, p50/p99 and the ratio to the floor, throughput, the server's memory over time,
 * and the verdict lines "errors: N" and "memory after warm-up: min/max MB"; then stops the server.
 * Usage: {@code bench/load.sh [options]} (see {@link LoadOptions#USAGE}); everything stays on loopback.
 */
public final class LoadBenchmark {

    static final String PASSWORD = "Parkscope2024";
    private static final Pattern RUN = Pattern.compile("/evaluations/(\\d+)\"");
    /** Creating the evaluation run for the ranking pages is set-up, not load: at city scale it may take minutes. */
    private static final Duration SETUP_TIMEOUT = Duration.ofMinutes(30);
    private static final String RANKING = "/evaluations/{id}";

    private LoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        LoadOptions o;
        try {
            o = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.printf(Locale.ROOT, "Starting the platform on the demo %s (data in %s; the first start builds it)"
                + " ...%n", o.scale(), o.dataDir());
        ServerProcess server = ServerProcess.start(o.jar(), o.dataDir(), o.dataDir().toAbsolutePath().getParent(),
                o.serverHeap(), o.scale(), o.serverOpts());
        Thread stopper = new Thread(() -> stop(server));
        Runtime.getRuntime().addShutdownHook(stopper);
        long errors;
        try {
            URI base = server.awaitReady(Duration.ofMinutes(90));
            System.out.println("Ready at " + base + " (server pid " + server.pid() + ", log " + server.log + ")");
            long run = 0;
            if (o.skip().contains(RANKING)) { // no ranking pages: no run needed (at city scale, creating one takes long)
                System.out.println("No evaluation run: " + RANKING + " is skipped");
            } else {
                run = evaluationRun(base, SETUP_TIMEOUT.compareTo(o.timeout()) > 0 ? SETUP_TIMEOUT : o.timeout());
            }
            List<String> discoveryErrors = new ArrayList<>();
            Map<String, List<LoadRun.Target>> workloads = discover(base, o, run, discoveryErrors);
            LoadRun load = new LoadRun(o, base, workloads);
            load.signIn(PASSWORD);
            System.out.printf(Locale.ROOT, "Running %d clients (%s) for %s, the first %s as warm-up ...%n", o.clients(),
                    roleCounts(o), human(o.duration()), human(o.warmup()));
            MemorySampler memory = new MemorySampler(server.gcLog, server.pid());
            load.run(memory, new CpuMeter(server.pid(), o.dataDir().toAbsolutePath()));
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

            LoadReport report = new LoadReport(System.out, load, Routes.ALL_ROUTES.stream().map(Routes.Route::label)
                    .toList());
            System.out.printf(Locale.ROOT, "%n== Parkscope load on the demo %s: %d clients for %s (warm-up %s left out of the"
                    + " latencies), server heap %s, %d CPUs; load average %.1f before, %.1f after%n", o.scale(),
                    o.clients(), human(o.duration()),
                    human(o.warmup()), o.serverHeap(), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
            report.pages(o.staticPath());
            errors = report.totalErrors() + discoveryErrors.size();
            if (errors > 0) {
                System.out.println("\nerrors:");
                discoveryErrors.forEach(e -> System.out.println("  error during discovery: " + e));
                report.errors();
                List<String> lines = server.errorLines();
                System.out.printf(Locale.ROOT, "server log %s: %d error lines%s%n", server.log, lines.size(),
                        lines.isEmpty() ? "" : "; the first ones:");
                lines.stream().limit(20).forEach(l -> System.out.println("  " + l));
            }
            report.memory(memory, server.pid(), o.warmup().toSeconds());
            if (!discoveryErrors.isEmpty()) {
                System.out.printf(Locale.ROOT, "(of the errors, %d during discovery)%n", discoveryErrors.size());
            }
        } finally {
            stop(server);
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
        System.exit(errors == 0 ? 0 : 1);
    }

    /** The id of an evaluation run for the ranking pages: the latest one, or a new one scored by the administrator. */
    static long evaluationRun(URI base, Duration timeout) throws IOException, InterruptedException {
        WebClient admin = new WebClient(base, timeout);
        admin.signIn("admin", PASSWORD);
        long latest = latestRun(admin.text("/evaluations").body());
        if (latest > 0) {
            return latest;
        }
        HttpResponse<String> r = admin.post("/evaluations", Map.of("scheme", "huangyan-2022"));
        Matcher m = Pattern.compile("/evaluations/(\\d+)$").matcher(r.headers().firstValue("Location").orElse(""));
        if (r.statusCode() != 302 || !m.find()) {
            throw new IOException("could not create an evaluation run: " + r.statusCode() + " " + r.headers().map());
        }
        System.out.println("Created evaluation run " + m.group(1) + " (huangyan-2022) for the ranking pages");
        return Long.parseLong(m.group(1));
    }

    static long latestRun(String evaluationsPage) {
        long latest = 0;
        Matcher m = RUN.matcher(evaluationsPage);
        while (m.find()) {
            latest = Math.max(latest, Long.parseLong(m.group(1)));
        }
        return latest;
    }

    private static Map<String, List<LoadRun.Target>> discover(URI base, LoadOptions o, long run, List<String> errors)
            throws IOException, InterruptedException {
        Map<String, List<LoadRun.Target>> out = new LinkedHashMap<>();
        for (String role : new LinkedHashSet<>(o.roles())) {
            WebClient web = new WebClient(base, o.timeout());
            web.signIn(role, PASSWORD);
            Discovery d = new Discovery(web, role, run, Routes.of(role).stream()
                    .filter(r -> !o.skip().contains(r.label())).toList());
            List<LoadRun.Target> targets = new ArrayList<>();
            d.discover().forEach((route, paths) -> targets.add(new LoadRun.Target(route.label(), paths)));
            out.put(role, targets);
            errors.addAll(d.errors);
            System.out.printf(Locale.ROOT, "  %-10s %2d routes, %3d paths%s%n", role, targets.size(),
                    targets.stream().mapToInt(t -> t.paths().size()).sum(),
                    d.dropped.isEmpty() ? "" : "; paths left out (status: count): " + d.dropped);
        }
        return out;
    }

    private static String roleCounts(LoadOptions o) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < o.clients(); i++) {
            counts.merge(o.roleOf(i), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((role, n) -> parts.add(role + " x" + n));
        return String.join(", ", parts);
    }

    private static String human(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
    }

    private static void stop(ServerProcess server) {
        try {
            server.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
