package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.audit.AuditLog;
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
import java.util.function.Supplier;

/** The admin accounts page: the same operations as {@link UsersApi}, as forms. */
@Path("admin/users")
@RequiresCapability(UsersApi.CAPABILITY)
@Produces(MediaType.TEXT_HTML)
public final class AdminUsersPage {
    private final UsersApi api;

    private final Users users;
    private final eu.somep.core.privacy.Privacy privacy;

    public AdminUsersPage(Users users, AuditLog audit, eu.somep.core.security.Registration registration, eu.somep.core.privacy.Privacy privacy) {
        this.api = new UsersApi(users, audit, registration, privacy);
        this.users = users;
        this.privacy = privacy;
    }

    @GET
    public View page() {
        return view("", "", "");
    }

    private View view(String error, String username, String displayName) {
        return View.of("kernel/admin/users.ftlh").with("accounts", api.list()).with("error", error)
                .with("username", username).with("displayName", displayName).with("imported", java.util.List.of())
                .with("registration", api.registration().mode()).with("modes", eu.somep.core.security.Registration.MODES);
    }

    @POST
    public Response create(@FormParam("username") String username, @FormParam("displayName") String displayName, @FormParam("password") String password) {
        try {
            api.create(new UsersApi.NewUser(username, displayName, password));
        } catch (Problem p) {
            // the form again, with what was typed (but not the password) and what is wrong
            return Response.status(p.status()).entity(view(p.getMessage(), username == null ? "" : username, displayName == null ? "" : displayName)).build();
        }
        return Response.seeOther(URI.create("/admin/users")).build();
    }

    /** Bulk upload of a CSV file from the page (multipart, field {@code file}); shows what happened to each line. */
    @POST
    @Path("import")
    public Response importCsv() {
        try {
            var part = eu.somep.core.security.Current.get().request().getPart("file");
            if (part == null || part.getSize() == 0) return Response.status(400).entity(view("Choose a CSV file.", "", "")).build();
            String csv = new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            var imported = api.importCsv(csv); // first, so the list below shows the new accounts
            return Response.ok(view("", "", "").with("imported", imported)).build();
        } catch (Problem p) {
            return Response.status(p.status()).entity(view(p.getMessage(), "", "")).build();
        } catch (java.io.IOException | jakarta.servlet.ServletException e) {
            return Response.status(400).entity(view("The upload could not be read.", "", "")).build();
        }
    }

    @POST
    @Path("registration")
    public Response registration(@FormParam("mode") String mode) {
        return act(() -> api.setRegistration(new UsersApi.RegistrationMode(mode)));
    }

    @POST
    @Path("{username}/approve")
    public Response approve(@PathParam("username") String username) {
        return act(() -> api.approve(username));
    }

    @POST
    @Path("{username}/suspend")
    public Response suspend(@PathParam("username") String username) {
        return act(() -> api.suspend(username));
    }

    @POST
    @Path("{username}/unsuspend")
    public Response unsuspend(@PathParam("username") String username) {
        return act(() -> api.unsuspend(username));
    }

    @POST
    @Path("{username}/delete")
    public Response delete(@PathParam("username") String username) {
        return act(() -> api.delete(username));
    }

    @GET
    @Path("{username}/data")
    @RequiresCapability(UsersApi.PRIVACY)
    @Produces("application/zip")
    public Response data(@PathParam("username") String username) {
        return api.data(username);
    }

    /** The confirmation step: what will be erased, by component, and what stops it. */
    @GET
    @Path("{username}/erase")
    @RequiresCapability(UsersApi.PRIVACY)
    public View confirmErase(@PathParam("username") String username) {
        var u = users.byName(username).orElseThrow(() -> Problem.notFound("No user '" + username + "'."));
        return eraseView(u.username(), u.displayName()).with("result", null);
    }

    @POST
    @Path("{username}/erase")
    @RequiresCapability(UsersApi.PRIVACY)
    public Response erase(@PathParam("username") String username) {
        var u = users.byName(username).orElseThrow(() -> Problem.notFound("No user '" + username + "'."));
        try (Response r = api.erase(username)) {
            return Response.status(r.getStatus()).entity(eraseView(u.username(), u.displayName()).with("result", r.getEntity())).build();
        } catch (Problem p) {
            return Response.status(p.status()).entity(eraseView(u.username(), u.displayName()).with("result", null).with("error", p.getMessage())).build();
        }
    }

    private View eraseView(String username, String displayName) {
        return View.of("kernel/admin/erase.ftlh").with("username", username).with("displayName", displayName)
                .with("components", privacy.describe()).with("uncovered", privacy.uncovered()).with("error", "");
    }

    private Response act(Supplier<Object> op) {
        try {
            op.get();
        } catch (Problem p) {
            return Response.status(p.status()).entity(view(p.getMessage(), "", "")).build();
        }
        return Response.seeOther(URI.create("/admin/users")).build();
    }
}
