package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.plugin.PluginInfo;
import eu.somep.core.plugin.PluginManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/** The plugin lifecycle as a REST API under {@code /api/plugins}. */
@Path("api/plugins")
@RequiresCapability(PluginApi.CAPABILITY)
@Produces(MediaType.APPLICATION_JSON)
public final class PluginApi {
    public static final String CAPABILITY = "kernel:manageplugins";
    private final PluginManager plugins;
    private final AuditLog audit;

    public PluginApi(PluginManager plugins, AuditLog audit) {
        this.plugins = plugins;
        this.audit = audit;
    }

    @GET
    public List<PluginInfo> list() {
        return plugins.list();
    }

    @GET
    @Path("{component}")
    public PluginInfo get(@PathParam("component") String component) {
        return plugins.get(component).orElseThrow(() -> Problem.notFound("No plugin named '" + component + "' is known."));
    }

    /** The plugin jar is the request body. */
    @POST
    @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM, "application/zip"})
    public Response install(InputStream jar) throws IOException {
        PluginInfo info = plugins.install(jar);
        audit.record("plugin/install", info.component(), "version " + info.version() + ", via the API");
        return Response.created(URI.create("/api/plugins/" + info.component())).entity(info).build();
    }

    @POST
    @Path("{component}/enable")
    public PluginInfo enable(@PathParam("component") String component) {
        PluginInfo info = plugins.enable(component);
        audit.record("plugin/enable", component, "via the API");
        return info;
    }

    @POST
    @Path("{component}/disable")
    public PluginInfo disable(@PathParam("component") String component) {
        PluginInfo info = plugins.disable(component);
        audit.record("plugin/disable", component, "via the API");
        return info;
    }

    @DELETE
    @Path("{component}")
    public PluginInfo uninstall(@PathParam("component") String component, @QueryParam("purge") boolean purge) {
        PluginInfo info = plugins.uninstall(component, purge);
        audit.record("plugin/uninstall", component, (purge ? "with purge" : "keeping data") + ", via the API");
        return info;
    }
}
