package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.security.Current;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.regex.Pattern;

/** Account management under {@code /api/users}: list, create, suspend, unsuspend, delete. */
@Path("api/users")
@RequiresCapability(UsersApi.CAPABILITY)
@Produces(MediaType.APPLICATION_JSON)
public final class UsersApi {
    public static final String CAPABILITY = "kernel:manageusers";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    private final Users users;
    private final AuditLog audit;

    public UsersApi(Users users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    public record NewUser(String username, String displayName, String password) {
    }

    public record Account(String username, String displayName, boolean siteAdmin, boolean suspended) {
        static Account of(User u) {
            return new Account(u.username(), u.displayName(), u.siteAdmin(), u.suspended());
        }
    }

    @GET
    public List<Account> list() {
        return users.list().stream().map(Account::of).toList();
    }

    /** Creates an account (never a site administrator: that stays the first account's privilege). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewUser n) {
        if (n == null) throw Problem.badRequest("Send a JSON object with username, displayName and password.");
        String username = n.username() == null ? "" : n.username().trim();
        if (!USERNAME.matcher(username).matches())
            throw new Problem(422, "Invalid user name", "A user name is 2 to 100 lower-case letters, digits, dots, hyphens or underscores.");
        if (n.displayName() == null || n.displayName().isBlank() || n.displayName().length() > 255)
            throw new Problem(422, "Invalid name", "Give the person's name (at most 255 characters).");
        if (n.password() == null || n.password().length() < 10 || n.password().length() > 200)
            throw new Problem(422, "Weak password", "A password has at least 10 characters.");
        if (users.byName(username).isPresent()) throw Problem.conflict("The user name '" + username + "' is taken.");
        User u = users.create(username, n.password(), n.displayName().trim(), false);
        audit.record("user/create", u.username(), null);
        return Response.status(201).entity(Account.of(u)).build();
    }

    @POST
    @Path("{username}/suspend")
    public Account suspend(@PathParam("username") String username) {
        User u = other(username);
        users.setSuspended(u, true);
        audit.record("user/suspend", u.username(), null);
        return Account.of(users.byName(username).orElseThrow());
    }

    @POST
    @Path("{username}/unsuspend")
    public Account unsuspend(@PathParam("username") String username) {
        User u = user(username);
        users.setSuspended(u, false);
        audit.record("user/unsuspend", u.username(), null);
        return Account.of(users.byName(username).orElseThrow());
    }

    @DELETE
    @Path("{username}")
    public Response delete(@PathParam("username") String username) {
        User u = other(username);
        users.delete(u);
        audit.record("user/delete", u.username(), null);
        return Response.noContent().build();
    }

    private User user(String username) {
        return users.byName(username).orElseThrow(() -> Problem.notFound("No user '" + username + "'."));
    }

    /** Nobody suspends or deletes themselves, nor a site administrator, from here. */
    private User other(String username) {
        User u = user(username);
        if (u.siteAdmin() || Current.get().user().map(User::id).orElse(-1L) == u.id())
            throw Problem.conflict("A site administrator's account, or your own, cannot be suspended or deleted here.");
        return u;
    }
}
