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
    private final eu.somep.core.web.Blocks blocks;

    public HomeRoutes(SiteHomes homes, eu.somep.core.web.Blocks blocks) {
        this.homes = homes;
        this.blocks = blocks;
    }

    @GET
    @PublicAccess
    @Produces(MediaType.TEXT_HTML)
    public Object home() {
        // the home's template shows the blocks plugins contribute to the site home (model "blocks")
        var homeBlocks = blocks.render(eu.somep.spi.web.Block.HOME);
        Object fromPlugin = homes.render(homeBlocks);
        return fromPlugin != null ? fromPlugin : View.of("kernel/home.ftlh").with("blocks", homeBlocks);
    }
}
