package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.access.Access;
import eu.somep.core.access.Roles;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.security.Current;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin roles pages: the roles with their users, assigning and removing, adding a role, "check permissions"
 * with its reasons ({@code /admin/roles}); and defining a role, its permissions in the site context or its
 * overrides in another context ({@code /admin/roles/{role}?context=ID}).
 */
@Path("admin/roles")
@RequiresCapability(RolesApi.CAPABILITY)
@Produces(MediaType.TEXT_HTML)
public final class AdminRolesPage {
    /** Form fields of the define page that carry a permission are named {@code perm.} and the capability. */
    static final String FIELD = "perm.";
    private static final int MAX_CONTEXTS = 500;
    private final RolesApi api;
    private final Roles roles;
    private final Labels labels;

    /** The text of a capability's label (component, message key) in the current language; the key itself when there is none. */
    @FunctionalInterface
    public interface Labels {
        String label(String component, String key);
    }

    public AdminRolesPage(Roles roles, Access access, Users users, AuditLog audit, Labels labels) {
        this.api = new RolesApi(roles, access, users, audit);
        this.roles = roles;
        this.labels = labels;
    }

    /** One line of the define page: a capability, its label, its risks, the role's permission here and what it comes to. */
    public record Row(String capability, String label, String component, List<String> risks, String permission, String effective, Long effectiveFrom) {
    }

    @GET
    public View page(@QueryParam("user") String user, @QueryParam("capability") String capability, @QueryParam("context") String context) {
        View v = View.of("kernel/admin/roles.ftlh").with("roles", roles.list()).with("capabilities", roles.capabilities())
                .with("contexts", roles.contexts(MAX_CONTEXTS)).with("context", context == null ? "1" : context.trim())
                .with("archetypes", Roles.ARCHETYPES).with("user", user == null ? "" : user).with("capability", capability == null ? "" : capability)
                .with("checked", false).with("allowed", false).with("explanation", List.of()).with("error", "")
                .with("shortname", "").with("name", "").with("archetype", "");
        if (capability != null && !capability.isBlank()) {
            try {
                var r = api.check(user, capability, context);
                v.with("checked", true).with("allowed", r.get("allowed")).with("explanation", r.get("explanation"));
            } catch (Problem p) {
                v.with("error", p.getMessage());
            }
        }
        return v;
    }

    /** Adds a role from the form; then on to its define page. */
    @POST
    public Response create(@FormParam("shortname") String shortname, @FormParam("name") String name, @FormParam("archetype") String archetype) {
        try {
            Roles.Role r = (Roles.Role) api.create(new RolesApi.NewRole(shortname, name, archetype)).getEntity();
            return Response.seeOther(URI.create("/admin/roles/" + r.shortname())).build();
        } catch (Problem p) {
            // the list again, with what was typed and what is wrong
            return Response.status(p.status()).entity(page(null, null, null).with("error", p.getMessage()).with("shortname", shortname == null ? "" : shortname)
                    .with("name", name == null ? "" : name).with("archetype", archetype == null ? "" : archetype)).build();
        }
    }

    @POST
    @Path("{role}/assign")
    public Response assign(@PathParam("role") String role, @FormParam("username") String username) {
        try {
            api.assign(role, new RolesApi.Assignment(username == null ? "" : username.trim()));
        } catch (Problem p) {
            return Response.status(p.status()).entity(page(null, null, null).with("error", p.getMessage())).build();
        }
        return Response.seeOther(URI.create("/admin/roles")).build();
    }

    @POST
    @Path("{role}/unassign/{username}")
    public Response unassign(@PathParam("role") String role, @PathParam("username") String username) {
        try {
            api.unassign(role, username);
        } catch (Problem p) {
            return Response.status(p.status()).entity(page(null, null, null).with("error", p.getMessage())).build();
        }
        return Response.seeOther(URI.create("/admin/roles")).build();
    }

    /** The define page: every capability with a choice of permission for the role in the context (the site by default). */
    @GET
    @Path("{role}")
    public Response define(@PathParam("role") String role, @QueryParam("context") String context, @QueryParam("saved") String saved) {
        Roles.Role r = api.find(role); // no such role: the 404 page
        try {
            Roles.Context ctx = api.context(context);
            View v = defineView(r, ctx, Map.of());
            if (saved != null && saved.matches("\\d{1,6}")) v.with("saved", saved);
            return Response.ok(v).build();
        } catch (Problem p) {
            // a context that is not a number or does not exist: the site context, and what was wrong
            return Response.status(p.status()).entity(defineView(r, api.context(null), Map.of()).with("error", p.getMessage())).build();
        }
    }

    /** Saves the permissions of the form (fields {@code perm.<capability>}) in the context of the form, all or none. */
    @POST
    @Path("{role}")
    public Response save(@PathParam("role") String role) {
        Roles.Role r = api.find(role);
        Map<String, String[]> form = Current.get().request().getParameterMap();
        Roles.Context ctx;
        try {
            ctx = api.context(first(form.get("context")));
        } catch (Problem p) {
            return Response.status(p.status()).entity(defineView(r, api.context(null), Map.of()).with("error", p.getMessage())).build();
        }
        List<String> declared = roles.capabilities().stream().map(Roles.Capability::name).toList();
        Map<String, String> wanted = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            String capability = field.startsWith(FIELD) ? field.substring(FIELD.length()) : null;
            // a capability that vanished since the page was shown (its plugin was uninstalled) has nothing left to set
            if (capability != null && declared.contains(capability)) wanted.put(capability, first(values));
        });
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> changed = (Map<String, String>) api.define(r.shortname(), String.valueOf(ctx.id()), wanted).get("changed");
            return Response.seeOther(URI.create("/admin/roles/" + r.shortname() + "?context=" + ctx.id() + "&saved=" + changed.size())).build();
        } catch (Problem p) {
            // the form again as it was sent, so that nothing chosen is lost, with what is wrong
            return Response.status(p.status()).entity(defineView(r, ctx, wanted).with("error", p.getMessage())).build();
        }
    }

    @POST
    @Path("{role}/delete")
    public Response delete(@PathParam("role") String role) {
        Roles.Role r = api.find(role);
        try {
            api.delete(r.shortname());
        } catch (Problem p) {
            return Response.status(p.status()).entity(defineView(r, api.context(null), Map.of()).with("error", p.getMessage())).build();
        }
        return Response.seeOther(URI.create("/admin/roles")).build();
    }

    private View defineView(Roles.Role r, Roles.Context ctx, Map<String, String> sent) {
        List<Row> rows = new ArrayList<>();
        for (RolesApi.CapabilityPermission c : api.permissions(r.shortname(), String.valueOf(ctx.id())).permissions()) {
            String label = c.label() == null ? null : labels.label(c.component(), c.label());
            List<String> risks = c.risks() == null ? List.of() : Arrays.stream(c.risks().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            String shown = sent.getOrDefault(c.capability(), c.permission());
            rows.add(new Row(c.capability(), label == null || label.equals(c.label()) ? "" : label, c.component(), risks,
                    shown == null ? "inherit" : shown.trim().toLowerCase(java.util.Locale.ROOT), c.effective(), c.effectiveFrom()));
        }
        return View.of("kernel/admin/role.ftlh").with("role", r).with("context", ctx).with("contexts", roles.contexts(MAX_CONTEXTS))
                .with("rows", rows).with("field", FIELD).with("error", "").with("saved", "");
    }

    private static String first(String[] values) {
        return values == null || values.length == 0 ? null : values[0];
    }
}
