package eu.somep.core.security;

import eu.somep.core.audit.AuditLog;
import java.util.Optional;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.UsernamePasswordToken;

/** Every sign-in path (the form, the token API, a password change) goes through here: throttling, Shiro, audit log. */
public final class SignIn {
    private final Shiro shiro;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public SignIn(Shiro shiro, LoginThrottle throttle, AuditLog audit) {
        this.shiro = shiro;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * The outcome: a user, or a refusal; {@code retryAfter} > 0 when too many attempts failed; {@code state} is
     * {@code unconfirmed} or {@code pending} when the password was right but the account cannot sign in yet.
     */
    public record Outcome(Optional<User> user, long retryAfter, String state) {
    }

    public Outcome attempt(String username, String password, String via) {
        var req = Current.get().request();
        String address = req == null ? "local" : req.getRemoteAddr();
        long wait = throttle.retryAfter(username, address);
        if (wait > 0) {
            audit.record(null, username, "auth/throttled", via, "Refused without checking the password; retry after " + wait + " s", address);
            return new Outcome(Optional.empty(), wait, null);
        }
        try {
            AuthenticationInfo info = shiro.manager().authenticate(new UsernamePasswordToken(username, password == null ? "" : password));
            User user = ((Users.Account) info.getPrincipals().getPrimaryPrincipal()).user();
            throttle.succeeded(username);
            audit.record(user, null, "auth/login", via, null, address);
            return new Outcome(Optional.of(user), 0, null);
        } catch (SomepRealm.Unconfirmed | SomepRealm.Pending e) {
            String state = e instanceof SomepRealm.Unconfirmed ? Users.UNCONFIRMED : Users.PENDING;
            audit.record(null, username, "auth/login-refused", via, "The account is " + state, address);
            return new Outcome(Optional.empty(), 0, state);
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            audit.record(null, username, "auth/login-failed", via, null, address);
            return new Outcome(Optional.empty(), 0, null);
        }
    }
}
