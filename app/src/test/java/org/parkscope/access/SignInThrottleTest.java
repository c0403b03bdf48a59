package org.parkscope.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SignInThrottleTest {

    final SignInThrottleIT.HandClock clock = new SignInThrottleIT.HandClock();
    final SignInThrottle throttle = new SignInThrottle();

    SignInThrottleTest() {
        throttle.clock(clock);
    }

    @Test
    void theSourceDelayDoublesUpToAMinute() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(throttle.failed("10.0.0.1", "user-" + i).waitSeconds()); // other names: the source counts
            clock.advance(Duration.ofSeconds(waits.get(i)));
        }
        assertThat(waits).containsExactly(0L, 0L, 0L, 0L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
    }

    @Test
    void theAccountDelayStaysModestAndCountsUnknownNamesAlike() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("10.1.0." + i, "Someone");
        }
        assertThat(throttle.secondsToWait("10.2.0.1", "someone")).isEqualTo(10);
        assertThat(throttle.secondsToWait("10.2.0.1", "someone-else")).isZero();
    }

    @Test
    void countsAreForgottenAfterTheWindowAndASuccessClearsTheSource() {
        for (int i = 0; i < SignInThrottle.SOURCE_FREE; i++) {
            throttle.failed("10.0.0.2", "a");
        }
        assertThat(throttle.secondsToWait("10.0.0.2", "b")).isEqualTo(2);
        throttle.succeeded("10.0.0.2");
        assertThat(throttle.secondsToWait("10.0.0.2", "b")).isZero();
        for (int i = 0; i < SignInThrottle.SOURCE_FREE + 3; i++) {
            throttle.failed("10.0.0.3", "c");
        }
        clock.advance(SignInThrottle.WINDOW.plusSeconds(1));
        assertThat(throttle.secondsToWait("10.0.0.3", "c")).isZero();
        assertThat(throttle.failed("10.0.0.3", "c").waitSeconds()).as("counting starts again").isZero();
    }

    @Test
    void stateIsBounded() {
        for (int i = 0; i < SignInThrottle.SOURCE_FREE; i++) {
            throttle.failed("10.9.9.9", "x");
        }
        for (int i = 0; i <= SignInThrottle.MAX_ENTRIES; i++) {
            throttle.failed("s" + i, "n" + i);
        }
        assertThat(throttle.secondsToWait("10.9.9.9", "y")).as("the least recently used source went first").isZero();
    }

    @Test
    void anIpv6SourceIsItsNetwork() {
        MockHttpServletRequest one = new MockHttpServletRequest();
        one.setRemoteAddr("2001:db8:1:2:aaaa::1");
        MockHttpServletRequest two = new MockHttpServletRequest();
        two.setRemoteAddr("2001:db8:1:2:bbbb::9");
        MockHttpServletRequest v4 = new MockHttpServletRequest();
        v4.setRemoteAddr("192.0.2.7");
        assertThat(SignInThrottle.source(one)).isEqualTo(SignInThrottle.source(two)).endsWith("/64");
        assertThat(SignInThrottle.source(v4)).isEqualTo("192.0.2.7");
    }
}
