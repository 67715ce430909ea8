package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.security.Profile;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;

/** The signed-in user's own profile as JSON under {@code /api/profile}. */
@Path("api/profile")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfileApi {
    private final Users users;
    private final AuditLog audit;
    private final MessageCatalog messages;

    public ProfileApi(Users users, AuditLog audit, MessageCatalog messages) {
        this.users = users;
        this.audit = audit;
        this.messages = messages;
    }

    @GET
    @PublicAccess // every signed-in user, their own profile only
    public Profile get() {
        return users.profile(TokenApi.signedIn());
    }

    @PUT
    @PublicAccess
    @Consumes(MediaType.APPLICATION_JSON)
    public Profile put(Profile sent) {
        User u = TokenApi.signedIn();
        if (sent == null) throw Problem.badRequest("Send a JSON object with displayName, email, country, organisation, language and timezone.");
        Profile p = sent.normalised();
        List<String> problems = p.problems();
        if (!problems.isEmpty()) {
            throw new Problem(422, "Invalid profile", String.join(" ", problems.stream().map(k -> messages.get(Locale.ENGLISH, k)).toList()));
        }
        users.saveProfile(u, p);
        audit.record("user/profile", u.username(), "via the API");
        return users.profile(u);
    }
}
