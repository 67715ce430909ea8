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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/tokens} with a JSON username and password returns a bearer token for API clients; an optional
 * {@code expiresInDays} (1 to 3650) makes it expire, else it lives until revoked.
 */
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

    /** {@code expiresInDays} is read as any JSON value, so that a string or a fraction gets a clear message rather than a guess. */
    public record Credentials(String username, String password, String label, Object expiresInDays) {
    }

    static final String DAYS_PROBLEM = "expiresInDays is the token's lifetime in whole days, from 1 to " + Users.MAX_TOKEN_DAYS
            + "; leave it out for a token that lives until it is revoked.";

    @POST
    @PublicAccess
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(Credentials c) {
        if (c == null || c.username() == null || c.password() == null) throw Problem.badRequest("Send a JSON object with username and password.");
        Instant expires = c.expiresInDays() == null ? null : Users.tokenExpiry(days(c.expiresInDays()));
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
        String token = users.issueToken(u, label, expires);
        audit.record(u, null, "auth/token", label, expires == null ? "created" : "created, expires " + expires, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token", token);
        body.put("username", u.username());
        body.put("label", label);
        body.put("expires", expires == null ? null : expires.toString());
        return Response.status(201).entity(body).build();
    }

    /** The days of {@code expiresInDays}: a JSON whole number from 1 to 3650, else 422 with what to send. */
    static int days(Object value) {
        // Jackson reads a JSON whole number as Integer, Long or BigInteger (only the first two can be in range)
        if (value instanceof Integer || value instanceof Long) {
            long d = ((Number) value).longValue();
            if (d >= 1 && d <= Users.MAX_TOKEN_DAYS) return (int) d;
        }
        throw new Problem(422, "Invalid expiresInDays", DAYS_PROBLEM);
    }

    /** A token in the listing: {@code created} and {@code expires} as ISO-8601 instants, {@code expires} null for never. */
    public record Listed(String id, String label, String created, String expires, boolean expired) {
        static Listed of(Users.TokenInfo t) {
            return new Listed(t.id(), t.label(), t.created().toString(), t.expires() == null ? null : t.expires().toString(), t.expired());
        }
    }

    /** The caller's own tokens (never the tokens themselves), expired ones included until they are revoked. */
    @GET
    @PublicAccess
    @Produces(MediaType.APPLICATION_JSON)
    public List<Listed> list() {
        return users.tokens(signedIn()).stream().map(Listed::of).toList();
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
