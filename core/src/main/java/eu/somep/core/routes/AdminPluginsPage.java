package eu.somep.core.routes;

import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.plugin.PluginManager;
import eu.somep.core.plugin.PluginRefusal;
import eu.somep.core.security.Current;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/** The admin plugins page: list, upload, enable, disable, uninstall. Every form carries the CSRF token. */
@Path("admin/plugins")
@RequiresCapability(PluginApi.CAPABILITY)
@Produces(MediaType.TEXT_HTML)
public final class AdminPluginsPage {
    private final PluginManager plugins;
    private final AuditLog audit;

    public AdminPluginsPage(PluginManager plugins, AuditLog audit) {
        this.plugins = plugins;
        this.audit = audit;
    }

    static final String FLASH = "somep.flash";

    /** The outcome of the last action is kept in the session for one page view, not in the address. */
    @GET
    public View page() {
        HttpSession s = Current.get().request().getSession(false);
        String[] flash = s == null ? null : (String[]) s.getAttribute(FLASH);
        if (flash != null) s.removeAttribute(FLASH);
        return View.of("kernel/admin/plugins.ftlh").with("plugins", plugins.list())
                .with("done", flash != null && flash[0].equals("done") ? flash[1] : "")
                .with("error", flash != null && flash[0].equals("error") ? flash[1] : "");
    }

    @POST
    @Path("{component}/enable")
    public Response enable(@PathParam("component") String c) {
        return act(() -> plugins.enable(c), "kernel.plugins.enabled", "plugin/enable", c);
    }

    @POST
    @Path("{component}/disable")
    public Response disable(@PathParam("component") String c) {
        return act(() -> plugins.disable(c), "kernel.plugins.disabled", "plugin/disable", c);
    }

    @POST
    @Path("{component}/uninstall")
    public Response uninstall(@PathParam("component") String c, @FormParam("purge") String purge) {
        return act(() -> plugins.uninstall(c, "on".equals(purge) || "true".equals(purge)), "kernel.plugins.uninstalled", "plugin/uninstall", c);
    }

    @POST
    @Path("upload")
    public Response upload() {
        return act(() -> {
            try {
                Part part = Current.get().request().getPart("file");
                if (part == null || part.getSize() == 0) throw new PluginRefusal(400, "Choose a plugin jar to upload.");
                try (InputStream in = part.getInputStream()) {
                    return plugins.install(in);
                }
            } catch (IOException | ServletException e) {
                throw new PluginRefusal(400, "The upload could not be read: " + e.getMessage());
            }
        }, "kernel.plugins.installed", "plugin/install", "");
    }

    private Response act(java.util.function.Supplier<Object> op, String doneKey, String action, String component) {
        try {
            Object r = op.get();
            String c = component.isEmpty() && r instanceof eu.somep.core.plugin.PluginInfo i ? i.component() : component;
            audit.record(action, c, "via the admin page");
            flash("done", doneKey + ":" + c);
        } catch (PluginRefusal e) {
            flash("error", e.getMessage());
        }
        return Response.seeOther(URI.create("/admin/plugins")).build();
    }

    private static void flash(String kind, String text) {
        Current.get().request().getSession().setAttribute(FLASH, new String[] {kind, text});
    }
}
