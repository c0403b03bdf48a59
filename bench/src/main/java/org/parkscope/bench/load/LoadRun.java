package org.parkscope.bench.load;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closed loop: each client (one thread, one session) requests its role's routes in a shuffled order, cycle after
 * cycle, with no pause, and every {@value #STATIC_EVERY}th request the static file — so the floor is measured under
 * the same concurrency as the pages. Requests started during the warm-up count only for errors. Every client stops
 * by itself when the time is up (a request in flight then ends within the request timeout).
 */
final class LoadRun {

    static final int STATIC_EVERY = 5;
    static final String STATIC = "static";

    record Target(String label, List<String> paths) {}

    private final LoadOptions options;
    private final URI base;
    private final Map<String, List<Target>> workloads;
    private final AtomicLong pagesServed = new AtomicLong();
    final List<Client> clients = new ArrayList<>();
    long warmupEndNanos;
    long endNanos;
    /** The server's heap after a forced full GC when the warm-up ended and after the clients stopped (MB). */
    double liveAfterWarmupMb = Double.NaN;
    /** CPU used over the measured window (null without /proc). */
    CpuMeter.Reading cpuUsed;
    double liveAtEndMb = Double.NaN;

    LoadRun(LoadOptions options, URI base, Map<String, List<Target>> workloads) {
        this.options = options;
        this.base = base;
        this.workloads = workloads;
    }

    /** Signs every client in (before the clock starts). */
    void signIn(String password) throws IOException, InterruptedException {
        for (int i = 0; i < options.clients(); i++) {
            WebClient web = new WebClient(base, options.timeout());
            String role = options.roleOf(i);
            web.signIn(role, password);
            clients.add(new Client(i, role, web, workloads.get(role)));
        }
    }

    /** Runs the clients for the duration, closing a memory window every sample period. */
    void run(MemorySampler memory, CpuMeter cpu) throws IOException, InterruptedException {
        long start = System.nanoTime();
        warmupEndNanos = start + options.warmup().toNanos();
        endNanos = start + options.duration().toNanos();
        Thread cpuWindow = new Thread(() -> measureCpu(cpu), "cpu-window");
        cpuWindow.setDaemon(true);
        cpuWindow.start();
        List<Thread> threads = new ArrayList<>();
        for (Client c : clients) {
            Thread t = new Thread(c, "load-" + c.index);
            t.setDaemon(true);
            threads.add(t);
        }
        memory.start();
        threads.forEach(Thread::start);
        long step = options.sampleEvery().toNanos();
        long lastPages = 0;
        for (long next = start + step; ; next += step) {
            long windowEnd = Math.min(next, endNanos);
            sleepUntil(windowEnd);
            if (Double.isNaN(liveAfterWarmupMb) && windowEnd >= warmupEndNanos) {
                liveAfterWarmupMb = memory.liveHeapMb();
            }
            long pages = pagesServed.get();
            memory.sample((windowEnd - start) / 1e9, pages - lastPages);
            lastPages = pages;
            if (windowEnd >= endNanos) {
                break;
            }
        }
        for (Thread t : threads) {
            t.join(options.timeout().toMillis() + 5_000);
        }
        cpuWindow.join(5_000);
        liveAtEndMb = memory.liveHeapMb();
    }

    /** Reads the CPU used when the warm-up ends and when the time is up. */
    private void measureCpu(CpuMeter cpu) {
        if (!CpuMeter.available()) {
            return;
        }
        try {
            sleepUntil(warmupEndNanos);
            CpuMeter.Reading first = cpu.read();
            sleepUntil(endNanos);
            cpuUsed = cpu.read().minus(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    double measuredSeconds() {
        return (endNanos - warmupEndNanos) / 1e9;
    }

    /** One simulated user: its session, its role's routes, and what it saw, split into warm-up and measured. */
    final class Client implements Runnable {

        final int index;
        final String role;
        private final WebClient web;
        private final List<Target> targets;
        final Map<String, PageStats> measured = new LinkedHashMap<>();
        final Map<String, PageStats> warmup = new LinkedHashMap<>();

        Client(int index, String role, WebClient web, List<Target> targets) {
            this.index = index;
            this.role = role;
            this.web = web;
            this.targets = targets;
        }

        @Override
        public void run() {
            Random random = new Random(index);
            List<Target> order = new ArrayList<>(targets);
            long requests = 0;
            try {
                for (int cycle = 0; System.nanoTime() < endNanos; cycle++) {
                    Collections.shuffle(order, random);
                    for (Target t : order) {
                        if (System.nanoTime() >= endNanos) {
                            break;
                        }
                        if (++requests % STATIC_EVERY == 0) {
                            request(STATIC, options.staticPath());
                        }
                        request(t.label(), t.paths().get(cycle % t.paths().size()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void request(String label, String path) throws InterruptedException {
            WebClient.Outcome o = web.timed(path);
            Map<String, PageStats> phase = o.startNanos() >= warmupEndNanos ? measured : warmup;
            PageStats s = phase.computeIfAbsent(label, l -> new PageStats(l, label.equals(STATIC) ? "" : role));
            if (o.failure() != null) {
                s.error(o.failure(), path);
                return;
            }
            s.response(o.nanos(), o.bytes());
            if (!o.ok()) {
                s.error(String.valueOf(o.status()), path);
            } else if (!label.equals(STATIC)) {
                pagesServed.incrementAndGet();
            }
        }
    }
}
