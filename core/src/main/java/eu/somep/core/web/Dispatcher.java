package eu.somep.core.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends each request to the Jersey application of the component its path names ({@code /forum/...} and
 * {@code /api/forum/...} go to {@code forum}); everything else goes to the kernel's own application.
 */
final class Dispatcher extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient WebApps apps;
    private final int perPlugin;
    private final int queue;
    // A bulkhead per plugin: a plugin whose requests hang (a deadlock, a call that never returns) can hold at most
    // perPlugin of the server's threads; the rest keep the kernel and the other plugins serving. Keyed by installed
    // components only (the app routed to), so odd paths cannot grow it.
    private final transient Map<String, Semaphore> inService = new ConcurrentHashMap<>();
    // A burst beyond perPlugin (500 trainees starting a quiz at once) waits, up to `queue` requests for up to
    // WAIT_SECONDS each; only what comes on top of that is refused. The permits are fair and even the first try
    // queues (a timed tryAcquire, which keeps the order; the untimed one barges): a waiting request is served before
    // later arrivals, where barging let new requests overtake it again and again and put its wait in the p99. Waiting holds a thread too, so the pool is sized
    // perPlugin + queue + a reserve that neither can touch.
    private final transient Map<String, Semaphore> waiting = new ConcurrentHashMap<>();
    static final int WAIT_SECONDS = 30;

    Dispatcher(WebApps apps, int perPlugin, int queue) {
        this.apps = apps;
        this.perPlugin = perPlugin;
        this.queue = queue;
    }

    @Override
    public void init() {
        apps.servletConfig(getServletConfig());
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        try {
            dispatch(req, resp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resp.sendError(503);
        }
    }

    private void dispatch(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException, InterruptedException {
        String component = componentOf(eu.somep.core.security.SecurityFilter.path(req));
        for (int attempt = 0; attempt < 100; attempt++) {
            WebApp app = apps.route(component);
            if (!app.acquire()) continue; // swapped while we looked; the new one is in place
            Semaphore permits = "kernel".equals(app.component()) ? null
                    : inService.computeIfAbsent(app.component(), c -> new Semaphore(perPlugin, true));
            try {
                if (permits != null && !permits.tryAcquire(0, TimeUnit.SECONDS) && !waitFor(permits, app.component())) {
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

    /** Waits for a permit, if the plugin's queue has room; false when the request should be refused. */
    private boolean waitFor(Semaphore permits, String component) {
        Semaphore queued = waiting.computeIfAbsent(component, c -> new Semaphore(queue));
        if (!queued.tryAcquire()) return false;
        try {
            return permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            queued.release();
        }
    }

    /** 503 with Retry-After: the plugin has all the threads it may use busy and its queue is full. */
    private static void busy(HttpServletRequest req, HttpServletResponse resp, String component) throws IOException {
        Overload.unavailable(req, resp, "The '" + component + "' part of the site is busy with other requests. Try again in a few seconds.");
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
