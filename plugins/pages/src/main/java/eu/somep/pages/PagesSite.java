package eu.somep.pages;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.pages.internal.Page;
import eu.somep.pages.internal.PageInput;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The pages as HTML: read them under {@code /pages/{slug}}, edit them under {@code /pages/{slug}/edit}. */
@Component(service = WebResource.class)
@Path("pages")
@Produces(MediaType.TEXT_HTML)
public class PagesSite implements WebResource {
    private final PagesService pages;

    @Activate
    public PagesSite(@Reference PagesService pages) {
        this.pages = pages;
    }

    @GET
    @PublicAccess
    public View list() {
        return View.of("pages/list.ftlh").with("pages", pages.store.list(pages.lang(), pages.member()))
                .with("canEdit", pages.user.can(PagesService.EDIT));
    }

    @GET
    @Path("{slug}")
    @PublicAccess
    public View show(@PathParam("slug") String slug) {
        Page p = pages.store.find(slug, pages.lang()).orElseThrow(() -> Problem.notFound(pages.messages.get("pages.error.notfound")));
        if (!p.isPublic() && !pages.member()) throw new Problem(401, "Unauthorized", pages.messages.get("pages.error.members"));
        return View.of("pages/page.ftlh").with("page", p).with("canEdit", pages.user.can(PagesService.EDIT));
    }

    @GET
    @Path("{slug}/edit")
    @RequiresCapability(PagesService.EDIT)
    public View edit(@PathParam("slug") String slug, @QueryParam("language") String language) {
        String lang = language != null && PageInput.LANGUAGES.contains(language) ? language : pages.lang();
        List<Page> versions = pages.store.versions(slug);
        Page p = versions.stream().filter(v -> v.getLang().equals(lang)).findFirst().orElse(null);
        Page any = versions.isEmpty() ? null : versions.get(0);
        PageInput form = new PageInput(slug, lang, p != null ? p.getTitle() : any != null ? any.getTitle() : "",
                p != null ? p.getBody() : "", p != null ? p.getVisibility() : any != null ? any.getVisibility() : "public");
        return editor(form, List.of(), versions.isEmpty());
    }

    @GET
    @Path("new")
    @RequiresCapability(PagesService.EDIT)
    public View create() {
        return editor(new PageInput("", pages.lang(), "", "", "public"), List.of(), true);
    }

    @POST
    @Path("{slug}/edit")
    @RequiresCapability(PagesService.EDIT)
    public Response save(@PathParam("slug") String pathSlug, @FormParam("slug") String slug, @FormParam("language") String language,
                         @FormParam("title") String title, @FormParam("body") String body, @FormParam("visibility") String visibility) {
        boolean isNew = "new".equals(pathSlug);
        PageInput in = new PageInput(isNew ? slug : pathSlug, language, title, body, visibility);
        List<String> problems = in.problems();
        if (!problems.isEmpty()) {
            // show the form again with everything the editor typed
            return Response.status(400).entity(editor(in, problems, isNew)).build();
        }
        pages.store.save(in);
        return Response.seeOther(URI.create("/pages/" + in.slug())).build();
    }

    @POST
    @Path("{slug}/delete")
    @RequiresCapability(PagesService.EDIT)
    public Response delete(@PathParam("slug") String slug) {
        pages.store.delete(slug);
        return Response.seeOther(URI.create("/pages")).build();
    }

    private View editor(PageInput form, List<String> problems, boolean isNew) {
        return View.of("pages/edit.ftlh").with("form", form).with("problems", problems).with("isNew", isNew)
                .with("languages", List.of("en", "tr", "de"));
    }
}
