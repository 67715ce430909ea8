package eu.somep.core.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing on every sign-in path (the form and the token API): after too many failures
 * in a window, for one account name or from one address, further attempts are refused without checking the
 * password until the window has passed. Names are counted whether or not the account exists, so the refusal
 * says nothing about which accounts exist. A success clears the account's failures.
 */
public final class LoginThrottle {
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Seconds until another attempt is allowed, or 0 when this one may go ahead. */
    public long retryAfter(String username, String address) {
        return Math.max(wait(accountKey(username), perAccount), wait("ip:" + address, perAddress));
    }

    public void failed(String username, String address) {
        add(accountKey(username));
        add("ip:" + address);
    }

    public void succeeded(String username) {
        failures.remove(accountKey(username));
    }

    private static String accountKey(String username) {
        return "user:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private void add(String key) {
        long now = clock.millis();
        Deque<Long> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            prune(d, now);
            d.addLast(now);
        }
        if (failures.size() > 100_000) failures.clear(); // bounded memory under a flood of names
    }

    private long wait(String key, int limit) {
        Deque<Long> d = failures.get(key);
        if (d == null) return 0;
        long now = clock.millis();
        synchronized (d) {
            prune(d, now);
            if (d.size() < limit) return 0;
            return Math.max(1, (d.peekFirst() + window.toMillis() - now + 999) / 1000);
        }
    }

    private void prune(Deque<Long> d, long now) {
        while (!d.isEmpty() && d.peekFirst() <= now - window.toMillis()) d.removeFirst();
    }
}
