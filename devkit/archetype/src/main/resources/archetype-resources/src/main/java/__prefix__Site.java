package ${package};

import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import ${package}.internal.ItemInput;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The page under {@code /${component}}: the items, and a form (with its CSRF token) for those who may add one. */
@Component(service = WebResource.class)
@Path("${component}")
@Produces(MediaType.TEXT_HTML)
public class ${prefix}Site implements WebResource {
    private final ${prefix}Service service;

    @Activate
    public ${prefix}Site(@Reference ${prefix}Service service) {
        this.service = service;
    }

    @GET
    @PublicAccess
    public View list() {
        return page(null, List.of());
    }

    @POST
    @Path("items")
    @RequiresCapability(${prefix}Service.MANAGE)
    public Response add(@FormParam("title") String title, @FormParam("text") String text) {
        ItemInput in = new ItemInput(title, text);
        List<String> problems = in.problems().stream().map(k -> service.messages.get(k)).toList();
        // show the form again with everything that was typed
        if (!problems.isEmpty()) return Response.status(400).entity(page(in, problems)).build();
        service.store.add(in, service.user.userId().orElse(null));
        return Response.seeOther(URI.create("/${component}")).build();
    }

    private View page(ItemInput form, List<String> problems) {
        return View.of("${component}/list.ftlh").with("items", service.store.newest(service.pageSize()))
                .with("canManage", service.user.can(${prefix}Service.MANAGE)).with("form", form).with("problems", problems);
    }
}
