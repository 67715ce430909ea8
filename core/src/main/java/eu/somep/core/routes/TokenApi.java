package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.security.Current;
import eu.somep.core.security.SignIn;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** {@code POST /api/tokens} with a JSON username and password returns a bearer token for API clients. */
@Path("api/tokens")
public final class TokenApi {
    private final Users users;
    private final SignIn signIn;
    private final AuditLog audit;

    public TokenApi(Users users, SignIn signIn, AuditLog audit) {
        this.users = users;
        this.signIn = signIn;
        this.audit = audit;
    }

    public record Credentials(String username, String password, String label) {
    }

    @POST
    @PublicAccess
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(Credentials c) {
        if (c == null || c.username() == null || c.password() == null) throw Problem.badRequest("Send a JSON object with username and password.");
        SignIn.Outcome outcome = signIn.attempt(c.username(), c.password(), "token");
        if (outcome.retryAfter() > 0) {
            throw new Problem(429, "Too many requests", "Too many failed sign-in attempts. Try again in " + outcome.retryAfter() + " seconds.");
        }
        if (outcome.state() != null) throw new Problem(403, "Forbidden", Users.UNCONFIRMED.equals(outcome.state())
                ? "This account's e-mail address is not confirmed yet: follow the link in the mail SOMEP sent."
                : "This account waits for an administrator's approval.");
        User u = outcome.user().orElseThrow(() -> new Problem(401, "Unauthorized", "Wrong user name or password."));
        String label = c.label() == null || c.label().isBlank() ? "api" : c.label().trim();
        if (label.length() > 100) throw Problem.badRequest("A token label has at most 100 characters.");
        String token = users.issueToken(u, label);
        audit.record(u, null, "auth/token", label, "created", null);
        return Response.status(201).entity(Map.of("token", token, "username", u.username(), "label", label)).build();
    }

    /** The caller's own tokens (never the tokens themselves). */
    @GET
    @PublicAccess
    @Produces(MediaType.APPLICATION_JSON)
    public List<Users.TokenInfo> list() {
        return users.tokens(signedIn());
    }

    /** Revokes one of the caller's own tokens; it stops working on the very next request. */
    @DELETE
    @Path("{id}")
    @PublicAccess
    public Response revoke(@PathParam("id") String id) {
        User u = signedIn();
        if (!users.revokeToken(u, id)) throw Problem.notFound("You have no token with the id '" + id + "'.");
        audit.record("auth/token", id, "revoked");
        return Response.noContent().build();
    }

    /** Token routes are for any signed-in user, each on their own tokens only (an object-level check). */
    static User signedIn() {
        return Current.get().user().orElseThrow(() -> new Problem(401, "Unauthorized", "Sign in first."));
    }
}
