package eu.somep.core.routes;

import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.View;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.i18n.Languages;
import eu.somep.core.security.Current;
import eu.somep.core.security.Profile;
import eu.somep.core.security.SignIn;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The signed-in user's profile page: who they are, and their personal API tokens (create, revoke). */
@Path("profile")
@Produces(MediaType.TEXT_HTML)
public final class ProfilePage {
    private final Users users;
    private final AuditLog audit;
    private final SignIn signIn;

    private final eu.somep.core.privacy.Privacy privacy;

    public ProfilePage(Users users, AuditLog audit, SignIn signIn, eu.somep.core.privacy.Privacy privacy) {
        this.privacy = privacy;
        this.users = users;
        this.audit = audit;
        this.signIn = signIn;
    }

    @POST
    @Path("password")
    @PublicAccess
    public Response password(@FormParam("current") String current, @FormParam("password") String password, @FormParam("confirm") String confirm) {
        User u = TokenApi.signedIn();
        String problem = ProfileApi.changePassword(users, signIn, u, current, password, confirm);
        if (problem != null) return Response.status(400).entity(view(u, null, null).with("problems", List.of(problem))).build();
        audit.record("user/password", u.username(), "on the profile page");
        Current.get().request().changeSessionId(); // a new password, a new session id
        return Response.status(200).entity(view(u, null, null).with("passwordChanged", true)).build();
    }

    @GET
    @PublicAccess // for every signed-in user, on their own account: checked below
    public View page() {
        return view(TokenApi.signedIn(), null, null);
    }

    /** Saves the profile form; with a problem, the form comes back with what was typed and what to fix. */
    @POST
    @PublicAccess
    public Response save(@FormParam("displayName") String displayName, @FormParam("email") String email, @FormParam("country") String country,
                         @FormParam("organisation") String organisation, @FormParam("language") String language, @FormParam("timezone") String timezone) {
        User u = TokenApi.signedIn();
        Profile p = new Profile(displayName, email, country, organisation, language, timezone).normalised();
        List<String> problems = p.problems();
        if (!problems.isEmpty()) {
            return Response.status(400).entity(view(u, null, null).with("profile", p).with("problems", problems)).build();
        }
        users.saveProfile(u, p);
        audit.record("user/profile", u.username(), null);
        return Response.seeOther(URI.create("/profile")).build();
    }

    @POST
    @Path("tokens")
    @PublicAccess
    public Response create(@FormParam("label") String label, @FormParam("expiresInDays") String expiresInDays) {
        User u = TokenApi.signedIn();
        String l = label == null || label.isBlank() ? "api" : label.trim();
        if (l.length() > 100) return Response.status(400).entity(view(u, null, "kernel.profile.label.long")).build();
        Instant expires = null;
        if (expiresInDays != null && !expiresInDays.isBlank()) {
            Integer days = days(expiresInDays.trim());
            if (days == null) return Response.status(400).entity(view(u, null, "kernel.profile.token.error.days")).build();
            expires = Users.tokenExpiry(days);
        }
        String token = users.issueToken(u, l, expires);
        audit.record("auth/token", l, "created on the profile page" + (expires == null ? "" : ", expires " + expires));
        // shown once, on this response only: it is stored as a hash
        return Response.status(201).entity(view(u, token, null)).build();
    }

    @POST
    @Path("tokens/{id}/revoke")
    @PublicAccess
    public Response revoke(@PathParam("id") String id) {
        User u = TokenApi.signedIn();
        if (users.revokeToken(u, id)) audit.record("auth/token", id, "revoked on the profile page");
        return Response.seeOther(URI.create("/profile")).build();
    }

    /** Whole days from 1 to {@link Users#MAX_TOKEN_DAYS}, or null. */
    private static Integer days(String s) {
        if (!s.matches("[0-9]{1,5}")) return null;
        int d = Integer.parseInt(s);
        return d >= 1 && d <= Users.MAX_TOKEN_DAYS ? d : null;
    }

    private View view(User u, String newToken, String error) {
        return View.of("kernel/profile.ftlh").with("user", u).with("tokens", users.tokens(u))
                .with("newToken", newToken == null ? "" : newToken).with("error", error == null ? "" : error)
                .with("profile", users.profile(u)).with("problems", List.of()).with("languages", Languages.CODES)
                .with("passwordChanged", false).with("privacy", privacy.describe());
    }
}
