package eu.somep.glossary;

import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.glossary.internal.TermInput;
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
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The glossary under {@code /glossary}, in the reader's language, and a form (with its CSRF token) to add a term. */
@Component(service = WebResource.class)
@Path("glossary")
@Produces(MediaType.TEXT_HTML)
public class GlossarySite implements WebResource {
    private final GlossaryService service;

    @Activate
    public GlossarySite(@Reference GlossaryService service) {
        this.service = service;
    }

    @GET
    @PublicAccess
    public View list() {
        return page(new TermInput(Map.of()), List.of());
    }

    @POST
    @Path("terms")
    @RequiresCapability(GlossaryService.MANAGE)
    public Response add(@FormParam("en_name") String enName, @FormParam("en_definition") String enDefinition,
                        @FormParam("tr_name") String trName, @FormParam("tr_definition") String trDefinition,
                        @FormParam("de_name") String deName, @FormParam("de_definition") String deDefinition) {
        TermInput in = new TermInput(Map.of("en", new TermInput.Text(enName, enDefinition), "tr", new TermInput.Text(trName, trDefinition),
                "de", new TermInput.Text(deName, deDefinition)));
        List<String> problems = in.problems().stream().map(k -> service.messages.get(k)).toList();
        // show the form again with everything that was typed
        if (!problems.isEmpty()) return Response.status(400).entity(page(in, problems)).build();
        service.store.add(in, service.user.userId().orElse(null));
        return Response.seeOther(URI.create("/glossary")).build();
    }

    private View page(TermInput form, List<String> problems) {
        String lang = service.lang();
        return View.of("glossary/list.ftlh").with("entries", service.store.all(lang)).with("lang", lang)
                .with("otherLanguages", service.otherLanguages()).with("languages", TermInput.LANGUAGES)
                .with("canManage", service.user.can(GlossaryService.MANAGE)).with("form", form.texts()).with("problems", problems);
    }
}
