package eu.somep.core.routes;

import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.security.Current;
import eu.somep.core.settings.SettingField;
import eu.somep.core.settings.SettingsDescription;
import eu.somep.core.settings.SettingsValidator;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings form of one plugin, drawn from its Metatype description. A refused form comes back (422) with what
 * was typed (never a password) and a message at each wrong field; nothing is saved then.
 */
@Path("admin/plugins/{component}/settings")
@RequiresCapability(PluginApi.CAPABILITY)
@Produces(MediaType.TEXT_HTML)
public final class AdminPluginSettingsPage {
    private static final String FLASH = "somep.settings.saved";
    private final SettingsModel model;
    private final AuditLog audit;

    public AdminPluginSettingsPage(SettingsModel model, AuditLog audit) {
        this.model = model;
        this.audit = audit;
    }

    @GET
    public View page(@PathParam("component") String component) {
        SettingsDescription d = model.description(component);
        HttpSession s = Current.get().request().getSession(false);
        boolean saved = s != null && component.equals(s.getAttribute(FLASH));
        if (saved) s.removeAttribute(FLASH);
        return view(component, d, model.settings().values(component, d), Map.of()).with("saved", saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("component") String component, MultivaluedMap<String, String> form) {
        SettingsDescription d = model.description(component);
        Map<String, String> input = new LinkedHashMap<>();
        for (SettingField f : d.fields()) {
            String v = form.getFirst(f.key());
            // an unticked box sends nothing: that is "false"
            if (f.type().equals(SettingField.BOOLEAN)) input.put(f.key(), v == null ? "false" : "true");
            else if (v != null) input.put(f.key(), v);
        }
        SettingsValidator.Result r = model.settings().update(component, d, input);
        if (!r.ok()) {
            Map<String, String> typed = new LinkedHashMap<>(model.settings().values(component, d));
            input.forEach((k, v) -> {
                if (!d.field(k).secret()) typed.put(k, v);
            });
            View again = view(component, d, typed, model.errors(r.errors())).with("saved", false).status(422);
            return Response.status(422).entity(again).build();
        }
        audit.record("plugin/settings", component, String.join(", ", r.values().keySet()) + " via the admin page");
        Current.get().request().getSession().setAttribute(FLASH, component);
        return Response.seeOther(URI.create("/admin/plugins/" + component + "/settings")).build();
    }

    private View view(String component, SettingsDescription d, Map<String, String> values, Map<String, String> errors) {
        return View.of("kernel/admin/plugin-settings.ftlh").with("plugin", model.plugin(component))
                .with("fields", model.fields(component, d, values, errors, false)).with("errorCount", errors.size());
    }
}
