package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.core.access.Access;
import eu.somep.core.access.Permission;
import eu.somep.core.access.Roles;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.security.User;
import eu.somep.core.security.Users;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Roles, assignments, permissions and the permission check, under {@code /api/roles}, {@code /api/capabilities}, {@code /api/permissions}. */
@Path("/") // "api" here would shadow other kernel routes under /api: Jersey does not backtrack between root resources
@RequiresCapability(RolesApi.CAPABILITY)
@Produces(MediaType.APPLICATION_JSON)
public final class RolesApi {
    public static final String CAPABILITY = "kernel:manageroles";
    private final Roles roles;
    private final Access access;
    private final Users users;
    private final AuditLog audit;

    public RolesApi(Roles roles, Access access, Users users, AuditLog audit) {
        this.roles = roles;
        this.access = access;
        this.users = users;
        this.audit = audit;
    }

    public record Assignment(String username) {
    }

    public record PermissionChange(String permission) {
    }

    @GET
    @Path("api/roles")
    public List<Roles.Role> roles() {
        return roles.list();
    }

    @GET
    @Path("api/capabilities")
    public List<Roles.Capability> capabilities() {
        return roles.capabilities();
    }

    @POST
    @Path("api/roles/{role}/assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("role") String role, Assignment a) {
        if (a == null || a.username() == null) throw Problem.badRequest("Send a JSON object with the username.");
        Roles.Role r = role(role);
        User u = user(a.username());
        roles.assign(u.id(), r.id(), Access.SITE);
        audit.record("role/assign", r.shortname(), "to " + u.username() + " in the site context");
        return Response.status(201).entity(Map.of("role", r.shortname(), "username", u.username(), "context", Access.SITE)).build();
    }

    @DELETE
    @Path("api/roles/{role}/assignments/{username}")
    public Response unassign(@PathParam("role") String role, @PathParam("username") String username) {
        Roles.Role r = role(role);
        User u = user(username);
        if (!roles.unassign(u.id(), r.id(), Access.SITE)) throw Problem.notFound(username + " does not have the role " + role + ".");
        audit.record("role/unassign", r.shortname(), "from " + u.username() + " in the site context");
        return Response.noContent().build();
    }

    /** Sets a role's permission for a capability in the site context: allow, prevent, prohibit, or inherit (remove). */
    @PUT
    @Path("api/roles/{role}/permissions/{capability}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> permission(@PathParam("role") String role, @PathParam("capability") String capability, PermissionChange change) {
        Roles.Role r = role(role);
        if (!roles.capabilityExists(capability)) throw Problem.notFound("No capability '" + capability + "' is declared.");
        Permission p;
        try {
            p = Permission.parse(change == null ? null : change.permission());
        } catch (IllegalArgumentException e) {
            throw new Problem(422, "Invalid permission", "The permission is one of allow, prevent, prohibit or inherit.");
        }
        roles.set(r.id(), capability, Access.SITE, p);
        audit.record("role/permission", r.shortname(), capability + " = " + (p == null ? "inherit" : p.name().toLowerCase()));
        return Map.of("role", r.shortname(), "capability", capability, "permission", p == null ? "inherit" : p.name().toLowerCase());
    }

    /** "Check permissions": may this user do this capability (in the site context), and why. */
    @GET
    @Path("api/permissions")
    public Map<String, Object> check(@QueryParam("user") String username, @QueryParam("capability") String capability) {
        if (capability == null || capability.isBlank()) throw Problem.badRequest("Name the capability, for example ?user=trainer1&capability=pages:edit.");
        User u = username == null || username.isBlank() ? null : user(username);
        boolean[] allowed = new boolean[1];
        List<String> why = access.explain(u, capability, Access.SITE, allowed);
        return Map.of("user", u == null ? "guest" : u.username(), "capability", capability, "allowed", allowed[0], "explanation", why);
    }

    private Roles.Role role(String shortname) {
        return roles.find(shortname).orElseThrow(() -> Problem.notFound("No role '" + shortname + "'."));
    }

    private User user(String username) {
        return users.byName(username).orElseThrow(() -> Problem.notFound("No user '" + username + "'."));
    }
}
