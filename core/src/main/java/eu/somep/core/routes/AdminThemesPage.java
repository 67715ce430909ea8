package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.security.Current;
import eu.somep.core.theme.Themes;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The admin themes page: pick the site's look. The form carries the CSRF token; the choice applies on the next request. */
@Path("admin/themes")
@RequiresCapability(ThemesApi.CAPABILITY)
@Produces(MediaType.TEXT_HTML)
public final class AdminThemesPage {
    private static final String FLASH = "somep.themes.flash";
    private final Themes themes;
    private final MessageCatalog messages;
    private final AuditLog audit;

    public AdminThemesPage(Themes themes, MessageCatalog messages, AuditLog audit) {
        this.themes = themes;
        this.messages = messages;
        this.audit = audit;
    }

    @GET
    public View page() {
        HttpSession s = Current.get().request().getSession(false);
        Object done = s == null ? null : s.getAttribute(FLASH);
        if (done != null) s.removeAttribute(FLASH);
        return view().with("done", done == null ? "" : done).with("error", "");
    }

    @POST
    public Response choose(@FormParam("theme") String theme) {
        try {
            ThemesApi.choose(themes, messages, audit, theme, "via the admin page");
        } catch (Problem p) {
            // the page again, with the reason, as a 422: nothing was changed
            return Response.status(422).entity(view().with("done", "").with("error", p.getMessage())).build();
        }
        Current.get().request().getSession().setAttribute(FLASH, theme.trim());
        return Response.seeOther(URI.create("/admin/themes")).build();
    }

    private View view() {
        return View.of("kernel/admin/themes.ftlh").with("themes", themes.choices(Current.get().locale())).with("chosen", themes.chosen());
    }
}
