package eu.somep.core.web;

import eu.somep.core.security.SecurityFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.MultipartConfigElement;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty with the security filter, the static files and the dispatcher to the components' Jersey applications. */
public final class WebServer {
    private final Server server;
    private final ServerConnector connector;

    public static final int PER_PLUGIN = 64;
    public static final int QUEUE = 64;
    static final int RESERVE = 16;

    public WebServer(int port, String host, WebApps apps, SecurityFilter security, Path tmp, int idleMinutes,
                     java.util.function.BiFunction<String, String, java.net.URL> themeFiles) {
        this(port, host, apps, security, tmp, idleMinutes, themeFiles, null);
    }

    /** {@code sharedSessions}: the database every node of a cluster keeps its sessions in; null keeps them in memory. */
    public WebServer(int port, String host, WebApps apps, SecurityFilter security, Path tmp, int idleMinutes,
                     java.util.function.BiFunction<String, String, java.net.URL> themeFiles, javax.sql.DataSource sharedSessions) {
        // 64 threads serve far more than the target load; idle ones go after 5 s so memory returns after a burst.
        // One plugin may have PER_PLUGIN requests in service and QUEUE more waiting for them; the RESERVE more keep
        // the site up when a plugin's requests hang.
        QueuedThreadPool threads = new QueuedThreadPool(PER_PLUGIN + QUEUE + RESERVE, 4, 5_000);
        threads.setName("somep-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setPort(port);
        connector.setHost(host);
        server.addConnector(connector);

        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SESSIONS);
        ctx.setContextPath("/");
        SessionHandler sessions = ctx.getSessionHandler();
        sessions.setHttpOnly(true);
        sessions.setSameSite(HttpCookie.SameSite.LAX);
        sessions.setSessionCookie("SOMEPSESSION");
        sessions.setMaxInactiveInterval(idleMinutes * 60);
        if (sharedSessions != null) SharedSessions.install(sessions, sharedSessions);
        ctx.addFilter(new FilterHolder(security), "/*", EnumSet.of(DispatcherType.REQUEST));
        ctx.addServlet(new ServletHolder("static", new StaticServlet(themeFiles)), "/static/*");
        ServletHolder dispatcher = new ServletHolder("somep", new Dispatcher(apps, PER_PLUGIN, QUEUE));
        dispatcher.getRegistration().setMultipartConfig(new MultipartConfigElement(tmp.toString(), 64L << 20, 64L << 20, 1 << 20));
        dispatcher.setInitOrder(1);
        ctx.addServlet(dispatcher, "/*");
        ErrorHandler errors = new HeadersErrorHandler();
        errors.setShowStacks(false);
        ctx.setErrorHandler(errors);
        server.setErrorHandler(errors);
        server.setHandler(ctx);
    }

    /** Requests Jetty refuses itself (a malformed or ambiguous URI) get the security headers too, and no stack. */
    private static final class HeadersErrorHandler extends ErrorHandler {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            SecurityFilter.headers((name, value) -> response.getHeaders().put(name, value), false);
            return super.handle(request, response, callback);
        }
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
