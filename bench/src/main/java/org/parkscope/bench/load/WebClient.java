package org.parkscope.bench.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One simulated browser: its own cookie jar (session), HTTP/1.1 keep-alive on loopback, redirects not followed, and
 * the CSRF token of the last page it read, for the form sign-in and form posts.
 */
final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final URI base;
    private final Duration timeout;
    private final HttpClient http;
    private String csrf;

    WebClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** Signs in through the real form (CSRF token included); fails unless the server redirects away from /login. */
    void signIn(String user, String password) throws IOException, InterruptedException {
        text("/login");
        HttpResponse<String> r = post("/login", Map.of("username", user, "password", password));
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("/login")) {
            throw new IOException("sign-in as " + user + " failed: " + r.statusCode() + " " + location);
        }
    }

    /** A GET whose body is kept as text (and scanned for a CSRF token). */
    HttpResponse<String> text(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(get(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** A form POST carrying the CSRF token of the last page read. */
    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One timed GET, the whole body read; the outcome says what a load client records. */
    Outcome timed(String path) throws InterruptedException {
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome(start, System.nanoTime() - start, r.statusCode(), r.body().length, null,
                    answered(r));
        } catch (HttpTimeoutException e) {
            return new Outcome(start, System.nanoTime() - start, 0, 0, "timeout", false);
        } catch (IOException e) {
            return new Outcome(start, System.nanoTime() - start, 0, 0, e.getClass().getSimpleName(), false);
        }
    }

    /** {@code ok}: the page was served as it is meant to be (see {@link #answered}). */
    record Outcome(long startNanos, long nanos, int status, int bytes, String failure, boolean ok) {}

    /**
     * Whether a GET was answered as meant: 2xx, or a redirect elsewhere than the sign-in page (the dashboard sends an
     * enterprise user to its enterprise and the auditor to the audit trail). A redirect to /login means the session
     * was lost, and counts as an error like any 4xx or 5xx.
     */
    static boolean answered(HttpResponse<?> r) {
        int s = r.statusCode();
        return s >= 200 && s < 300
                || s >= 300 && s < 400 && !r.headers().firstValue("Location").orElse("/login").contains("/login");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
