package eu.somep.core.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers written outside Jersey (in the security filter and the dispatcher, before a plugin is reached): a 503 with
 * Retry-After when the site is overloaded, and a bare 500 for anything else that escaped, never the exception's text.
 */
public final class Overload {
    public static final String RETRY_AFTER = "5";
    public static final String DETAIL = "The site cannot serve this right now: it is very busy, or its database is out of reach. Try again in a few seconds.";

    private Overload() {
    }

    /** True when no database connection became free within the pool's wait: an overload, not a bug. */
    public static boolean poolExhausted(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) return true;
        }
        return false;
    }

    /** 503 with Retry-After, as problem+json or as a small page. */
    public static void unavailable(HttpServletRequest req, HttpServletResponse resp, String detail) throws IOException {
        resp.setHeader("Retry-After", RETRY_AFTER);
        write(req, resp, 503, "Service unavailable", detail);
    }

    /**
     * The 4xx status Jetty gave a request it could not read (a malformed or over-large multipart body, say), or 0.
     * Such a request is the client's mistake, not a 500.
     */
    public static int badRequest(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.BadMessageException b && b.getCode() >= 400 && b.getCode() < 500) return b.getCode();
        }
        return 0;
    }

    /** A 4xx for a request that could not be read, with a fixed text (Jetty's reason may echo the input). */
    public static void unreadable(HttpServletRequest req, HttpServletResponse resp, int status) throws IOException {
        write(req, resp, status, status == 413 ? "Too large" : "Bad request",
                "The request could not be read: a field or file is too large, or the form is malformed. Nothing was saved.");
    }

    /** 500 without the failure's text (it is logged by the caller). */
    public static void failed(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        write(req, resp, 500, "Internal error", "Something went wrong on our side. It has been logged; please try again.");
    }

    private static void write(HttpServletRequest req, HttpServletResponse resp, int status, String title, String detail) throws IOException {
        resp.setStatus(status);
        byte[] body;
        if (Problems.wantsJson(req)) {
            resp.setContentType("application/problem+json");
            body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            resp.setContentType("text/html;charset=utf-8");
            body = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " · SOMEP</title></head>"
                    + "<body><main><h1>" + title + "</h1><p>" + detail + "</p><p><a href=\"/\">SOMEP</a></p></main></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        resp.getOutputStream().write(body);
    }
}
