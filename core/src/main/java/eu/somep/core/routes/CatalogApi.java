package eu.somep.core.routes;

import eu.somep.api.web.RequiresCapability;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.plugin.PluginInfo;
import eu.somep.core.plugin.catalog.Catalog;
import eu.somep.core.plugin.catalog.CatalogEntry;
import eu.somep.core.plugin.catalog.CatalogPlan;
import eu.somep.core.plugin.catalog.Compatibility;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The plugin catalog and the compatibility report as REST, under {@code /api/admin/plugins}: list the
 * catalog, plan an install (what the resolver would install with it), install the plan.
 */
@Path("api/admin/plugins")
@RequiresCapability(PluginApi.CAPABILITY)
@Produces(MediaType.APPLICATION_JSON)
public final class CatalogApi {
    private final Catalog catalog;
    private final AuditLog audit;

    public CatalogApi(Catalog catalog, AuditLog audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    @GET
    @Path("catalog")
    public List<CatalogEntry> list() {
        return catalog.entries();
    }

    @GET
    @Path("catalog/{component}/plan")
    public CatalogPlan plan(@PathParam("component") String component) {
        return catalog.plan(component);
    }

    /** Installs the plugin and every plugin the plan brings with it; 201 with what was installed, in order. */
    @POST
    @Path("catalog/{component}/install")
    public Response install(@PathParam("component") String component) {
        List<PluginInfo> done = catalog.install(component);
        for (PluginInfo p : done) audit.record("plugin/install", p.component(), "version " + p.version() + ", from the catalog via the API");
        return Response.status(201).entity(done).build();
    }

    @GET
    @Path("compatibility")
    public Compatibility compatibility(@QueryParam("api") String api) {
        return catalog.compatibility(api);
    }
}
