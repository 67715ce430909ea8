package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.core.audit.AuditLog;
import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.security.Current;
import eu.somep.core.theme.Themes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The site's theme as a REST API: {@code GET /api/admin/themes}, {@code PUT /api/admin/themes {"theme": "night"}}. */
@Path("api/admin/themes")
@RequiresCapability(ThemesApi.CAPABILITY)
@Produces(MediaType.APPLICATION_JSON)
public final class ThemesApi {
    public static final String CAPABILITY = "kernel:managethemes";
    private final Themes themes;
    private final MessageCatalog messages;
    private final AuditLog audit;

    public ThemesApi(Themes themes, MessageCatalog messages, AuditLog audit) {
        this.themes = themes;
        this.messages = messages;
        this.audit = audit;
    }

    /** {@code chosen} is the administrator's choice; {@code active} what pages show (the default while it is not running). */
    public record State(String chosen, String active, List<Themes.Choice> themes) {
    }

    public record Change(String theme) {
    }

    @GET
    public State get() {
        return new State(themes.chosen(), themes.active().map(a -> a.id()).orElse(Themes.DEFAULT), themes.choices(Current.get().locale()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public State put(Change change) {
        choose(themes, messages, audit, change == null ? null : change.theme(), "via the API");
        return get();
    }

    /** Shared with the admin page: a theme that is not running is refused with a message in the user's language. */
    static void choose(Themes themes, MessageCatalog messages, AuditLog audit, String id, String how) {
        String wanted = id == null ? "" : id.trim();
        if (!themes.choose(wanted)) {
            String name = wanted.length() > 40 ? wanted.substring(0, 40) + "…" : wanted;
            throw new Problem(422, messages.get(Current.get().locale(), "kernel.themes.unknown.title"),
                    messages.get(Current.get().locale(), "kernel.themes.unknown", name));
        }
        audit.record("theme/choose", wanted, how);
    }
}
