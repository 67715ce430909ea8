package eu.somep.core.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends each request to the Jersey application of the component its path names ({@code /forum/...} and
 * {@code /api/forum/...} go to {@code forum}); everything else goes to the kernel's own application.
 */
final class Dispatcher extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient WebApps apps;

    Dispatcher(WebApps apps) {
        this.apps = apps;
    }

    @Override
    public void init() {
        apps.servletConfig(getServletConfig());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String component = componentOf(eu.somep.core.security.SecurityFilter.path(req));
        for (int attempt = 0; attempt < 100; attempt++) {
            WebApp app = apps.route(component);
            if (!app.acquire()) continue; // swapped while we looked; the new one is in place
            try {
                app.service(req, resp);
            } finally {
                app.release();
            }
            return;
        }
        resp.sendError(503);
    }

    /** The first path segment, or the second after {@code /api/}; null for the site root. */
    static String componentOf(String path) {
        if (path == null || path.length() < 2) return null;
        int start = 1;
        if (path.startsWith("/api/")) start = 5;
        int end = path.indexOf('/', start);
        String seg = end < 0 ? path.substring(start) : path.substring(start, end);
        return seg.isEmpty() ? null : seg;
    }
}
