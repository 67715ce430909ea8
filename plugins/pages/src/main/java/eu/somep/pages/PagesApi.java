package eu.somep.pages;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.pages.internal.Page;
import eu.somep.pages.internal.PageInput;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The pages as JSON under {@code /api/pages}. */
@Component(service = WebResource.class)
@Path("api/pages")
@Produces(MediaType.APPLICATION_JSON)
public class PagesApi implements WebResource {
    private final PagesService pages;

    @Activate
    public PagesApi(@Reference PagesService pages) {
        this.pages = pages;
    }

    public record PageJson(String slug, String language, String title, String body, String visibility, Instant updatedAt) {
        static PageJson of(Page p) {
            return new PageJson(p.getSlug(), p.getLang(), p.getTitle(), p.getBody(), p.getVisibility(), p.getUpdatedAt());
        }
    }

    public record PageUpdate(String language, String title, String body, String visibility) {
    }

    @GET
    @PublicAccess
    public List<PageJson> list(@QueryParam("language") String language) {
        String lang = language == null ? pages.lang() : language;
        return pages.store.list(lang, pages.member()).stream().map(PageJson::of).toList();
    }

    @GET
    @Path("{slug}")
    @PublicAccess
    public PageJson get(@PathParam("slug") String slug, @QueryParam("language") String language) {
        Page p = pages.store.find(slug, language == null ? pages.lang() : language)
                .orElseThrow(() -> Problem.notFound("No page '" + slug + "'."));
        if (!p.isPublic() && !pages.member()) throw new Problem(401, "Unauthorized", "This page is for signed-in members.");
        return PageJson.of(p);
    }

    @PUT
    @Path("{slug}")
    @RequiresCapability(PagesService.EDIT)
    @Consumes(MediaType.APPLICATION_JSON)
    public PageJson put(@PathParam("slug") String slug, PageUpdate u) {
        if (u == null) throw Problem.badRequest("Send a JSON object with language, title, body and visibility.");
        PageInput in = new PageInput(slug, u.language(), u.title(), u.body(), u.visibility());
        List<String> problems = in.problems();
        if (!problems.isEmpty()) {
            throw new Problem(422, "Invalid page", String.join(" ", problems.stream().map(k -> pages.messages.get(java.util.Locale.ENGLISH, k)).toList()));
        }
        return PageJson.of(pages.store.save(in));
    }

    @DELETE
    @Path("{slug}")
    @RequiresCapability(PagesService.EDIT)
    public Response delete(@PathParam("slug") String slug) {
        if (pages.store.delete(slug) == 0) throw Problem.notFound("No page '" + slug + "'.");
        return Response.noContent().build();
    }
}
