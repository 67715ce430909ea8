package ${package};

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import ${package}.internal.Item;
import ${package}.internal.ItemInput;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The items as JSON under {@code /api/${component}}; errors are RFC 9457 problem details. */
@Component(service = WebResource.class)
@Path("api/${component}")
@Produces(MediaType.APPLICATION_JSON)
public class ${prefix}Api implements WebResource {
    private final ${prefix}Service service;

    @Activate
    public ${prefix}Api(@Reference ${prefix}Service service) {
        this.service = service;
    }

    /** What clients see of an item: never the author's id. */
    public record ItemJson(long id, String title, String text, Instant createdAt) {
        static ItemJson of(Item i) {
            return new ItemJson(i.id, i.title, i.text, i.createdAt);
        }
    }

    /** The body of a POST. */
    public record ItemBody(String title, String text) { }

    @GET
    @Path("items")
    @PublicAccess
    public List<ItemJson> list() {
        return service.store.newest(service.pageSize()).stream().map(ItemJson::of).toList();
    }

    @POST
    @Path("items")
    @RequiresCapability(${prefix}Service.MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ItemBody body) {
        ItemInput in = body == null ? new ItemInput(null, null) : new ItemInput(body.title(), body.text());
        List<String> problems = in.problems();
        if (!problems.isEmpty()) {
            throw new Problem(422, "Invalid item", String.join(" ", problems.stream().map(k -> service.messages.get(Locale.ENGLISH, k)).toList()));
        }
        Item saved = service.store.add(in, service.user.userId().orElse(null));
        return Response.created(URI.create("/api/${component}/items/" + saved.id)).entity(ItemJson.of(saved)).build();
    }

    @DELETE
    @Path("items/{id}")
    @RequiresCapability(${prefix}Service.MANAGE)
    public Response delete(@PathParam("id") long id) {
        if (!service.store.delete(id)) throw Problem.notFound(service.messages.get("${component}.error.notfound"));
        return Response.noContent().build();
    }
}
