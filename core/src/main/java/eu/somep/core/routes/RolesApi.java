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
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Roles, assignments, permissions and the permission check, under {@code /api/roles}, {@code /api/capabilities},
 * {@code /api/permissions}. Permissions are set per context ({@code ?context=ID}, the site context 1 by default):
 * a role's definition lives in the site context, overrides in the contexts below it.
 */
@Path("/") // "api" here would shadow other kernel routes under /api: Jersey does not backtrack between root resources
@RequiresCapability(RolesApi.CAPABILITY)
@Produces(MediaType.APPLICATION_JSON)
public final class RolesApi {
    public static final String CAPABILITY = "kernel:manageroles";
    private static final Pattern SHORTNAME = Pattern.compile("[a-z0-9_]{2,64}");
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

    public record NewRole(String shortname, String name, String archetype) {
    }

    /**
     * A capability as a role has it in a context: what the role defines in exactly this context ({@code inherit}
     * when nothing), and what that comes to there ({@code allow}, {@code prevent}, {@code prohibit}, or
     * {@code notset}) with the context that defines it.
     */
    public record CapabilityPermission(String capability, String component, String risks, String label, String permission, String effective,
                                       Long effectiveFrom) {
    }

    public record RolePermissions(String role, long context, String level, List<CapabilityPermission> permissions) {
    }

    @GET
    @Path("api/roles")
    public List<Roles.Role> roles() {
        return roles.list();
    }

    @GET
    @Path("api/roles/{role}")
    public Roles.Role role(@PathParam("role") String role) {
        return find(role);
    }

    /** Creates a custom role; with an archetype, it starts with the site permissions of that archetype's built-in role. */
    @POST
    @Path("api/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewRole n) {
        if (n == null) throw Problem.badRequest("Send a JSON object with shortname, name and optionally archetype.");
        String shortname = n.shortname() == null ? "" : n.shortname().trim();
        String name = n.name() == null ? "" : n.name().trim();
        String archetype = n.archetype() == null || n.archetype().isBlank() ? null : n.archetype().trim();
        if (!SHORTNAME.matcher(shortname).matches())
            throw new Problem(400, "Invalid short name", "A role's short name is 2 to 64 lower-case letters, digits or underscores, such as course_creator.");
        if (name.isEmpty() || name.length() > 255) throw new Problem(400, "Invalid name", "Give the role a name of at most 255 characters.");
        if (archetype != null && !Roles.ARCHETYPES.contains(archetype))
            throw new Problem(400, "Invalid archetype", "The archetype is one of " + String.join(", ", Roles.ARCHETYPES) + ", or empty.");
        String taken = "The short name '" + shortname + "' is taken by another role; choose another.";
        if (roles.find(shortname).isPresent()) throw new Problem(409, "Conflict", taken);
        Roles.Role r = roles.create(shortname, name, archetype).orElseThrow(() -> new Problem(409, "Conflict", taken));
        audit.record("role/create", r.shortname(), "name " + r.name() + (archetype == null ? ", no archetype" : ", archetype " + archetype
                + " (its site permissions copied)"));
        return Response.created(URI.create("/api/roles/" + r.shortname())).entity(r).build();
    }

    /** Deletes a custom role, its permissions and its assignments; the six built-in roles stay. */
    @DELETE
    @Path("api/roles/{role}")
    public Response delete(@PathParam("role") String role) {
        Roles.Role r = find(role);
        if (r.builtIn() || !roles.delete(r.id()))
            throw new Problem(409, "Conflict", "The built-in role '" + r.shortname() + "' cannot be deleted; only roles created by an administrator can.");
        audit.record("role/delete", r.shortname(), r.assignedUsers().isEmpty() ? null : "was assigned to " + String.join(", ", r.assignedUsers()));
        return Response.noContent().build();
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
        Roles.Role r = find(role);
        User u = user(a.username());
        roles.assign(u.id(), r.id(), Access.SITE);
        audit.record("role/assign", r.shortname(), "to " + u.username() + " in the site context");
        return Response.status(201).entity(Map.of("role", r.shortname(), "username", u.username(), "context", Access.SITE)).build();
    }

    @DELETE
    @Path("api/roles/{role}/assignments/{username}")
    public Response unassign(@PathParam("role") String role, @PathParam("username") String username) {
        Roles.Role r = find(role);
        User u = user(username);
        if (!roles.unassign(u.id(), r.id(), Access.SITE)) throw Problem.notFound(username + " does not have the role " + role + ".");
        audit.record("role/unassign", r.shortname(), "from " + u.username() + " in the site context");
        return Response.noContent().build();
    }

