package org.parkscope.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The command line of {@code bench/load.sh}; see {@link #USAGE}. */
record LoadOptions(int clients, Duration duration, Duration warmup, List<String> roles, String staticPath,
        Duration sampleEvery, Duration timeout, Set<String> skip, Path jar, Path dataDir, String serverHeap,
        String scale, List<String> serverOpts) {

    static final String USAGE = """
            usage: bench/load.sh [--clients 32] [--duration 3m] [--warmup 30s] [--roles admin,analyst,park,enterprise,auditor]
                                 [--static /css/app.css] [--sample 30s] [--timeout 60s] [--skip /chains/targets,...]
                                 [--server-heap 1g] [--server-opts "JVM options"] [--scale town|district|city|N]
                                 [--jar app/target/parkscope-exec.jar] [--data-dir bench/target/load/pgdata]
              --duration includes the warm-up (default: a sixth of the duration, at most 1m), which the latency table
              leaves out; durations are written 90s, 3m, 1h. --skip leaves routes (as labelled in the table) out.
              --scale builds the demo district (20 000 firms) or city (200 000) on the first start, by default in
              bench/target/load/pgdata-SCALE; --data-dir DIR uses a database built before (./parkscope generate).
              --server-opts adds JVM options to the server, e.g. a flight recording to profile it under load:
              --server-opts "-XX:StartFlightRecording=filename=/tmp/server.jfr,settings=profile".
              An evaluation run is created for the ranking pages unless --skip names /evaluations/{id}.""";

    static LoadOptions parse(String... args) {
        int clients = 32;
        Duration duration = Duration.ofMinutes(3);
        Duration warmup = null;
        List<String> roles = Routes.ROLES;
        String staticPath = "/css/app.css";
        Duration sample = Duration.ofSeconds(30);
        Duration timeout = Duration.ofSeconds(60);
        Set<String> skip = Set.of();
        Path jar = Path.of("app/target/parkscope-exec.jar");
        Path dataDir = null;
        String scale = "town";
        String heap = "1g";
        List<String> serverOpts = List.of();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--clients" -> clients = Integer.parseInt(value);
                case "--duration" -> duration = duration(value);
                case "--warmup" -> warmup = duration(value);
                case "--roles" -> roles = Arrays.stream(value.split(",")).map(String::trim).toList();
                case "--static" -> staticPath = value;
                case "--sample" -> sample = duration(value);
                case "--timeout" -> timeout = duration(value);
                case "--skip" -> skip = Set.of(value.split(","));
                case "--jar" -> jar = Path.of(value);
                case "--data-dir" -> dataDir = Path.of(value);
                case "--server-heap" -> heap = value;
                case "--scale" -> scale = value;
                case "--server-opts" -> serverOpts = Arrays.stream(value.trim().split("\\s+")).toList();
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        for (String r : roles) {
            if (!Routes.ROLES.contains(r)) {
                throw new IllegalArgumentException("unknown role " + r + "; the demo roles are " + Routes.ROLES);
            }
        }
        if (clients < 1 || clients > 1000 || roles.isEmpty()) {
            throw new IllegalArgumentException("--clients must be 1..1000 and --roles not empty\n" + USAGE);
        }
        if (warmup == null) {
            warmup = duration.dividedBy(6).compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1)
                    : duration.dividedBy(6);
        }
        if (warmup.compareTo(duration) >= 0) {
            throw new IllegalArgumentException("--warmup must be shorter than --duration");
        }
        if (dataDir == null) {
            dataDir = Path.of(scale.equals("town") ? "bench/target/load/pgdata" : "bench/target/load/pgdata-" + scale);
        }
        return new LoadOptions(clients, duration, warmup, roles, staticPath, sample, timeout, skip, jar, dataDir, heap,
                scale, serverOpts);
    }

    /** "90s", "3m", "1h" (or a bare number of seconds). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        char unit = t.charAt(t.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(t));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("a duration is written 90s, 3m or 1h: " + text);
        };
    }

    /** The role of client {@code i}: the roles in turn. */
    String roleOf(int i) {
        return roles.get(i % roles.size());
    }
}
