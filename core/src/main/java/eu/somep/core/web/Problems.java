package eu.somep.core.web;

import eu.somep.api.i18n.Messages;
import eu.somep.api.web.View;
import eu.somep.core.security.Current;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Error responses: RFC 9457 problem+json under {@code /api} (or for JSON clients), a friendly page for browsers. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
    private final Messages messages;

    public Problems() {
        this(null);
    }

    /** With the kernel's messages, the kernel's own refusals are in the user's language. */
    public Problems(Messages messages) {
        this.messages = messages;
    }

    /** A kernel message in the user's language; the English text when there is no catalog (unit tests). */
    String text(String key, String english) {
        return messages == null ? english : messages.get(key);
    }

    public Response response(int status, String title, String detail) {
        HttpServletRequest req = Current.get().request();
        String path = req == null ? "/" : req.getRequestURI();
        if (wantsJson(req)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", title);
            body.put("status", status);
            body.put("detail", detail);
            body.put("instance", path);
            return Response.status(status).type(PROBLEM_JSON).entity(body).build();
        }
        if (status == 401) {
            String next = URLEncoder.encode(path, StandardCharsets.UTF_8);
            return Response.seeOther(URI.create("/login?next=" + next)).build();
        }
        View page = View.of("kernel/error.ftlh").with("status", status).with("title", title).with("detail", detail);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }

    static boolean wantsJson(HttpServletRequest req) {
        if (req == null) return true;
        String path = eu.somep.core.security.SecurityFilter.path(req);
        if (path.startsWith("/api/") || path.equals("/health")) return true;
        String accept = req.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
