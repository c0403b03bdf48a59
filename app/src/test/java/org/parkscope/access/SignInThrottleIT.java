package org.parkscope.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-in throttling through the real security filter chain, with requests from chosen source addresses (MockMvc can
 * set them; a real client on this host is always 127.0.0.1) and a clock the test moves by hand.
 */
@PlatformTest
class SignInThrottleIT {

    @Autowired WebApplicationContext context;
    @Autowired @Qualifier("springSecurityFilterChain") Filter security;
    @Autowired AccountStore accounts;
    @Autowired SignInThrottle throttle;
    @Autowired JdbcClient jdbc;

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    final HandClock clock = new HandClock();
    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).addFilters(security).build();
        throttle.clock(clock);
    }

    @AfterEach
    void restore() {
        throttle.clock(Clock.systemUTC());
    }

    @Test
    void failuresFromOneSourceAreDelayedWhileAnotherSourceStillSignsIn() throws Exception {
        accounts.create("throttle1", "限流测试", "Correct-horse-9", Role.TOWN_ANALYST, null, null, false);
        String a = "198.51.100.1";
        for (int i = 1; i < SignInThrottle.SOURCE_FREE; i++) {
            assertThat(signIn(a, "throttle1", "wrong-" + i)).isEqualTo("/login?error");
        }
        assertThat(signIn(a, "throttle1", "wrong-5")).isEqualTo("/login?error&wait=2");
        assertThat(signIn(a, "throttle1", "Correct-horse-9")).as("refused before the password is checked")
                .isEqualTo("/login?wait=2");
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(a, "throttle1", "Correct-horse-9")).isEqualTo("/login?wait=1");
        assertThat(page("/login?wait=1")).contains("请 1 秒后再试");

        assertThat(signIn("198.51.100.2", "throttle1", "Correct-horse-9")).as("another source").isEqualTo("/");
        clock.advance(Duration.ofSeconds(1));
        assertThat(signIn(a, "throttle1", "wrong-6")).as("the delay grows").isEqualTo("/login?error&wait=4");
        clock.advance(Duration.ofSeconds(4));
        assertThat(signIn(a, "throttle1", "Correct-horse-9")).isEqualTo("/");
        assertThat(signIn(a, "throttle1", "wrong-7")).as("a success clears the source's count").isEqualTo("/login?error");

        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'throttle1' and action = 'LOGIN_THROTTLED'")
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'throttle1' and action = 'LOGIN_FAILED'")
                .query(Long.class).single()).as("refused attempts reach no password check").isEqualTo(7L);
    }

    @Test
    void unknownAndKnownNamesAreAnsweredAlike() throws Exception {
        accounts.create("throttle2", "限流测试", "Correct-horse-9", Role.TOWN_ANALYST, null, null, false);
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i <= SignInThrottle.SOURCE_FREE; i++) {
            known.add(signIn("198.51.100.3", "throttle2", "wrong-" + i));
            unknown.add(signIn("198.51.100.4", "nobody-here", "wrong-" + i));
        }
        assertThat(known).isEqualTo(unknown).contains("/login?error", "/login?error&wait=2", "/login?wait=2");

        long id = accounts.find("throttle2").orElseThrow().id();
        accounts.setEnabled(id, false);
        assertThat(signIn("198.51.100.5", "throttle2", "Correct-horse-9")).as("disabled, right password")
                .isEqualTo(signIn("198.51.100.6", "nobody-here", "Correct-horse-9")).isEqualTo("/login?error");
    }

    @Test
    void failuresFromManySourcesDelayTheAccountOnlyModestly() throws Exception {
        accounts.create("throttle3", "限流测试", "Correct-horse-9", Role.TOWN_ANALYST, null, null, false);
        String last = null;
        for (int i = 1; i <= SignInThrottle.ACCOUNT_FREE; i++) {
            last = signIn("203.0.113." + i, "throttle3", "wrong");
        }
        assertThat(last).isEqualTo("/login?error&wait=2");
        assertThat(signIn("203.0.113.200", "throttle3", "Correct-horse-9")).isEqualTo("/login?wait=2");
        clock.advance(Duration.ofSeconds(2));
        assertThat(signIn("203.0.113.200", "throttle3", "Correct-horse-9")).isEqualTo("/");
    }

    /** Signs in from the source through the real form and returns where the answer redirects. */
    private String signIn(String source, String username, String password) throws Exception {
        MockHttpSession session = new MockHttpSession();
        String form = mvc.perform(get("/login").session(session).with(r -> from(r, source))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();
        MockHttpServletResponse r = mvc.perform(post("/login").session(session).with(q -> from(q, source))
                .param("username", username).param("password", password).param("_csrf", csrf.group(1)))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(302);
        return r.getRedirectedUrl();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private static org.springframework.mock.web.MockHttpServletRequest from(
            org.springframework.mock.web.MockHttpServletRequest request, String source) {
        request.setRemoteAddr(source);
        return request;
    }

    /** A clock that moves only when told. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
