package eu.somep.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-11-24T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };

    @Test
    void the_lock_lifts_when_the_window_has_passed_and_names_ignore_case() {
        LoginThrottle t = new LoginThrottle(3, 100, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) t.failed("Admin", "10.0.0.1");
        long wait = t.retryAfter("admin", "10.0.0.2");
        assertTrue(wait > 14 * 60 && wait <= 15 * 60, "about 15 minutes: " + wait);
        now = now.plus(Duration.ofMinutes(15)).plusSeconds(1);
        assertEquals(0, t.retryAfter("admin", "10.0.0.2"));
    }

    @Test
    void an_address_is_limited_across_names() {
        LoginThrottle t = new LoginThrottle(100, 2, Duration.ofMinutes(1), clock);
        t.failed("a", "10.0.0.9");
        assertEquals(0, t.retryAfter("b", "10.0.0.9"));
        t.failed("b", "10.0.0.9");
        assertTrue(t.retryAfter("c", "10.0.0.9") > 0);
        assertEquals(0, t.retryAfter("c", "10.0.0.10"));
    }
}
