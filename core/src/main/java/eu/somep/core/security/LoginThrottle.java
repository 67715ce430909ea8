package eu.somep.core.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Slows down password guessing on every sign-in path (the form and the token API): after too many failures
 * in a window, for one account name or from one address, further attempts are refused without checking the
 * password until the window has passed. Names are counted whether or not the account exists, so the refusal
 * says nothing about which accounts exist. A success clears the account's failures.
 *
 * <p>In a cluster every node counts every node's failures: each failure and success is also told to the other nodes
 * ({@link #shareWith}), which count it as their own ({@link #heard}), so spreading guesses over the nodes gains nothing.
 */
public final class LoginThrottle {
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final ConcurrentHashMap<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    /** Where failures and successes go for the other nodes; nowhere on a single node. */
    private volatile Consumer<String> share = m -> { };

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
        tell("+" + accountKey(username));
        tell("+ip:" + address);
    }

    public void succeeded(String username) {
        failures.remove(accountKey(username));
        tell("-" + accountKey(username));
    }

    /** Sends this node's failures and successes to {@code out} (a cluster's message channel). */
    public void shareWith(Consumer<String> out) {
        share = out;
    }

    /** A failure ({@code +key}) or success ({@code -key}) another node told. */
    public void heard(String message) {
        if (message == null || message.length() < 2) return;
        String key = message.substring(1);
        if (message.charAt(0) == '+') add(key);
        else if (message.charAt(0) == '-') failures.remove(key);
    }

    private void tell(String message) {
        // a name too long to share is counted on this node only (no account has such a name anyway)
        if (message.length() <= 1_000) share.accept(message);
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
