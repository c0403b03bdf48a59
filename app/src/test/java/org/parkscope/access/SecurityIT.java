package org.parkscope.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in, sign-out, password change, tokens, failed sign-ins, CSRF, headers, session fixation, error pages. */
@PlatformTest
class SecurityIT {

    @Autowired Environment env;
    @Autowired AccountStore accounts;
    @Autowired JdbcClient jdbc;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    @Test
    void eachDemoAccountSeesExactlyItsScope() {
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        assertThat(parkLinks(admin.get("/parks").body())).isEqualTo(23);
        assertThat(admin.get("/admin/users").statusCode()).isEqualTo(200);

        Browser analyst = Browser.signedIn(port(), "analyst", "Parkscope2024");
        assertThat(parkLinks(analyst.get("/parks").body())).isEqualTo(23);
        assertThat(analyst.get("/admin/users").statusCode()).isEqualTo(403);
        assertThat(analyst.get("/audit").statusCode()).isEqualTo(403);

        Browser park = Browser.signedIn(port(), "park", "Parkscope2024");
        String parks = park.get("/parks").body();
        assertThat(parkLinks(parks)).isEqualTo(1);
        assertThat(parks).contains("手拉手汽车港");
        long inSls = jdbc.sql("select count(*) from enterprise e join park p on p.id = e.park_id where p.code = 'SLS' and e.status in ('ACTIVE', 'SUSPENDED')")
                .query(Long.class).single();
        assertThat(park.get("/enterprises").body()).contains("共 " + inSls + " 条");

        Browser enterprise = Browser.signedIn(port(), "enterprise", "Parkscope2024");
        long quectel = jdbc.sql("select id from enterprise where name like '上海移远%'").query(Long.class).single();
        HttpResponse<String> home = enterprise.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).as("its own home, 我的企业").contains("我的企业", "上海移远通信技术股份有限公司",
                "href=\"/enterprises/" + quectel + "\"");
        assertThat(enterprise.get("/enterprises").body()).contains("共 1 条", "上海移远通信技术股份有限公司");
        assertThat(enterprise.get("/parks").statusCode()).isEqualTo(403);

        Browser auditor = Browser.signedIn(port(), "auditor", "Parkscope2024");
        assertThat(auditor.get("/").headers().firstValue("Location").orElseThrow()).endsWith("/audit");
        assertThat(auditor.get("/audit").statusCode()).isEqualTo(200);
        assertThat(auditor.get("/enterprises").statusCode()).isEqualTo(403);
    }

    static long parkLinks(String html) {
        return Pattern.compile("<a href=\"/parks/\\d+\"").matcher(html).results().count();
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        Browser b = new Browser(port());
        HttpResponse<String> r = b.get("/enterprises");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(b.get("/api/enterprises").statusCode()).isEqualTo(401);
        assertThat(b.get("/login").body()).contains("name=\"_csrf\"", "登录");
    }

    @Test
    void wrongPasswordsAreAuditedAndNeverLockTheAccount() {
        accounts.create("locktest", "锁定测试", "Correct-horse-9", Role.TOWN_ANALYST, null, null, false);
        Browser b = new Browser(port());
        for (int i = 0; i < SignInThrottle.SOURCE_FREE - 1; i++) {
            HttpResponse<String> r = b.signIn("locktest", "wrong-password-" + i);
            assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> right = b.signIn("locktest", "Correct-horse-9");
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'locktest' and action = 'LOGIN_FAILED'")
                .query(Long.class).single()).isEqualTo((long) SignInThrottle.SOURCE_FREE - 1);
    }

    @Test
    void signInChangesTheSessionIdAndSignOutEndsTheSession() {
        Browser b = new Browser(port());
        b.get("/login");
        String before = b.sessionId().orElseThrow();
        b.signIn("analyst", "Parkscope2024");
        String after = b.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(b.get("/parks").statusCode()).isEqualTo(200);
        HttpResponse<String> out = b.post("/logout", Map.of());
        assertThat(out.headers().firstValue("Location").orElseThrow()).contains("/login?out");
        assertThat(b.get("/parks").statusCode()).isEqualTo(302);
    }

    @Test
    void formsNeedTheCsrfToken() {
        Browser b = Browser.signedIn(port(), "analyst", "Parkscope2024");
        b.get("/account");
        assertThat(b.postRaw("/account/tokens", Map.of("name", "no-csrf")).statusCode()).isEqualTo(403);
        assertThat(b.post("/account/tokens", Map.of("name", "with-csrf")).statusCode()).isEqualTo(302);
    }

    @Test
    void securityHeadersAndNoStackTraces() {
        Browser b = Browser.signedIn(port(), "analyst", "Parkscope2024");
        HttpResponse<String> page = b.get("/parks");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        HttpResponse<String> bad = b.get("/api/enterprises/not-a-number");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("格式不正确").doesNotContain("Exception", "at org.");
        HttpResponse<String> missing = b.get("/enterprises/424242424");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("未找到").doesNotContain("Exception");
    }

    @Test
    void passwordChangeAndApiTokens() {
        accounts.create("pwtest", "改密测试", "First-pass-123", Role.TOWN_ANALYST, null, null, true);
        Browser b = new Browser(port());
        HttpResponse<String> first = b.signIn("pwtest", "First-pass-123");
        assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/account?change");
        b.get("/account");
        b.post("/account/password", Map.of("current", "wrong", "password", "Second-pass-456", "repeat", "Second-pass-456"));
        assertThat(b.get("/account").body()).contains("当前密码不正确");
        b.post("/account/password", Map.of("current", "First-pass-123", "password", "short1", "repeat", "short1"));
        assertThat(b.get("/account").body()).contains("至少 10 位");
        b.post("/account/password", Map.of("current", "First-pass-123", "password", "Second-pass-456",
                "repeat", "Second-pass-456"));
        String changed = b.get("/account").body();
        assertThat(changed).contains("密码已修改").doesNotContain("请先修改初始密码");
        assertThat(new Browser(port()).signIn("pwtest", "Second-pass-456").headers().firstValue("Location")
                .orElseThrow()).doesNotContain("/login");

        b.post("/account/tokens", Map.of("name", "script"));
        String accountPage = b.get("/account").body();
        Matcher m = Pattern.compile("id=\"new-token\">(psk_[0-9a-f]+)<").matcher(accountPage);
        assertThat(m.find()).as(accountPage).isTrue();
        String token = m.group(1);
        Browser script = Browser.withToken(port(), token);
        assertThat(script.get("/api/parks").statusCode()).isEqualTo(200);
        long tokenId = accounts.tokens(accounts.find("pwtest").orElseThrow().id()).get(0).id();
        b.get("/account");
        b.post("/account/tokens/" + tokenId + "/revoke", Map.of("confirm", "yes"));
        assertThat(script.get("/api/parks").statusCode()).isEqualTo(401);
        assertThat(Browser.withToken(port(), "psk_forged").get("/api/parks").statusCode()).isEqualTo(401);
    }
}
