package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.core.security.SignIn;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code POST /api/tokens} with a JSON username and password returns a bearer token for API clients. */
@Path("api/tokens")
public final class TokenApi {
    private final Users users;
    private final SignIn signIn;

    public TokenApi(Users users, SignIn signIn) {
        this.users = users;
        this.signIn = signIn;
    }

    public record Credentials(String username, String password) {
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
        User u = outcome.user().orElseThrow(() -> new Problem(401, "Unauthorized", "Wrong user name or password."));
        return Response.status(201).entity(Map.of("token", users.issueToken(u, "api"), "username", u.username())).build();
    }
}
