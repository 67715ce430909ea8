package eu.somep.core.web;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * One component's Jersey application. Built on its first request (so enabling a plugin is quick), never
 * reloaded: a change of the component's resources makes a new WebApp, and the old one is destroyed only
 * after its last in-flight request has finished (Jersey's reload() fails requests and leaks class loaders).
 */
final class WebApp {
    private final String component;
    private final Supplier<ResourceConfig> config;
    private final Supplier<ServletConfig> servletConfig;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private volatile boolean retired;
    private volatile ServletContainer container;

    WebApp(String component, Supplier<ResourceConfig> config, Supplier<ServletConfig> servletConfig) {
        this.component = component;
        this.config = config;
        this.servletConfig = servletConfig;
    }

    String component() {
        return component;
    }

    /** Counts a request in; false when the app is retired and the caller should look again. */
    boolean acquire() {
        inFlight.incrementAndGet();
        if (retired) {
            release();
            return false;
        }
        return true;
    }

    void release() {
        if (inFlight.decrementAndGet() == 0 && retired) destroy();
    }

    void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        container().service(req, resp);
    }

    private ServletContainer container() throws ServletException {
        ServletContainer c = container;
        if (c != null) return c;
        synchronized (this) {
            if (container == null) {
                ServletContainer fresh = new ServletContainer(config.get());
                fresh.init(servletConfig.get());
                container = fresh;
            }
            return container;
        }
    }

    /** No new requests; destroyed as soon as the running ones are done. */
    void retire() {
        retired = true;
        if (inFlight.get() == 0) destroy();
    }

    private void destroy() {
        if (!destroyed.compareAndSet(false, true)) return;
        ServletContainer c;
        synchronized (this) {
            c = container;
            container = null;
        }
        if (c != null) c.destroy();
    }
}
