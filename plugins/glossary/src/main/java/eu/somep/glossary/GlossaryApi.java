package eu.somep.glossary;

import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.glossary.internal.GlossaryStore;
import eu.somep.glossary.internal.TermInput;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The glossary as JSON under {@code /api/glossary}; errors are RFC 9457 problem details. */
@Component(service = WebResource.class)
@Path("api/glossary")
@Produces(MediaType.APPLICATION_JSON)
public class GlossaryApi implements WebResource {
    private final GlossaryService service;

    @Activate
    public GlossaryApi(@Reference GlossaryService service) {
        this.service = service;
    }

    /** A term with its name and definition in each language it has: never its author. */
    public record TermJson(long id, Map<String, TermInput.Text> translations) {
        static TermJson of(GlossaryStore.Entry e) {
            Map<String, TermInput.Text> t = new LinkedHashMap<>();
            for (String l : TermInput.LANGUAGES) {
                if (e.translations().containsKey(l)) t.put(l, new TermInput.Text(e.translations().get(l).name, e.translations().get(l).definition));
            }
            return new TermJson(e.id(), t);
        }
    }

    /** The body of a POST: {@code {"translations": {"en": {"name": …, "definition": …}, "tr": …}}}. */
    public record TermBody(Map<String, TermInput.Text> translations) { }

    @GET
    @Path("terms")
    @PublicAccess
    public List<TermJson> list(@QueryParam("language") String language) {
        String lang = language != null && TermInput.LANGUAGES.contains(language) ? language : "en";
        return service.store.all(lang).stream().map(TermJson::of).toList();
    }

    @GET
    @Path("terms/{id}")
    @PublicAccess
    public TermJson get(@PathParam("id") long id) {
        return service.store.find(id).map(TermJson::of).orElseThrow(this::notFound);
    }

    @POST
    @Path("terms")
    @RequiresCapability(GlossaryService.MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TermBody body) {
        TermInput in = new TermInput(body == null ? null : body.translations());
        check(in.problems());
        long id = service.store.add(in, service.user.userId().orElse(null));
        return Response.created(URI.create("/api/glossary/terms/" + id)).entity(get(id)).build();
    }

    @PUT
    @Path("terms/{id}/translations/{lang}")
    @RequiresCapability(GlossaryService.MANAGE)
    @Consumes(MediaType.APPLICATION_JSON)
    public TermJson translate(@PathParam("id") long id, @PathParam("lang") String lang, TermInput.Text text) {
        TermInput.Text t = text == null ? new TermInput.Text(null, null) : text;
        check(TermInput.problems(lang, t));
        if (!service.store.translate(id, lang, t)) throw notFound();
        return get(id);
    }

    @DELETE
    @Path("terms/{id}")
    @RequiresCapability(GlossaryService.MANAGE)
    public Response delete(@PathParam("id") long id) {
        if (!service.store.delete(id)) throw notFound();
        return Response.noContent().build();
    }

    private void check(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new Problem(422, "Invalid term", String.join(" ", problems.stream().map(k -> service.messages.get(Locale.ENGLISH, k)).toList()));
        }
    }

    private Problem notFound() {
        return Problem.notFound(service.messages.get("glossary.error.notfound"));
    }
}
