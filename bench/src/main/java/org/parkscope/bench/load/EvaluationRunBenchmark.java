package org.parkscope.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluation runs as the town's staff start them, on the demo town: the platform started as {@link LoadBenchmark}
 * starts it, the administrator signed in, then per scheme a few warm-up runs and {@code runs} measured ones — each
 * from the form's POST to the moment the polled status fragment says it is done (snapshot, scoring, results and
 * explanations stored), with the server's own phase times from its log. Then the ranking page of the last run beside
 * a static file (the floor), p50 and the ratio. Usage: {@code bench/evaluation-bench.sh runs [--data-dir DIR] [n]
 * [schemes...]}; {@code --data-dir} runs on a database built before, e.g. the city of {@code ./parkscope generate
 * --scale city --data DIR}.
 */
public final class EvaluationRunBenchmark {

    private static final Pattern PHASES = Pattern.compile(
            "evaluation run (\\d+) \\(\\S+ \\d+\\): snapshot (\\d+) ms, scoring and storing (\\d+) ms");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private EvaluationRunBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        List<String> list = new ArrayList<>(Arrays.asList(arguments));
        Path dataDir = Path.of("bench/target/load/pgdata");
        int option = list.indexOf("--data-dir");
        if (option >= 0) {
            if (option + 1 >= list.size()) {
                throw new IllegalArgumentException("--data-dir needs a folder");
            }
            dataDir = Path.of(list.remove(option + 1));
            list.remove(option);
        }
        String[] args = list.toArray(String[]::new);
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> schemes = args.length > 1 ? Arrays.asList(args).subList(1, args.length)
                : List.of("huangyan-2022", "sijing-demo-2023", "huaian-2023");
        try (ServerProcess server = ServerProcess.start(Path.of("app/target/parkscope-exec.jar"), dataDir,
                dataDir.toAbsolutePath().getParent(), option >= 0 ? "4g" : "1g", "town")) {
            URI base = server.awaitReady(Duration.ofMinutes(20));
            WebClient admin = new WebClient(base, TIMEOUT);
            admin.signIn("admin", "Parkscope2024");
            long last = 0;
            System.out.printf(Locale.ROOT, "%-18s %5s %9s %9s %9s %13s %9s%n", "scheme", "firms", "run p50", "run max",
                    "snapshot", "score+store", "vs 1 s");
            for (String scheme : schemes) {
                for (int w = 0; w < 2; w++) {
                    run(admin, scheme);
                }
                long[] times = new long[runs];
                List<Long> ids = new ArrayList<>();
                for (int k = 0; k < runs; k++) {
                    long start = System.nanoTime();
                    last = run(admin, scheme);
                    times[k] = System.nanoTime() - start;
                    ids.add(last);
                }
                long[] phases = serverPhases(server.log, ids);
                int firms = firms(admin, last);
                long p50 = percentile(times, 50);
                System.out.printf(Locale.ROOT, "%-18s %5d %7.0f ms %7.0f ms %6d ms %10d ms %8.2fx%n", scheme, firms,
                        p50 / 1e6, percentile(times, 100) / 1e6, phases[0], phases[1], p50 / 1e9);
            }
            long[] page = new long[31];
            long[] floor = new long[31];
            for (int k = 0; k < page.length; k++) {
                page[k] = timed(admin, "/evaluations/" + last);
                floor[k] = timed(admin, "/css/app.css");
            }
            System.out.printf(Locale.ROOT, "ranking page /evaluations/%d p50 %.1f ms, static file p50 %.1f ms, ratio %.1fx%n",
                    last, percentile(page, 50) / 1e6, percentile(floor, 50) / 1e6,
                    (double) percentile(page, 50) / percentile(floor, 50));
            List<String> errors = server.errorLines();
            if (!errors.isEmpty()) {
                System.out.println("server errors: " + errors.size() + " (first: " + errors.get(0) + ")");
            }
        }
    }

    /** Starts a run through the form and polls its status until done; returns the run's id. */
    static long run(WebClient admin, String scheme) throws IOException, InterruptedException {
        admin.text("/evaluations");
        HttpResponse<String> created = admin.post("/evaluations", Map.of("scheme", scheme));
        String location = created.headers().firstValue("Location").orElse("");
        if (!location.matches(".*/evaluations/\\d+")) {
            throw new IOException("the run of " + scheme + " was not started: " + created.statusCode() + " " + location);
        }
        long id = Long.parseLong(location.replaceAll(".*/evaluations/", ""));
        while (true) {
            HttpResponse<String> status = admin.text("/evaluations/" + id + "/status");
            if (status.headers().firstValue("HX-Redirect").isPresent()) {
                if (status.body().contains("id=\"failure\"")) {
                    throw new IOException("run " + id + " failed: " + status.body());
                }
                return id;
            }
            Thread.sleep(5);
        }
    }

    private static int firms(WebClient admin, long run) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("id=\"paging-summary\">[^<]*?(\\d+) 条").matcher(admin.text("/evaluations/" + run).body());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The median snapshot and scoring times the server logged for these runs. */
    private static long[] serverPhases(Path log, List<Long> ids) throws IOException {
        List<Long> snapshot = new ArrayList<>();
        List<Long> scoring = new ArrayList<>();
        Matcher m = PHASES.matcher(Files.readString(log, StandardCharsets.UTF_8));
        while (m.find()) {
            if (ids.contains(Long.parseLong(m.group(1)))) {
                snapshot.add(Long.parseLong(m.group(2)));
                scoring.add(Long.parseLong(m.group(3)));
            }
        }
        return new long[] {median(snapshot), median(scoring)};
    }

    private static long median(List<Long> values) {
        return values.isEmpty() ? -1 : values.stream().sorted().toList().get(values.size() / 2);
    }

    private static long timed(WebClient web, String path) throws InterruptedException {
        return web.timed(path).nanos();
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
