package eu.somep.core.routes;

import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.plugin.PluginInfo;
import eu.somep.core.plugin.PluginRefusal;
import eu.somep.core.plugin.catalog.Catalog;
import eu.somep.core.security.Current;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * "Available plugins": the catalog, and a confirm step that shows everything an install brings before the
 * administrator agrees (a POST with the CSRF token). The outcome shows on the plugins page.
 */
@Path("admin/plugins/catalog")
@RequiresCapability(PluginApi.CAPABILITY)
@Produces(MediaType.TEXT_HTML)
public final class AdminCatalogPage {
    private final Catalog catalog;
    private final AuditLog audit;

    public AdminCatalogPage(Catalog catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    @GET
    public View page() {
        return View.of("kernel/admin/catalog.ftlh").with("entries", catalog.entries()).with("dir", catalog.dir().toString());
    }

    /** The plan, or why there is none (with the refusal's status, so a script sees it too). */
    @GET
    @Path("{component}")
    public View confirm(@PathParam("component") String component) {
        View v = View.of("kernel/admin/catalog-confirm.ftlh").with("component", component);
        try {
            return v.with("plan", catalog.plan(component)).with("error", "");
        } catch (PluginRefusal e) {
            return v.with("error", e.getMessage()).status(e.status());
        }
    }

    @POST
    @Path("{component}/install")
    public Response install(@PathParam("component") String component) {
        try {
            List<PluginInfo> done = catalog.install(component);
            for (PluginInfo p : done) audit.record("plugin/install", p.component(), "version " + p.version() + ", from the catalog via the admin page");
            flash("done", "kernel.catalog.installed:" + String.join(", ", done.stream().map(PluginInfo::component).toList()));
        } catch (PluginRefusal e) {
            flash("error", e.getMessage());
        }
        return Response.seeOther(URI.create("/admin/plugins")).build();
    }

    private static void flash(String kind, String text) {
        Current.get().request().getSession().setAttribute(AdminPluginsPage.FLASH, new String[] {kind, text});
    }
}
