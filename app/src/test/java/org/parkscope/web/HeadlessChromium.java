package org.parkscope.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium driven through chromedriver's W3C WebDriver protocol (plain HTTP + JSON, so no Selenium):
 * open pages, run scripts, take screenshots. Chromium and chromedriver come from Debian's packages.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Process driver;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final String session;

    public HeadlessChromium(int width, int height) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String binary = Files.isExecutable(Path.of("/usr/bin/chromedriver")) ? "/usr/bin/chromedriver" : "chromedriver";
        driver = new ProcessBuilder(binary, "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        for (int i = 0; ; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                if (i > 100) {
                    throw e;
                }
            }
            Thread.sleep(100);
        }
        String chrome = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "chromium";
        Map<String, Object> caps = Map.of("capabilities", Map.of("alwaysMatch", Map.of("browserName", "chrome",
                "goog:loggingPrefs", Map.of("browser", "ALL"), "goog:chromeOptions", Map.of("binary", chrome, "args", List.of("--headless=new", "--no-sandbox",
                        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-dev-shm-usage", "--lang=zh-CN",
                        "--window-size=" + width + "," + height)))));
        session = call("POST", "/session", caps).path("sessionId").asString();
    }

    private JsonNode call(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        b = method.equals("GET") ? b.GET() : b.method(method, HttpRequest.BodyPublishers.ofString(
                JSON.writeValueAsString(body == null ? Map.of() : body)));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(r.body()).path("value");
        if (r.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + " -> " + r.statusCode() + ": " + value);
        }
        return value;
    }

    public void open(String url) throws IOException, InterruptedException {
        call("POST", "/session/" + session + "/url", Map.of("url", url));
    }

    /** Runs a script (its {@code return} value comes back as JSON). */
    public JsonNode script(String js, Object... args) throws IOException, InterruptedException {
        return call("POST", "/session/" + session + "/execute/sync", Map.of("script", js, "args", List.of(args)));
    }

    /** Polls a boolean script until it returns true. */
    public void waitFor(String js, Duration timeout) throws IOException, InterruptedException {
        if (!waitForQuietly(js, timeout)) {
            throw new AssertionError("timed out waiting for: " + js);
        }
    }

    /** Polls a boolean script until it returns true or the time is up; says which. */
    public boolean waitForQuietly(String js, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!script(js).asBoolean(false)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** A PNG of the viewport. */
    public byte[] screenshot() throws IOException, InterruptedException {
        return Base64.getDecoder().decode(call("GET", "/session/" + session + "/screenshot", null).asString());
    }

    /** A Chrome DevTools Protocol command (chromedriver's {@code goog/cdp/execute}); its result comes back as JSON. */
    public JsonNode cdp(String command, Map<String, Object> params) throws IOException, InterruptedException {
        return call("POST", "/session/" + session + "/goog/cdp/execute", Map.of("cmd", command, "params", params));
    }

    /**
     * Makes the page's viewport exactly {@code width} × {@code height} CSS pixels (a window cannot be narrower than
     * 500 px, a phone is 390).
     */
    public void viewport(int width, int height) throws IOException, InterruptedException {
        cdp("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", false));
    }

    /** The browser console's entries since the last call (level, source, message). */
    public JsonNode consoleLog() throws IOException, InterruptedException {
        return call("POST", "/session/" + session + "/se/log", Map.of("type", "browser"));
    }

    /** A PNG of the whole page, not only the viewport (at most {@code maxHeight} CSS pixels tall). */
    public byte[] fullPageScreenshot(int maxHeight) throws IOException, InterruptedException {
        JsonNode size = cdp("Page.getLayoutMetrics", Map.of()).path("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
                "height", Math.min(size.path("height").asDouble(), maxHeight), "scale", 1);
        return Base64.getDecoder().decode(cdp("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", clip)).path("data").asString());
    }

    /** Signs in with the form, as a person would. */
    public void signIn(String baseUrl, String user, String password) throws IOException, InterruptedException {
        open(baseUrl + "/login");
        script("document.querySelector('input[name=username]').value = arguments[0];"
                + "document.querySelector('input[name=password]').value = arguments[1];"
                + "document.querySelector('form').submit();", user, password);
        waitFor("return !location.pathname.startsWith('/login') && document.readyState === 'complete'",
                Duration.ofSeconds(20));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            call("DELETE", "/session/" + session, null);
        } finally {
            driver.destroy();
            driver.waitFor();
        }
    }
}
