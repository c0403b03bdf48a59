package org.parkscope.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions end when the account is disabled or its password is reset; a one-time password gates everything. */
@PlatformTest
class AccountSessionsIT {

    static final String PASSWORD = "Correct-horse-9";

    @Autowired Environment env;
    @Autowired AccountStore accounts;
    @Autowired AdminCommand adminCommand;
    @Autowired JdbcClient jdbc;

    int port() {
        return Integer.parseInt(env.getProperty("local.server.port"));
    }

    @Test
    void disablingAnAccountEndsEachOfItsSessionsAtOnce() {
        long id = accounts.create("sessions1", "会话测试", PASSWORD, Role.TOWN_ANALYST, null, null, false);
        Browser first = Browser.signedIn(port(), "sessions1", PASSWORD);
        Browser second = Browser.signedIn(port(), "sessions1", PASSWORD);
        Browser script = Browser.withToken(port(), accounts.issueToken(id, "script"));
        assertThat(first.get("/parks").statusCode()).isEqualTo(200);
        assertThat(second.get("/api/parks").statusCode()).isEqualTo(200);

        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        admin.get("/admin/users");
        assertThat(admin.post("/admin/users/" + id + "/enabled", Map.of("enabled", "false")).statusCode()).isEqualTo(302);

        HttpResponse<String> page = first.get("/parks");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(second.get("/api/parks").statusCode()).isEqualTo(401);
        assertThat(script.get("/api/parks").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'sessions1' and action = 'SESSION_ENDED'"
                + " and after ->> 'reason' = 'disabled'").query(Long.class).single()).isEqualTo(2L);

        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/enabled", Map.of("enabled", "true"));
        assertThat(first.get("/parks").statusCode()).as("an ended session stays ended").isEqualTo(302);
        assertThat(Browser.signedIn(port(), "sessions1", PASSWORD).get("/parks").statusCode()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeEndsTheOtherSessionsAndAnAdministratorsResetEndsThemAll() {
        accounts.create("sessions2", "会话测试", PASSWORD, Role.TOWN_ANALYST, null, null, false);
        Browser here = Browser.signedIn(port(), "sessions2", PASSWORD);
        Browser elsewhere = Browser.signedIn(port(), "sessions2", PASSWORD);
        here.get("/account");
        here.post("/account/password", Map.of("current", PASSWORD, "password", "Second-pass-456", "repeat",
                "Second-pass-456"));
        assertThat(here.get("/parks").statusCode()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(elsewhere.get("/parks").statusCode()).isEqualTo(302);

        assertThat(adminCommand.createAdmin(List.of("sessions2"), quiet(), quiet())).isEqualTo(AdminCommand.OK);
        HttpResponse<String> after = here.get("/parks");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void anAdministratorsResetOnThePageEndsTheSessionsButNotTheirOwn() {
        long id = accounts.create("sessions3", "会话测试", PASSWORD, Role.TOWN_ANALYST, null, null, false);
        String adminHash = passwordHash("admin");
        Browser user = Browser.signedIn(port(), "sessions3", PASSWORD);
        Browser admin = Browser.signedIn(port(), "admin", "Parkscope2024");
        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/password", Map.of());
        Matcher shown = Pattern.compile("一次性密码（仅显示这一次，登录后须修改）：(\\S+?)<").matcher(admin.get("/admin/users").body());
        assertThat(shown.find()).isTrue();
        assertThat(user.get("/parks").statusCode()).isEqualTo(302);
        assertThat(new Browser(port()).signIn("sessions3", shown.group(1)).headers().firstValue("Location").orElseThrow())
                .endsWith("/account?change");

        long adminId = accounts.find("admin").orElseThrow().id();
        admin.post("/admin/users/" + adminId + "/enabled", Map.of("enabled", "false"));
        admin.post("/admin/users/" + adminId + "/password", Map.of());
        assertThat(admin.get("/admin/users").body()).contains("不能在这里停用或重置自己的账户");
        assertThat(accounts.find("admin").orElseThrow().enabled()).isTrue();
        assertThat(passwordHash("admin")).isEqualTo(adminHash);
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() {
        long id = accounts.create("onetime", "一次性密码测试", PASSWORD, Role.TOWN_ANALYST, null, null, true);
        Browser token = Browser.withToken(port(), accounts.issueToken(id, "before"));
        Browser b = new Browser(port());
        assertThat(b.signIn("onetime", PASSWORD).headers().firstValue("Location").orElseThrow()).endsWith("/account?change");

        for (String path : List.of("/", "/parks", "/enterprises", "/map")) {
            HttpResponse<String> r = b.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/account?change");
        }
        HttpResponse<String> api = b.get("/api/parks");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("password-change-required", "须先修改一次性密码");
        HttpResponse<String> byToken = token.get("/api/enterprises");
        assertThat(byToken.statusCode()).isEqualTo(403);
        assertThat(byToken.body()).contains("须先修改一次性密码");
        assertThat(b.get("/css/app.css").statusCode()).isEqualTo(200);

        assertThat(b.get("/account?lang=en").statusCode()).isEqualTo(200);
        assertThat(b.get("/api/parks").body()).contains("The one-time password must be changed first");
        HttpResponse<String> issue = b.post("/account/tokens", Map.of("name", "refused"));
        assertThat(issue.headers().firstValue("Location").orElseThrow()).endsWith("/account?change");
        assertThat(accounts.tokens(id)).extracting(AccountStore.TokenRow::name).containsExactly("before");

        b.get("/account");
        b.post("/account/password", Map.of("current", PASSWORD, "password", "Second-pass-456", "repeat",
                "Second-pass-456"));
        assertThat(b.get("/parks").statusCode()).isEqualTo(200);
        assertThat(b.get("/api/parks").statusCode()).isEqualTo(200);
        assertThat(token.get("/api/parks").statusCode()).isEqualTo(200);
        assertThat(b.post("/logout", Map.of()).headers().firstValue("Location").orElseThrow()).contains("/login?out");
    }

    @Test
    void createAdminWithoutANameFailsAndLeavesAdminAlone() {
        String hash = passwordHash("admin");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = adminCommand.createAdmin(List.of(), quiet(), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(AdminCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("用法：./parkscope create-admin", "usage: ./parkscope create-admin NAME");
        assertThat(adminCommand.createAdmin(List.of(" "), quiet(), quiet())).isEqualTo(AdminCommand.USAGE);
        assertThat(adminCommand.createAdmin(List.of("a", "b"), quiet(), quiet())).isEqualTo(AdminCommand.USAGE);
        assertThat(passwordHash("admin")).isEqualTo(hash);
        assertThat(accounts.find("admin").orElseThrow().mustChangePassword()).isFalse();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(adminCommand.createAdmin(List.of("cliadmin"), new PrintStream(out, true, StandardCharsets.UTF_8),
                quiet())).isEqualTo(AdminCommand.OK);
        Account created = accounts.find("cliadmin").orElseThrow();
        assertThat(created.role()).isEqualTo(Role.TOWN_ADMIN);
        assertThat(created.mustChangePassword()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("一次性密码：", "one-time password: ");
    }

    private String passwordHash(String username) {
        return jdbc.sql("select password_hash from app_user where username = ?").param(username).query(String.class).single();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
