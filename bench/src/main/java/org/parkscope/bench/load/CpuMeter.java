package org.parkscope.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time spent by the server's JVM, its PostgreSQL (the postmaster of the data folder and its backends) and this load
 * client over the measured window, from {@code /proc} (Linux; elsewhere nothing is reported). Divided by the requests
 * served it says where each request's CPU goes and how many requests per second the machine's cores can serve at
 * that cost — with a closed loop of N clients, the mean latency is N divided by that rate (Little's law).
 */
final class CpuMeter {

    /** Seconds of CPU of each party at one moment. */
    record Reading(double serverJvm, double postgres, double client) {
        Reading minus(Reading o) {
            return new Reading(serverJvm - o.serverJvm, postgres - o.postgres, client - o.client);
        }
    }

    private static final double TICKS = 100.0; // USER_HZ on Linux
    private final long serverPid;
    private final Path dataDir;

    CpuMeter(long serverPid, Path dataDir) {
        this.serverPid = serverPid;
        this.dataDir = dataDir;
    }

    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    Reading read() {
        double jvm = seconds(serverPid);
        double pg = 0;
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            pg = seconds(postmaster);
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    String[] f = fields(p.resolve("stat"));
                    if (f != null && Long.parseLong(f[3]) == postmaster) {
                        pg += (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            pg = Double.NaN;
        }
        double client = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        return new Reading(jvm, pg, client);
    }

    /** The table's last lines: CPU per request by party, and the rate the cores allow at that cost. */
    static List<String> report(Reading used, long requests, double seconds, int cpus) {
        double total = used.serverJvm() + used.postgres() + used.client();
        double perRequest = total * 1000 / requests;
        return List.of(String.format(Locale.ROOT,
                "CPU per request (pages and static files, %,d in %.0f s): server JVM %.1f ms, PostgreSQL %.1f ms, load"
                        + " client %.1f ms; in all %.1f ms",
                requests, seconds, used.serverJvm() * 1000 / requests, used.postgres() * 1000 / requests,
                used.client() * 1000 / requests, perRequest),
                String.format(Locale.ROOT, "CPU busy: %.0f%% of %d CPUs by these three; at this cost the CPUs serve at most"
                        + " %.0f requests/s", 100 * total / seconds / cpus, cpus, cpus * 1000 / perRequest));
    }

    private static double seconds(long pid) {
        String[] f = fields(Path.of("/proc", Long.toString(pid), "stat"));
        return f == null ? Double.NaN : (Long.parseLong(f[13]) + Long.parseLong(f[14])) / TICKS;
    }

    /** The fields of a stat line, the command name (which may hold spaces) taken out. */
    private static String[] fields(Path stat) {
        try {
            String line = Files.readString(stat);
            int close = line.lastIndexOf(')');
            String[] rest = line.substring(close + 2).split(" ");
            String[] f = new String[rest.length + 2];
            f[0] = line.substring(0, line.indexOf(' '));
            f[1] = line.substring(line.indexOf('(') + 1, close);
            System.arraycopy(rest, 0, f, 2, rest.length);
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
