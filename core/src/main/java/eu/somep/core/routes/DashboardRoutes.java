package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.View;
import eu.somep.core.security.Current;
import eu.somep.core.security.User;
import eu.somep.core.web.Blocks;
import eu.somep.spi.web.Block;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dashboard at {@code /dashboard}: the blocks plugins contribute, and where each user arranges the blocks of
 * their dashboard and of the site home. Every signed-in user, their own arrangement only.
 */
@Path("/")
public final class DashboardRoutes {
    private static final List<String> PLACES = List.of(Block.DASHBOARD, Block.HOME);
    private final Blocks blocks;

    public DashboardRoutes(Blocks blocks) {
        this.blocks = blocks;
    }

    @GET
    @Path("dashboard")
    @PublicAccess // signed-in users; guests are sent to sign in
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        Current cur = Current.get();
        if (cur.user().isEmpty()) return Response.seeOther(URI.create("/login?next=/dashboard")).build();
        User u = cur.user().get();
        return Response.ok(View.of("kernel/dashboard.ftlh").with("blocks", blocks.render(Block.DASHBOARD))
                .with("dashboard", blocks.arrangement(u, Block.DASHBOARD)).with("home", blocks.arrangement(u, Block.HOME))).build();
    }

    /** Moves a block up or down, or hides or shows it, in one of the user's places. */
    @POST
    @Path("dashboard/{place}/{id}/{op}")
    @PublicAccess // signed-in users, their own arrangement
    public Response arrange(@PathParam("place") String place, @PathParam("id") String id, @PathParam("op") String op) {
        User u = signedIn();
        List<Blocks.Arranged> now = blocks.arrangement(u, place(place));
        List<String> order = new ArrayList<>(now.stream().map(Blocks.Arranged::id).toList());
        Set<String> hidden = new HashSet<>(now.stream().filter(Blocks.Arranged::hidden).map(Blocks.Arranged::id).toList());
        int i = order.indexOf(id);
        if (i < 0) throw Problem.notFound("There is no block '" + id + "' here.");
        switch (op) {
            case "up" -> { if (i > 0) order.add(i - 1, order.remove(i)); }
            case "down" -> { if (i < order.size() - 1) order.add(i + 1, order.remove(i)); }
            case "hide" -> hidden.add(id);
            case "show" -> hidden.remove(id);
            default -> throw Problem.notFound("Unknown action '" + op + "'.");
        }
        blocks.arrange(u, place, order, hidden);
        return Response.seeOther(URI.create("/dashboard")).build();
    }

    public record Arrangement(List<String> order, List<String> hidden) {
    }

    @GET
    @Path("api/dashboard/{place}")
    @PublicAccess // signed-in users, their own arrangement
    @Produces(MediaType.APPLICATION_JSON)
    public List<Blocks.Arranged> get(@PathParam("place") String place) {
        return blocks.arrangement(signedIn(), place(place));
    }

    @PUT
    @Path("api/dashboard/{place}")
    @PublicAccess // signed-in users, their own arrangement
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public List<Blocks.Arranged> put(@PathParam("place") String place, Arrangement a) {
        User u = signedIn();
        if (a == null || a.order() == null) throw Problem.badRequest("Send a JSON object with order (block ids) and hidden (block ids).");
        try {
            blocks.arrange(u, place(place), a.order(), new HashSet<>(a.hidden() == null ? List.of() : a.hidden()));
        } catch (IllegalArgumentException e) {
            throw new Problem(422, "Unknown block", "There is no block '" + e.getMessage() + "' in this place.");
        }
        return blocks.arrangement(u, place);
    }

    private static String place(String place) {
        if (!PLACES.contains(place)) throw Problem.notFound("Places are dashboard and home.");
        return place;
    }

    private static User signedIn() {
        return Current.get().user().orElseThrow(() -> new Problem(401, "Unauthorized", "Sign in first."));
    }
}
