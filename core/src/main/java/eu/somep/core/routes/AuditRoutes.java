package eu.somep.core.routes;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.api.web.View;
import eu.somep.core.audit.AuditLog;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit log: a filterable admin page under {@code /admin/audit} and the same as JSON under {@code /api/audit}. */
@Path("/")
@RequiresCapability(AuditRoutes.CAPABILITY)
public final class AuditRoutes {
    public static final String CAPABILITY = "kernel:viewaudit";
    private static final int PAGE = 200;
    private final AuditLog audit;

    public AuditRoutes(AuditLog audit) {
        this.audit = audit;
    }

    @GET
    @Path("admin/audit")
    @Produces(MediaType.TEXT_HTML)
    public View page(@QueryParam("action") String action, @QueryParam("user") String user,
                     @QueryParam("from") String from, @QueryParam("to") String to) {
        List<AuditLog.Entry> entries;
        String error = "";
        try {
            entries = audit.find(action, user, day(from, 0), day(to, 1), PAGE);
        } catch (Problem p) {
            entries = List.of();
            error = p.getMessage();
        }
        return View.of("kernel/admin/audit.ftlh").with("entries", entries).with("error", error)
                .with("action", action == null ? "" : action).with("user", user == null ? "" : user)
                .with("from", from == null ? "" : from).with("to", to == null ? "" : to);
    }

    @GET
    @Path("api/audit")
    @Produces(MediaType.APPLICATION_JSON)
    public List<AuditLog.Entry> api(@QueryParam("action") String action, @QueryParam("user") String user,
                                    @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") Integer limit) {
        return audit.find(action, user, day(from, 0), day(to, 1), limit == null ? PAGE : limit);
    }

    /** A day (YYYY-MM-DD, UTC) as an instant: its start, or with {@code plusDays = 1} the start of the next day. */
    private static Instant day(String s, int plusDays) {
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.trim()).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("Dates are written YYYY-MM-DD, for example 2026-11-24; '" + s + "' is not one.");
        }
    }
}
