package eu.somep.core.routes;

import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.View;
import eu.somep.core.security.Current;
import eu.somep.core.security.SecurityFilter;
import eu.somep.core.security.User;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.security.SignIn;
import eu.somep.core.security.Registration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/** Sign-in and sign-out with a session: the session id changes at sign-in, and the session ends at sign-out. */
@Path("/")
public final class LoginRoutes {
    private final SignIn signIn;
    private final AuditLog audit;
    private final Registration registration;

    public LoginRoutes(SignIn signIn, AuditLog audit, Registration registration) {
        this.signIn = signIn;
        this.audit = audit;
        this.registration = registration;
    }

    @GET
    @Path("login")
    @PublicAccess
    @Produces(MediaType.TEXT_HTML)
    public View form(@QueryParam("next") String next) {
        return View.of("kernel/login.ftlh").with("next", safeNext(next)).with("failed", false).with("throttled", 0).with("username", "")
                .with("state", "").with("registration", !"off".equals(registration.mode()));
    }

    @POST
    @Path("login")
    @PublicAccess
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("username") String username, @FormParam("password") String password, @FormParam("next") String next) {
        SignIn.Outcome outcome = signIn.attempt(username, password, "form");
        Optional<User> user = outcome.user();
        if (user.isEmpty()) {
            long minutes = (outcome.retryAfter() + 59) / 60;
            View again = View.of("kernel/login.ftlh").with("next", safeNext(next)).with("failed", outcome.retryAfter() == 0 && outcome.state() == null)
                    .with("throttled", minutes).with("username", username == null ? "" : username)
                    .with("state", outcome.state() == null ? "" : outcome.state()).with("registration", !"off".equals(registration.mode()));
            Response.ResponseBuilder r = Response.status(outcome.retryAfter() > 0 ? 429 : outcome.state() != null ? 403 : 401).type(MediaType.TEXT_HTML_TYPE).entity(again);
            if (outcome.retryAfter() > 0) r.header("Retry-After", outcome.retryAfter());
            return r.build();
        }
        HttpServletRequest req = Current.get().request();
        req.changeSessionId(); // no session fixation
        HttpSession session = req.getSession();
        session.setAttribute(SecurityFilter.SESSION_USER, user.get().id());
        session.setAttribute(SecurityFilter.SESSION_SINCE, System.currentTimeMillis());
        return Response.seeOther(URI.create(safeNext(next))).build();
    }

    @POST
    @Path("logout")
    @PublicAccess
    public Response logout() {
        HttpSession s = Current.get().request().getSession(false);
        if (Current.get().user().isPresent()) audit.record("auth/logout", "form", null);
        if (s != null) s.invalidate();
        return Response.seeOther(URI.create("/")).build();
    }

    /** Only a path on this site, so sign-in cannot be used to send people elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
        for (char c : next.toCharArray()) {
            if (c < 0x21 || c == 0x7f || c == '\\') return "/";
        }
        try {
            URI u = new URI(next);
            return u.getScheme() == null && u.getRawAuthority() == null ? next : "/";
        } catch (java.net.URISyntaxException e) {
            return "/";
        }
    }
}
