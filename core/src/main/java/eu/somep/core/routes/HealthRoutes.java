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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * {@code GET /health}: overall status, the database's, each plugin's state and, in a cluster, this node and the peers
 * it sees. 503 when the database is unreachable, so a load balancer takes the node out. Failure reasons and the
 * peers' addresses are for administrators only.
 */
@Path("health")
public final class HealthRoutes {
    private final DataSource ds;
    private final PluginManager plugins;
    private final eu.somep.core.cluster.Cluster cluster;

    public HealthRoutes(DataSource ds, PluginManager plugins, eu.somep.core.cluster.Cluster cluster) {
        this.ds = ds;
        this.plugins = plugins;
        this.cluster = cluster;
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
        boolean admin = dbUp && Current.get().can(PluginApi.CAPABILITY); // failure reasons and addresses are for administrators
        if (cluster.enabled()) body.put("cluster", clusterView(dbUp, admin));
        if (dbUp) {
            for (PluginInfo p : plugins.list()) ps.put(p.component(), p.reason() == null || !admin ? Map.of("state", p.state(), "version", p.version())
                    : Map.of("state", p.state(), "version", p.version(), "reason", p.reason()));
        }
        body.put("plugins", ps);
        return Response.status(dbUp ? 200 : 503).entity(body).build();
    }

    private Map<String, Object> clusterView(boolean dbUp, boolean admin) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", cluster.nodeId());
        m.put("listening", cluster.listening());
        if (!dbUp) return m;
        List<Map<String, Object>> peers = new ArrayList<>();
        for (eu.somep.core.cluster.Cluster.Peer p : cluster.peers()) {
            Map<String, Object> peer = new LinkedHashMap<>();
            peer.put("node", p.nodeId());
            peer.put("self", p.self());
            if (admin) {
                peer.put("address", p.address());
                peer.put("startedAt", p.startedAt().toString());
                peer.put("seenAt", p.seenAt().toString());
            }
            peers.add(peer);
        }
        m.put("nodes", peers.size());
        m.put("peers", peers);
        return m;
    }
}
