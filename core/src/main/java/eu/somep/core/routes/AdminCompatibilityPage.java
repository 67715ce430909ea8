package eu.somep.core.routes;

import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.plugin.PluginDescriptor;
import eu.somep.core.plugin.PluginRefusal;
import eu.somep.core.plugin.catalog.Catalog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The compatibility report: every installed plugin against a kernel API version, before a kernel upgrade. */
@Path("admin/plugins/compatibility")
@RequiresCapability(PluginApi.CAPABILITY)
@Produces(MediaType.TEXT_HTML)
public final class AdminCompatibilityPage {
    private final Catalog catalog;

    public AdminCompatibilityPage(Catalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public View page(@QueryParam("api") String api) {
        View v = View.of("kernel/admin/compatibility.ftlh").with("current", PluginDescriptor.API_VERSION.toString())
                .with("api", api == null ? "" : api);
        if (api == null || api.isBlank()) return v.with("error", "");
        try {
            return v.with("report", catalog.compatibility(api)).with("error", "");
        } catch (PluginRefusal e) {
            return v.with("error", e.getMessage()).status(e.status());
        }
    }
}
