package org.parkscope.bench.load;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Prints what a {@link LoadRun} measured: the page table against the static floor, errors, and memory over time. */
final class LoadReport {

    private final PrintStream out;
    private final LoadRun run;
    private final Map<String, PageStats> measured;
    private final Map<String, PageStats> warmup;
    private final PageStats floor;
    private final PageStats allPages = new PageStats("all pages", "");

    LoadReport(PrintStream out, LoadRun run, List<String> routeOrder) {
        this.out = out;
        this.run = run;
        Comparator<String> byRoute = Comparator.comparingInt((String k) -> rank(routeOrder, k))
                .thenComparing(Function.identity());
        this.measured = merged(run, c -> c.measured, byRoute);
        this.warmup = merged(run, c -> c.warmup, byRoute);
        PageStats staticStats = measured.remove(LoadRun.STATIC + " ");
        this.floor = staticStats == null ? new PageStats(LoadRun.STATIC, "") : staticStats;
        measured.values().forEach(allPages::merge);
    }

    long totalErrors() {
        return measured.values().stream().mapToLong(PageStats::errorCount).sum() + floor.errorCount()
                + warmup.values().stream().mapToLong(PageStats::errorCount).sum();
    }

    void pages(String staticPath) {
        long[] floorSorted = floor.latencies.sorted();
        double floorP99 = ms(Latencies.percentile(floorSorted, 99));
        out.printf(Locale.ROOT, "%n%-36s %-10s %8s %6s %8s %8s %8s %9s %7s%n", "page", "role", "count", "errors",
                "p50 ms", "p99 ms", "max ms", "p99/floor", "KB");
        for (PageStats s : measured.values()) {
            row(s, s.route, floorP99);
        }
        out.println("-".repeat(111));
        row(allPages, "all pages", floorP99);
        row(floor, "static " + staticPath + " (floor)", floorP99);
        long[] pagesSorted = allPages.latencies.sorted();
        double seconds = run.measuredSeconds();
        out.printf(Locale.ROOT, "%nthroughput: %.1f pages/s over %.0f s measured (%,d pages), plus %.1f static files/s%n",
                allPages.latencies.size() / seconds, seconds, allPages.latencies.size(), floor.latencies.size() / seconds);
        out.printf(Locale.ROOT, "page p99 / static p99: %.1f (%.1f ms / %.1f ms); p50 ratio %.1f (%.1f ms / %.1f ms)%n",
                ms(Latencies.percentile(pagesSorted, 99)) / floorP99, ms(Latencies.percentile(pagesSorted, 99)), floorP99,
                ms(Latencies.percentile(pagesSorted, 50)) / ms(Latencies.percentile(floorSorted, 50)),
                ms(Latencies.percentile(pagesSorted, 50)), ms(Latencies.percentile(floorSorted, 50)));
        if (run.cpuUsed != null) {
            CpuMeter.report(run.cpuUsed, allPages.latencies.size() + floor.latencies.size(), seconds,
                    Runtime.getRuntime().availableProcessors()).forEach(out::println);
        }
    }

    private void row(PageStats s, String label, double floorP99) {
        long[] sorted = s.latencies.sorted();
        double p99 = ms(Latencies.percentile(sorted, 99));
        out.printf(Locale.ROOT, "%-36s %-10s %8d %6d %8.1f %8.1f %8.1f %9.1f %7.1f%n", label, s.role, sorted.length,
                s.errorCount(), ms(Latencies.percentile(sorted, 50)), p99,
                ms(sorted.length == 0 ? -1 : sorted[sorted.length - 1]), p99 / floorP99,
                sorted.length == 0 ? 0 : s.bytes / 1024.0 / sorted.length);
    }

    /** Each page with errors (warm-up included), by kind, with an example path. */
    void errors() {
        for (Map<String, PageStats> phase : List.of(warmup, measured, Map.of("", floor))) {
            for (PageStats s : phase.values()) {
                s.errors.forEach((kind, n) -> out.printf(Locale.ROOT, "  error %s %s: %s x%d (e.g. %s)%s%n", s.route,
                        s.role, kind, n, s.examples.get(kind), phase == warmup ? " during warm-up" : ""));
            }
        }
    }

    /** The server's memory, one row per window, and the figures of the windows after the warm-up. */
    void memory(MemorySampler memory, long pid, double warmupSeconds) {
        out.printf(Locale.ROOT, "%nserver memory (pid %d; heap after GC = lowest and highest heap occupancy right after"
                + " a GC in the window, from its GC log; RSS = resident set of the JVM, PostgreSQL not included)%n", pid);
        out.printf(Locale.ROOT, "%8s %8s %5s %14s %14s %13s %9s%n", "t s", "pages/s", "GCs", "after GC min MB",
                "after GC max MB", "committed MB", "RSS MB");
        double previous = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        double rssMin = Double.NaN;
        double rssMax = Double.NaN;
        for (MemorySampler.Sample s : memory.samples) {
            out.printf(Locale.ROOT, "%8.0f %8.1f %5d %14s %14s %13.0f %9.0f%n", s.seconds(),
                    s.pages() / Math.max(s.seconds() - previous, 1e-9), s.gcs(), mb(s.minAfterGcMb()),
                    mb(s.maxAfterGcMb()), s.committedMb(), s.rssMb());
            if (previous >= warmupSeconds - 1e-6) {
                if (!Double.isNaN(s.minAfterGcMb())) {
                    min = Double.isNaN(min) ? s.minAfterGcMb() : Math.min(min, s.minAfterGcMb());
                    max = Double.isNaN(max) ? s.minAfterGcMb() : Math.max(max, s.minAfterGcMb());
                }
                rssMin = Double.isNaN(rssMin) ? s.rssMb() : Math.min(rssMin, s.rssMb());
                rssMax = Double.isNaN(rssMax) ? s.rssMb() : Math.max(rssMax, s.rssMb());
            }
            previous = s.seconds();
        }
        out.printf(Locale.ROOT, "%nerrors: %d%n", totalErrors());
        out.printf(Locale.ROOT, "memory after warm-up: %s/%s MB (min/max of each window's lowest heap after GC);"
                + " RSS %.0f/%.0f MB%n", mb(min), mb(max), rssMin, rssMax);
        out.printf(Locale.ROOT, "live heap after a forced full GC: %s MB when the warm-up ended, %s MB at the end%n",
                mb(run.liveAfterWarmupMb), mb(run.liveAtEndMb));
    }

    private static Map<String, PageStats> merged(LoadRun run, Function<LoadRun.Client, Map<String, PageStats>> phase,
            Comparator<String> order) {
        Map<String, PageStats> out = new TreeMap<>(order);
        for (LoadRun.Client c : run.clients) {
            for (PageStats s : phase.apply(c).values()) {
                out.computeIfAbsent(s.key(), k -> new PageStats(s.route, s.role)).merge(s);
            }
        }
        return out;
    }

    private static int rank(List<String> routeOrder, String key) {
        int i = routeOrder.indexOf(key.substring(0, key.lastIndexOf(' ')));
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static double ms(long nanos) {
        return nanos < 0 ? Double.NaN : nanos / 1e6;
    }

    private static String mb(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.0f", v);
    }
}
