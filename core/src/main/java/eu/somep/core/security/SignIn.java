package eu.somep.core.security;

import eu.somep.core.audit.AuditLog;
import java.util.Optional;

/** Every sign-in path (the form, the token API) goes through here: throttling, password check, audit log. */
public final class SignIn {
    private final Users users;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public SignIn(Users users, LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** The outcome: a user, or a refusal; {@code retryAfter} > 0 when too many attempts failed. */
    public record Outcome(Optional<User> user, long retryAfter) {
    }

    public Outcome attempt(String username, String password, String via) {
        var req = Current.get().request();
        String address = req == null ? "local" : req.getRemoteAddr();
        long wait = throttle.retryAfter(username, address);
        if (wait > 0) {
            audit.record(null, username, "auth/throttled", via, "Refused without checking the password; retry after " + wait + " s", address);
            return new Outcome(Optional.empty(), wait);
        }
        Optional<User> user = users.authenticate(username, password);
        if (user.isPresent()) {
            throttle.succeeded(username);
            audit.record(user.get(), null, "auth/login", via, null, address);
        } else {
            throttle.failed(username, address);
            audit.record(null, username, "auth/login-failed", via, null, address);
        }
        return new Outcome(user, 0);
    }
}