    /** Every declared capability with the role's permission in the context and what it comes to there. */
    @GET
    @Path("api/roles/{role}/permissions")
    public RolePermissions permissions(@PathParam("role") String role, @QueryParam("context") String context) {
        Roles.Role r = find(role);
        Roles.Context ctx = context(context);
        Map<String, Permission> defined = roles.defined(r.id(), ctx.id());
        Map<String, Access.Resolved> effective = access.effective(r.id(), ctx.id());
        List<CapabilityPermission> out = new ArrayList<>();
        for (Roles.Capability c : roles.capabilities()) {
            Access.Resolved e = effective.get(c.name());
            out.add(new CapabilityPermission(c.name(), c.component(), c.risks(), c.label(), name(defined.get(c.name())),
                    e == null ? "notset" : name(e.permission()), e == null ? null : e.from()));
        }
        return new RolePermissions(r.shortname(), ctx.id(), ctx.level(), out);
    }

    /** Sets a role's permission for a capability in a context (the site by default): allow, prevent, prohibit, or inherit (remove). */
    @PUT
    @Path("api/roles/{role}/permissions/{capability}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> permission(@PathParam("role") String role, @PathParam("capability") String capability,
                                          @QueryParam("context") String context, PermissionChange change) {
        Roles.Role r = find(role);
        Roles.Context ctx = context(context);
        if (!roles.capabilityExists(capability)) throw Problem.notFound("No capability '" + capability + "' is declared.");
        Permission p = parse(change == null ? null : change.permission());
        roles.set(r.id(), capability, ctx.id(), p);
        audit.record("role/permission", r.shortname(), capability + " = " + name(p) + " in context " + ctx.id() + " (" + ctx.level() + ")");
        return Map.of("role", r.shortname(), "capability", capability, "context", ctx.id(), "permission", name(p));
    }

    /**
     * Sets several permissions of a role in a context at once: a JSON object from capability to allow, prevent,
     * prohibit or inherit. Everything is checked first; nothing changes if one is wrong. Answers what changed.
     */
    @PUT
    @Path("api/roles/{role}/permissions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> define(@PathParam("role") String role, @QueryParam("context") String context, Map<String, String> permissions) {
        if (permissions == null) throw Problem.badRequest("Send a JSON object from capability to allow, prevent, prohibit or inherit.");
        Roles.Role r = find(role);
        Roles.Context ctx = context(context);
        List<String> declared = roles.capabilities().stream().map(Roles.Capability::name).toList();
        Map<String, Permission> wanted = new LinkedHashMap<>();
        for (var e : permissions.entrySet()) {
            if (!declared.contains(e.getKey())) throw Problem.notFound("No capability '" + e.getKey() + "' is declared.");
            wanted.put(e.getKey(), parse(e.getValue()));
        }
        Map<String, Permission> defined = roles.defined(r.id(), ctx.id());
        Map<String, Permission> changes = new LinkedHashMap<>();
        wanted.forEach((capability, p) -> {
            if (!Objects.equals(defined.get(capability), p)) changes.put(capability, p);
        });
        if (!changes.isEmpty()) roles.setAll(r.id(), ctx.id(), changes);
        Map<String, String> changed = new LinkedHashMap<>();
        changes.forEach((capability, p) -> {
            changed.put(capability, name(p));
            audit.record("role/permission", r.shortname(), capability + " = " + name(p) + " in context " + ctx.id() + " (" + ctx.level() + ")");
        });
        return Map.of("role", r.shortname(), "context", ctx.id(), "changed", changed);
    }

    /** "Check permissions": may this user do this capability in this context (the site by default), and why. */
    @GET
    @Path("api/permissions")
    public Map<String, Object> check(@QueryParam("user") String username, @QueryParam("capability") String capability,
                                     @QueryParam("context") String context) {
        if (capability == null || capability.isBlank()) throw Problem.badRequest("Name the capability, for example ?user=trainer1&capability=pages:edit.");
        User u = username == null || username.isBlank() ? null : user(username);
        Roles.Context ctx = context(context);
        boolean[] allowed = new boolean[1];
        List<String> why = access.explain(u, capability, ctx.id(), allowed);
        return Map.of("user", u == null ? "guest" : u.username(), "capability", capability, "context", ctx.id(), "allowed", allowed[0], "explanation", why);
    }

    /** The context named by a {@code context} parameter: the site when absent; 400 when not a number, 404 when none. */
    Roles.Context context(String raw) {
        long id;
        if (raw == null || raw.isBlank()) {
            id = Access.SITE;
        } else {
            try {
                id = Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                throw new Problem(400, "Invalid context", "The context is given by its number, such as 1 for the site.");
            }
        }
        long wanted = id;
        return roles.context(id).orElseThrow(() -> Problem.notFound("No context " + wanted + "."));
    }

    static Permission parse(String permission) {
        try {
            return Permission.parse(permission);
        } catch (IllegalArgumentException e) {
            throw new Problem(422, "Invalid permission", "A permission is one of allow, prevent, prohibit or inherit, not '" + permission + "'.");
        }
    }

    static String name(Permission p) {
        return p == null ? "inherit" : p.name().toLowerCase(Locale.ROOT);
    }

    Roles.Role find(String shortname) {
        return roles.find(shortname).orElseThrow(() -> Problem.notFound("No role '" + shortname + "'."));
    }

    private User user(String username) {
        return users.byName(username).orElseThrow(() -> Problem.notFound("No user '" + username + "'."));
    }
}
