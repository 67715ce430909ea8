package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.privacy.Privacy;
import eu.somep.core.security.Current;
import eu.somep.core.security.Profile;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import eu.somep.core.security.Registration;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

    private final Registration registration;
    private final Privacy privacy;
    /** Exporting and erasing people's data across all plugins (see {@link Privacy}). */
    public static final String PRIVACY = "kernel:privacy";

    public UsersApi(Users users, AuditLog audit, Registration registration, Privacy privacy) {
        this.users = users;
        this.audit = audit;
        this.registration = registration;
        this.privacy = privacy;
    }

    public record NewUser(String username, String displayName, String password) {
    }

    /** An account as administrators see it; status is active, unconfirmed (e-mail) or pending (approval). */
    public record Account(String username, String displayName, boolean siteAdmin, boolean suspended, String status) {
        static Account of(User u) {
            return new Account(u.username(), u.displayName(), u.siteAdmin(), u.suspended(), Users.ACTIVE);
        }
    }

    @GET
    public List<Account> list() {
        var statuses = users.statuses();
        return users.list().stream().map(u -> new Account(u.username(), u.displayName(), u.siteAdmin(), u.suspended(),
                statuses.getOrDefault(u.id(), Users.ACTIVE))).toList();
    }

    public record RegistrationMode(String mode) {
    }

    /** Self-registration: open, approval (accounts wait for an administrator) or off. */
    @GET
    @Path("registration")
    public RegistrationMode registration() {
        return new RegistrationMode(registration.mode());
    }

    @PUT
    @Path("registration")
    @Consumes(MediaType.APPLICATION_JSON)
    public RegistrationMode setRegistration(RegistrationMode m) {
        if (m == null || !Registration.MODES.contains(m.mode()))
            throw new Problem(422, "Invalid mode", "The registration mode is one of: " + String.join(", ", Registration.MODES) + ".");
        registration.setMode(m.mode());
        audit.record("site/registration", m.mode(), null);
        return registration();
    }

    /** Approves a self-registered account that waits for it (registration mode "approval"). */
    @POST
    @Path("{username}/approve")
    public Account approve(@PathParam("username") String username) {
        User u = users.byName(username).orElseThrow(() -> Problem.notFound("There is no account '" + username + "'."));
        if (!registration.approve(u)) throw Problem.conflict("The account '" + username + "' is not waiting for approval.");
        audit.record("user/approve", username, null);
        return Account.of(u);
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

    /** One line of a CSV import: what happened to it. */
    public record ImportLine(int line, String username, String result) {
    }

    /**
     * Bulk creation from CSV: a header line naming the columns ({@code username,displayName,password} required;
     * {@code email,country,organisation,language,timezone} optional), then one account per line. Every line is
     * checked like a single creation; a bad line is reported and skipped, the others are created.
     */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public List<ImportLine> importCsv(String csv) {
        if (csv == null || csv.isBlank()) throw Problem.badRequest("Send the CSV as the request body, with a header line.");
        String[] lines = csv.replace("\r", "").split("\n");
        List<String> header = Csv.split(lines[0]).stream().map(String::trim).toList();
        for (String required : List.of("username", "displayName", "password")) {
            if (!header.contains(required)) throw new Problem(422, "Missing column", "The header line must name the column '" + required + "'.");
        }
        List<ImportLine> out = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            List<String> cells = Csv.split(lines[i]);
            java.util.function.Function<String, String> col = name -> {
                int idx = header.indexOf(name);
                return idx >= 0 && idx < cells.size() ? cells.get(idx).trim() : null;
            };
            String username = col.apply("username");
            try {
                create(new NewUser(username, col.apply("displayName"), col.apply("password")));
                Profile p = new Profile(col.apply("displayName"), col.apply("email"), col.apply("country"), col.apply("organisation"),
                        col.apply("language"), col.apply("timezone")).normalised();
                User u = users.byName(username).orElseThrow();
                if (p.problems().isEmpty()) {
                    users.saveProfile(u, p);
                    out.add(new ImportLine(i + 1, username, "created"));
                } else {
                    out.add(new ImportLine(i + 1, username, "created; profile fields skipped: " + String.join(", ", p.problems())));
                }
            } catch (Problem e) {
                out.add(new ImportLine(i + 1, username, "skipped: " + e.getMessage()));
            }
        }
        return out;
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

    /** What personal data the kernel and each running plugin store, and the tables that no provider covers. */
    public record PrivacyOverview(List<Privacy.Described> components, java.util.Map<String, List<String>> uncovered) {
    }

    @GET
    @Path("privacy")
    @RequiresCapability(PRIVACY)
    public PrivacyOverview privacy() {
        return new PrivacyOverview(privacy.describe(), privacy.uncovered());
    }

    /** One zip archive of everything the kernel and the running plugins store about the person. */
    @GET
    @Path("{username}/data")
    @RequiresCapability(PRIVACY)
    @Produces("application/zip")
    public Response data(@PathParam("username") String username) {
        User u = user(username);
        audit.record("user/export", u.username(), "by an administrator");
        return archive(privacy, u);
    }

    /** The archive as a download; shared with the user's own "my data". */
    static Response archive(Privacy privacy, User u) {
        jakarta.ws.rs.core.StreamingOutput body = out -> privacy.export(u, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"somep-data-" + u.username() + ".zip\"").build();
    }

    /**
     * Erases the person across all plugins, then deletes the account: 200 with what each component did, or 409 with
     * the same report when something stopped it (tables no provider covers, or a provider that failed: the account
     * then stays, suspended, and the erase can be run again).
     */
    @POST
    @Path("{username}/erase")
    @RequiresCapability(PRIVACY)
    public Response erase(@PathParam("username") String username) {
        User u = other(username);
        Privacy.Erasure e = privacy.erase(u);
        StringBuilder detail = new StringBuilder(e.complete() ? "complete" : "incomplete");
        e.outcomes().forEach(o -> detail.append("; ").append(o.component()).append(": ").append(o.error() == null ? o.records() : "failed: " + o.error()));
        if (!e.uncovered().isEmpty()) detail.append("; refused, not covered: ").append(String.join(", ", e.uncovered().keySet()));
        // the person's name must not survive in the log: the entry names the account by its number
        audit.record("user/erase", "#" + u.id(), detail.toString());
        return Response.status(e.complete() ? 200 : 409).entity(e).type(MediaType.APPLICATION_JSON).build();
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
