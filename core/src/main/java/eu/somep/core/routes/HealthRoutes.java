package eu.somep.core.routes;

import eu.somep.api.web.PublicAccess;
import eu.somep.core.plugin.PluginInfo;
import eu.somep.core.plugin.PluginManager;
import eu.somep.core.security.Current;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** {@code GET /health}: overall status, the database's, and each plugin's state. 503 when the database is unreachable. */
@Path("health")
public final class HealthRoutes {
    private final DataSource ds;
    private final PluginManager plugins;

    public HealthRoutes(DataSource ds, PluginManager plugins) {
        this.ds = ds;
        this.plugins = plugins;
    }

    @GET
    @PublicAccess
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        boolean dbUp;
        try (Connection c = ds.getConnection()) {
            dbUp = c.isValid(2);
        } catch (Exception e) {
            dbUp = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dbUp ? "UP" : "DOWN");
        body.put("database", Map.of("status", dbUp ? "UP" : "DOWN"));
        Map<String, Object> ps = new LinkedHashMap<>();
        if (dbUp) {
            boolean admin = Current.get().can(PluginApi.CAPABILITY); // failure reasons are for administrators
            for (PluginInfo p : plugins.list()) ps.put(p.component(), p.reason() == null || !admin ? Map.of("state", p.state(), "version", p.version())
                    : Map.of("state", p.state(), "version", p.version(), "reason", p.reason()));
        }
        body.put("plugins", ps);
        return Response.status(dbUp ? 200 : 503).entity(body).build();
    }
}
