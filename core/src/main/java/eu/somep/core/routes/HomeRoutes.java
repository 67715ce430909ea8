package eu.somep.core.routes;

import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.View;
import eu.somep.core.web.SiteHomes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The site home: the plugin that provides {@link eu.somep.spi.web.SiteHome} (the pages plugin), else a plain welcome. */
@Path("/")
public final class HomeRoutes {
    private final SiteHomes homes;

    public HomeRoutes(SiteHomes homes) {
        this.homes = homes;
    }

    @GET
    @PublicAccess
    @Produces(MediaType.TEXT_HTML)
    public Object home() {
        Object fromPlugin = homes.render();
        return fromPlugin != null ? fromPlugin : View.of("kernel/home.ftlh");
    }
}
