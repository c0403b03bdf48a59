package org.parkscope.bench.load;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one client saw of one page (a route as one role): responses and their latencies, and errors by kind — an
 * unexpected status ("302", "500"), "timeout" or an exception's name — with one example path each. Not thread-safe:
 * each client keeps its own and they are merged at the end.
 */
final class PageStats {

    final String route;
    final String role;
    final Latencies latencies = new Latencies();
    final Map<String, Long> errors = new TreeMap<>();
    final Map<String, String> examples = new TreeMap<>();
    long bytes;

    PageStats(String route, String role) {
        this.route = route;
        this.role = role;
    }

    void response(long nanos, int size) {
        latencies.add(nanos);
        bytes += size;
    }

    void error(String kind, String path) {
        errors.merge(kind, 1L, Long::sum);
        examples.putIfAbsent(kind, path);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    void merge(PageStats other) {
        latencies.addAll(other.latencies);
        bytes += other.bytes;
        other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        other.examples.forEach(examples::putIfAbsent);
    }

    String key() {
        return route + " " + role;
    }
}
