package eu.somep.core.security;

import eu.somep.api.security.UserContext;
import eu.somep.core.access.Access;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The request being served on this thread: who makes it, in which language, and its CSRF token.
 * Set by {@link SecurityFilter} for the length of one request.
 */
public final class Current implements UserContext {
    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();
    private static final Current GUEST = new Current(null, null, Locale.ENGLISH, false, null, null);

    private final User user;
    private final HttpServletRequest request;
    private final Locale locale;
    private final boolean viaToken;
    private final Access access;
    private final Shiro shiro;
    private org.apache.shiro.subject.Subject subject;

    Current(User user, HttpServletRequest request, Locale locale, boolean viaToken, Access access, Shiro shiro) {
        this.user = user;
        this.request = request;
        this.locale = locale;
        this.viaToken = viaToken;
        this.access = access;
        this.shiro = shiro;
    }

    public static Current get() {
        Current c = CURRENT.get();
        return c == null ? GUEST : c;
    }

    static void set(Current c) {
        CURRENT.set(c);
    }

    static void clear() {
        CURRENT.remove();
    }

    public Optional<User> user() { return Optional.ofNullable(user); }
    public Locale locale() { return locale; }
    public boolean viaToken() { return viaToken; }
    public HttpServletRequest request() { return request; }

    /** The session's CSRF token, creating the session and token when a page needs one (a form). */
    public String csrfToken() {
        // a bearer-token client needs none, and must not get a session (one per request) just for a form it never sends
        if (request == null || viaToken) return "";
        return Csrf.token(request.getSession(true));
    }

    @Override public Optional<Long> userId() { return user().map(User::id); }
    @Override public Optional<String> displayName() { return user().map(User::displayName); }

    /** The capability in the site context, from the user's roles (a site administrator has every capability). */
    @Override
    public boolean can(String capability) {
        return can(capability, Access.SITE);
    }

    /**
     * The capability in a context. A signed-in user is asked through their Shiro subject (whose realm asks
     * {@link Access}); a guest has no Shiro principal, so the guest role is asked directly.
     */
    public boolean can(String capability, long context) {
        if (access == null) return false;
        if (user == null || shiro == null) return access.can(user, capability, context);
        if (subject == null) subject = shiro.subject(user);
        return subject.isPermitted(context == Access.SITE ? capability : capability + "@" + context);
    }

    /** The facade plugins get as their {@link UserContext} service: always the current request's. */
    public static final UserContext SERVICE = new UserContext() {
        @Override public Optional<Long> userId() { return get().userId(); }
        @Override public Optional<String> displayName() { return get().displayName(); }
        @Override public boolean can(String capability) { return get().can(capability); }
    };
}
