package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.security.Profile;
import eu.somep.core.security.SignIn;
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
    private final SignIn signIn;

    private final eu.somep.core.privacy.Privacy privacy;

    public ProfileApi(Users users, AuditLog audit, MessageCatalog messages, SignIn signIn, eu.somep.core.privacy.Privacy privacy) {
        this.privacy = privacy;
        this.users = users;
        this.audit = audit;
        this.messages = messages;
        this.signIn = signIn;
    }

    /** "My data": one zip archive of everything the kernel and the running plugins store about the caller. */
    @GET
    @Path("data")
    @PublicAccess
    @Produces("application/zip")
    public jakarta.ws.rs.core.Response data() {
        User u = TokenApi.signedIn();
        audit.record("user/export", u.username(), "own data");
        return UsersApi.archive(privacy, u);
    }

    public record PasswordChange(String current, String password) {
    }

    /** Changes the caller's password; the current one is checked (and throttled) like a sign-in. */
    @PUT
    @Path("password")
    @PublicAccess
    @Consumes(MediaType.APPLICATION_JSON)
    public jakarta.ws.rs.core.Response password(PasswordChange change) {
        User u = TokenApi.signedIn();
        if (change == null) throw Problem.badRequest("Send a JSON object with current and password.");
        String problem = changePassword(users, signIn, u, change.current(), change.password(), change.password());
        if (problem != null) throw new Problem(problem.equals("kernel.profile.error.current") ? 403 : 422, "Password not changed", messages.get(Locale.ENGLISH, problem));
        audit.record("user/password", u.username(), "via the API");
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    /** Shared by the page and the API: the message key of what is wrong, or null when the password was changed. */
    static String changePassword(Users users, SignIn signIn, User u, String current, String password, String confirm) {
        SignIn.Outcome check = signIn.attempt(u.username(), current == null ? "" : current, "password-change");
        if (check.retryAfter() > 0) return "kernel.login.toomany";
        if (check.user().isEmpty()) return "kernel.profile.error.current";
        if (password == null || password.length() < 10 || password.length() > 200) return "kernel.profile.error.password";
        if (!password.equals(confirm)) return "kernel.profile.error.confirm";
        users.setPassword(u, password);
        return null;
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
