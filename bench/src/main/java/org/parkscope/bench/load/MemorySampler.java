package org.parkscope.bench.load;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's memory over time without disturbing it: every window, the heap occupancy after each GC the server
 * logged (-Xlog:gc; the lowest one of the window approximates the live heap plus what old-generation garbage awaits
 * its concurrent cycle), the committed heap, and the process's resident set (VmRSS from /proc; the embedded
 * PostgreSQL runs in processes of its own and is not included). Young collections leave promoted garbage in the old
 * generation until a concurrent cycle, so for a leak verdict {@link #liveHeapMb} forces a full GC (jcmd GC.run): the
 * run does so twice only, when the warm-up ends and when the clients have stopped.
 */
final class MemorySampler {

    private static final Pattern AFTER_GC = Pattern.compile("GC\\(\\d+\\) Pause .*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    record Sample(double seconds, long pages, int gcs, double minAfterGcMb, double maxAfterGcMb, double committedMb,
            double rssMb) {}

    private final Path gcLog;
    private final long pid;
    private long offset;
    private double committedMb = Double.NaN;
    final List<Sample> samples = new ArrayList<>();

    MemorySampler(Path gcLog, long pid) {
        this.gcLog = gcLog;
        this.pid = pid;
    }

    /** Skips the GC events logged so far (start-up, the demo build), so that the first window starts now. */
    void start() throws IOException {
        offset = Files.exists(gcLog) ? Files.size(gcLog) : 0;
    }

    /** Closes a window at {@code seconds} into the run, in which {@code pages} pages were served. */
    void sample(double seconds, long pages) throws IOException {
        int gcs = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        for (String line : newLines()) {
            Matcher m = AFTER_GC.matcher(line);
            if (m.find() && !line.contains("Pause Full (Diagnostic Command)")) { // forced ones are reported apart
                double after = mb(m.group(3), m.group(4));
                committedMb = mb(m.group(5), m.group(6));
                min = gcs == 0 ? after : Math.min(min, after);
                max = gcs == 0 ? after : Math.max(max, after);
                gcs++;
            }
        }
        samples.add(new Sample(seconds, pages, gcs, min, max, committedMb, rssMb()));
    }

    /**
     * Forces a full GC in the server with {@code jcmd <pid> GC.run} and returns the heap occupancy after it, read from
     * the GC log without consuming it (the window still counts that collection); NaN if it could not be read.
     */
    double liveHeapMb() throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        double after = Double.NaN;
        for (String line : linesFrom(offset).lines) {
            Matcher m = AFTER_GC.matcher(line);
            if (line.contains("Pause Full") && m.find()) {
                after = mb(m.group(3), m.group(4));
            }
        }
        return after;
    }

    private record Read(List<String> lines, long end) {}

    private List<String> newLines() throws IOException {
        Read r = linesFrom(offset);
        offset = r.end;
        return r.lines;
    }

    private Read linesFrom(long from) throws IOException {
        if (!Files.exists(gcLog)) {
            return new Read(List.of(), from);
        }
        try (RandomAccessFile f = new RandomAccessFile(gcLog.toFile(), "r")) {
            long end = f.length();
            if (end <= from) {
                return new Read(List.of(), from);
            }
            byte[] bytes = new byte[(int) (end - from)];
            f.seek(from);
            f.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            String complete = text.substring(0, text.lastIndexOf('\n') + 1); // a line being written waits
            return new Read(complete.lines().toList(), from + complete.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private double rssMb() throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    private static double mb(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            default -> v;
        };
    }
}
