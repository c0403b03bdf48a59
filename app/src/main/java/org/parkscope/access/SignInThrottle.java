package org.parkscope.access;

import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock a real user out. Failed sign-ins are counted per source
 * address (an IPv6 address by its /64) and per user name, whether the name exists or not. After
 * {@value #SOURCE_FREE} failures from a source, its next attempt waits 2, 4, 8 … seconds after the last failure, at most
 * {@link #SOURCE_MAX_DELAY}; after {@value #ACCOUNT_FREE} failures on a name from anywhere, every source waits at most
 * {@link #ACCOUNT_MAX_DELAY} — a modest delay, so that failures from one source never shut the account for others. A
 * count is forgotten {@link #WINDOW} after its last failure; a successful sign-in clears its source's count. State is
 * in memory, at most {@value #MAX_ENTRIES} sources and as many names (the least recently used go first).
 */
@Component
class SignInThrottle {

    static final int SOURCE_FREE = 5;
    static final Duration SOURCE_MAX_DELAY = Duration.ofSeconds(60);
    static final int ACCOUNT_FREE = 10;
    static final Duration ACCOUNT_MAX_DELAY = Duration.ofSeconds(10);
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_ENTRIES = 10_000;

    /** The outcome of a failure: how long the next attempt must wait, and whether this failure started the waiting. */
    record Failure(long waitSeconds, boolean throttlingStarted) {}

    private static final class Count {
        int failures;
        Instant last = Instant.EPOCH;
    }

    private final Map<String, Count> sources = bounded();
    private final Map<String, Count> names = bounded();
    private Clock clock = Clock.systemUTC();

    /** Seconds the source must still wait before trying this name again; 0 when it may try now. */
    synchronized long secondsToWait(String source, @Nullable String username) {
        Instant now = clock.instant();
        return Math.max(remaining(sources.get(source), SOURCE_FREE, SOURCE_MAX_DELAY, now),
                remaining(names.get(key(username)), ACCOUNT_FREE, ACCOUNT_MAX_DELAY, now));
    }

    synchronized Failure failed(String source, @Nullable String username) {
        Instant now = clock.instant();
        Count bySource = count(sources, source, now);
        Count byName = count(names, key(username), now);
        bySource.failures++;
        bySource.last = now;
        byName.failures++;
        byName.last = now;
        boolean started = bySource.failures == SOURCE_FREE || byName.failures == ACCOUNT_FREE;
        return new Failure(secondsToWait(source, username), started);
    }

    synchronized void succeeded(String source) {
        sources.remove(source);
    }

    /** For tests: the clock the delays are measured with. */
    synchronized void clock(Clock clock) {
        this.clock = clock;
    }

    /** The source a request counts against: its address, or the /64 network of an IPv6 address. */
    static String source(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address.indexOf(':') < 0) {
            return address;
        }
        try { // an IPv6 literal: parsed, never looked up
            if (InetAddress.getByName(address) instanceof Inet6Address v6) {
                byte[] prefix = v6.getAddress();
                java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
        } catch (UnknownHostException e) {
            // not an address literal: count it as it is
        }
        return address;
    }

    private static long remaining(@Nullable Count c, int free, Duration cap, Instant now) {
        if (c == null || c.failures < free || c.last.plus(WINDOW).isBefore(now)) {
            return 0;
        }
        long delay = Math.min(cap.toSeconds(), 1L << Math.min(30, c.failures - free + 1));
        long left = Duration.between(now, c.last.plusSeconds(delay)).toMillis();
        return left <= 0 ? 0 : (left + 999) / 1000;
    }

    private static Count count(Map<String, Count> map, String key, Instant now) {
        Count c = map.get(key);
        if (c == null || c.last.plus(WINDOW).isBefore(now)) {
            c = new Count();
            map.put(key, c);
        }
        return c;
    }

    private static String key(@Nullable String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Count> bounded() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }
}
