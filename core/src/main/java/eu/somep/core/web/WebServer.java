package eu.somep.core.web;

import eu.somep.core.security.SecurityFilter;
import eu.somep.core.security.Users;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty with the security filter, the static files and the dispatcher to the components' Jersey applications. */
public final class WebServer {
    private final Server server;
    private final ServerConnector connector;

    public WebServer(int port, WebApps apps, Users users, Path tmp) {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("somep-http");
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setPort(port);
        connector.setHost(System.getProperty("somep.bind", "0.0.0.0"));
        server.addConnector(connector);

        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SESSIONS);
        ctx.setContextPath("/");
        SessionHandler sessions = ctx.getSessionHandler();
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSessionCookie("SOMEPSESSION");
        sessions.setMaxInactiveInterval(8 * 3600);
        ctx.addFilter(new FilterHolder(new SecurityFilter(users)), "/*", EnumSet.of(DispatcherType.REQUEST));
        ctx.addServlet(new ServletHolder("static", new StaticServlet()), "/static/*");
        ServletHolder dispatcher = new ServletHolder("somep", new Dispatcher(apps));
        dispatcher.getRegistration().setMultipartConfig(new MultipartConfigElement(tmp.toString(), 64L << 20, 64L << 20, 1 << 20));
        dispatcher.setInitOrder(1);
        ctx.addServlet(dispatcher, "/*");
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        ctx.setErrorHandler(errors);
        server.setErrorHandler(errors);
        server.setHandler(ctx);
    }

    public void start() throws Exception {
        server.start();
    }

    public int port() {
        return connector.getLocalPort();
    }

    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            // shutting down anyway
        }
    }
}
