package eu.somep.core.web;

import eu.somep.api.web.Problem;
import eu.somep.core.plugin.PluginRefusal;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every exception into a problem+json or a friendly page; stack traces go to the log, never to a user. */
final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());
    private final Problems problems;

    ErrorMapper(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof Problem p) return problems.response(p.status(), p.title(), p.getMessage());
        if (e instanceof PluginRefusal r) return problems.response(r.status(), title(r.status()), r.getMessage());
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            var at = j.getLocation();
            return problems.response(400, "Bad request", "The request body is not the JSON this address expects"
                    + (at == null ? "." : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")."));
        }
        if (e instanceof NotFoundException) return problems.response(404, "Not found", "There is nothing at this address.");
        if (e instanceof WebApplicationException w) {
            int s = w.getResponse().getStatus();
            if (s >= 300 && s < 400) return w.getResponse();
            if (s < 500) return problems.response(s, title(s), clientMessage(w, s));
        }
        String refused = dataRefused(e);
        if (refused != null) {
            // the database would not take a value as sent (PostgreSQL refuses the NUL character in text, for example):
            // nothing was stored, the transaction rolled back; the sender can change the value
            LOG.warning("The database refused a value: " + refused);
            return problems.response(422, problems.text("kernel.error.data.title", "Not stored"), problems.text("kernel.error.data",
                    "A value could not be stored as sent: it contains a character the database does not accept (such as the NUL character) or does not fit. Change it and try again."));
        }
        if (Overload.poolExhausted(e)) {
            // every database connection stayed busy for the pool's timeout: an overload, not a bug; say when to retry
            LOG.warning("No database connection free in time: " + e);
            return Response.fromResponse(problems.response(503, "Unavailable", Overload.DETAIL)).header("Retry-After", Overload.RETRY_AFTER).build();
        }
        if (pluginStopped(e)) {
            // a request that was inside a plugin while an administrator disabled it (soak test): not a bug
            LOG.info("A request ended because its plugin stopped: " + e.getMessage());
            return Response.fromResponse(problems.response(503, "Unavailable", "This part of the site is being switched off or updated. Try again in a few seconds."))
                    .header("Retry-After", "5").build();
        }
        LOG.log(Level.SEVERE, "Unhandled error", e);
        return problems.response(500, "Internal error", "Something went wrong on our side. It has been logged; please try again.");
    }

    private static boolean pluginStopped(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof eu.somep.core.db.PluginStopped) return true;
        }
        return false;
    }

    /** The database's message when it refused a value (SQL state class 22, "data exception"); null for any other failure. */
    static String dataRefused(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("22")) {
                return s.getSQLState() + " " + s.getMessage();
            }
        }
        return null;
    }

    private static String clientMessage(WebApplicationException w, int s) {
        return switch (s) {
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the format you asked for.";
            case 415 -> "This address does not accept that content type.";
            default -> "The request could not be understood: check what you sent.";
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 503 -> "Unavailable";
            case 504 -> "Timeout";
            default -> "Error";
        };
    }
}
