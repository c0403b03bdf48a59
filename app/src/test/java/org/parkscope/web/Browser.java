package org.parkscope.web;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A cookie-keeping HTTP client that signs in through the real form, CSRF token included. Redirects are not followed. */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String bearer;
    private String csrf;

    public Browser(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static Browser signedIn(int port, String user, String password) {
        Browser b = new Browser(port);
        HttpResponse<String> r = b.signIn(user, password);
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new AssertionError("sign-in as " + user + " failed: " + r.statusCode() + " " + r.headers().map());
        }
        return b;
    }

    public static Browser withToken(int port, String token) {
        Browser b = new Browser(port);
        b.bearer = token;
        return b;
    }

    public HttpResponse<String> signIn(String user, String password) {
        get("/login");
        return post("/login", Map.of("username", user, "password", password));
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        Matcher m = CSRF.matcher(r.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return r;
    }

    /** A form POST carrying the CSRF token of the last page fetched (fetching /account first if there was none). */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        if (csrf == null && bearer == null) {
            get("/login");
        }
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return postRaw(path, all);
    }

    /** Follows a redirect (its Location is absolute) on this server: the page it leads to. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) {
        URI to = URI.create(redirect.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("not a redirect: " + redirect.statusCode() + " " + redirect.body())));
        return get(to.getRawPath() + (to.getRawQuery() == null ? "" : "?" + to.getRawQuery()));
    }

    /** A form POST whose fields may repeat (checkboxes), with the CSRF token of the last page fetched. */
    public HttpResponse<String> postFields(String path, java.util.List<Map.Entry<String, String>> fields) {
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        return postEntries(path, all);
    }

    private HttpResponse<String> postEntries(String path, java.util.List<Map.Entry<String, String>> fields) {
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static final Pattern CONFIRM_FORM = Pattern.compile(
            "<form method=\"post\" action=\"([^\"]+)\" class=\"confirm-step\">(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

    /**
     * Presses "confirm" on a confirmation page (the second step of an irreversible action): posts its form with the
     * fields it carries, as the page's button does.
     */
    public HttpResponse<String> confirm(HttpResponse<String> confirmationPage) {
        Matcher form = CONFIRM_FORM.matcher(confirmationPage.body());
        if (!form.find()) {
            throw new AssertionError("not a confirmation page: " + confirmationPage.statusCode() + " "
                    + confirmationPage.body());
        }
        java.util.List<Map.Entry<String, String>> fields = new java.util.ArrayList<>();
        Matcher hidden = HIDDEN.matcher(form.group(2));
        while (hidden.find()) {
            fields.add(Map.entry(unescape(hidden.group(1)), unescape(hidden.group(2))));
        }
        return postEntries(unescape(form.group(1)), fields);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** A multipart upload with the CSRF token of the last page fetched (none when signed in by token). */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "----parkscope" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null && bearer == null) {
            all.put("_csrf", csrf);
        }
        try {
            for (Map.Entry<String, String> e : all.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A GET returning the raw bytes (downloads). */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form POST exactly as given, without adding a CSRF token. */
    public HttpResponse<String> postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
