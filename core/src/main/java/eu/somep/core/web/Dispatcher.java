package eu.somep.core.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Sends each request to the Jersey application of the component its path names ({@code /forum/...} and
 * {@code /api/forum/...} go to {@code forum}); everything else goes to the kernel's own application.
 */
final class Dispatcher extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient WebApps apps;
    private final int perPlugin;
    // A bulkhead per plugin: a plugin whose requests hang (a deadlock, a call that never returns) can hold at most
    // perPlugin of the server's threads; the rest keep the kernel and the other plugins serving. Keyed by installed
    // components only (the app routed to), so odd paths cannot grow it.
    private final transient Map<String, Semaphore> inService = new ConcurrentHashMap<>();

    Dispatcher(WebApps apps, int perPlugin) {
        this.apps = apps;
        this.perPlugin = perPlugin;
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
            Semaphore permits = "kernel".equals(app.component()) ? null
                    : inService.computeIfAbsent(app.component(), c -> new Semaphore(perPlugin));
            try {
                if (permits != null && !permits.tryAcquire()) {
                    busy(req, resp, app.component());
                    return;
                }
                try {
                    app.service(req, resp);
                } finally {
                    if (permits != null) permits.release();
                }
            } finally {
                app.release();
            }
            return;
        }
        resp.sendError(503);
    }

    /** 503 with Retry-After: the plugin has all the threads it may use busy, so this request is not queued behind them. */
    private static void busy(HttpServletRequest req, HttpServletResponse resp, String component) throws IOException {
        resp.setStatus(503);
        resp.setHeader("Retry-After", "5");
        String detail = "The '" + component + "' part of the site is busy with other requests. Try again in a few seconds.";
        if (Problems.wantsJson(req)) {
            resp.setContentType("application/problem+json");
            resp.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,\"detail\":\""
                    + detail + "\"}").getBytes(StandardCharsets.UTF_8));
        } else {
            resp.setContentType("text/html;charset=utf-8");
            resp.getOutputStream().write(("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Busy · SOMEP</title></head>"
                    + "<body><main><h1>Busy</h1><p>" + detail + "</p><p><a href=\"/\">SOMEP</a></p></main></body></html>")
                    .getBytes(StandardCharsets.UTF_8));
        }
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
