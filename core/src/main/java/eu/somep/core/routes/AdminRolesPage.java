package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.access.Access;
import eu.somep.core.access.Roles;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The admin roles page: roles with their users, assigning and removing, and "check permissions" with its reasons. */
@Path("admin/roles")
@RequiresCapability(RolesApi.CAPABILITY)
@Produces(MediaType.TEXT_HTML)
public final class AdminRolesPage {
    private final RolesApi api;
    private final Roles roles;

    public AdminRolesPage(Roles roles, Access access, Users users, AuditLog audit) {
        this.api = new RolesApi(roles, access, users, audit);
        this.roles = roles;
    }

    @GET
    public View page(@QueryParam("user") String user, @QueryParam("capability") String capability) {
        View v = View.of("kernel/admin/roles.ftlh").with("roles", roles.list()).with("capabilities", roles.capabilities())
                .with("user", user == null ? "" : user).with("capability", capability == null ? "" : capability)
                .with("checked", false).with("allowed", false).with("explanation", List.of()).with("error", "");
        if (capability != null && !capability.isBlank()) {
            try {
                var r = api.check(user, capability);
                v.with("checked", true).with("allowed", r.get("allowed")).with("explanation", r.get("explanation"));
            } catch (Problem p) {
                v.with("error", p.getMessage());
            }
        }
        return v;
    }

    @POST
    @Path("{role}/assign")
    public Response assign(@PathParam("role") String role, @FormParam("username") String username) {
        try {
            api.assign(role, new RolesApi.Assignment(username == null ? "" : username.trim()));
        } catch (Problem p) {
            return Response.status(p.status()).entity(page(null, null).with("error", p.getMessage())).build();
        }
        return Response.seeOther(URI.create("/admin/roles")).build();
    }

    @POST
    @Path("{role}/unassign/{username}")
    public Response unassign(@PathParam("role") String role, @PathParam("username") String username) {
        try {
            api.unassign(role, username);
        } catch (Problem p) {
            return Response.status(p.status()).entity(page(null, null).with("error", p.getMessage())).build();
        }
        return Response.seeOther(URI.create("/admin/roles")).build();
    }
}
