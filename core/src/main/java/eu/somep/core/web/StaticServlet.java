package eu.somep.core.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Serves the kernel's static files and Bootstrap (from its WebJar) under {@code /static/}: no CDN. Theme files come
 * from the running theme's bundle, {@code /static/themes/<theme>/<version>/<path>}: the version in the address lets
 * browsers cache them for a day and still fetch an upgraded theme's at once.
 */
final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String THEMES = "/themes/";
    private final transient BiFunction<String, String, URL> themeFiles;

    StaticServlet(BiFunction<String, String, URL> themeFiles) {
        this.themeFiles = themeFiles;
    }
    private static final String BOOTSTRAP = "META-INF/resources/webjars/bootstrap/5.3.3/";
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=utf-8", "js", "text/javascript;charset=utf-8", "svg", "image/svg+xml",
            "png", "image/png", "map", "application/json", "ico", "image/x-icon", "woff2", "font/woff2");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || path.contains("..") || path.contains("\\")) {
            resp.sendError(404);
            return;
        }
        if (path.startsWith(THEMES)) {
            serveTheme(path.substring(THEMES.length()), resp);
            return;
        }
        String resource = path.startsWith("/bootstrap/") ? BOOTSTRAP + path.substring("/bootstrap/".length()) : "static" + path;
        String ext = path.substring(path.lastIndexOf('.') + 1);
        try (InputStream in = StaticServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null || !TYPES.containsKey(ext)) {
                resp.sendError(404);
                return;
            }
            resp.setContentType(TYPES.get(ext));
            resp.setHeader("Cache-Control", "public, max-age=86400");
            in.transferTo(resp.getOutputStream());
        }
    }

    private void serveTheme(String rest, HttpServletResponse resp) throws IOException {
        String[] parts = rest.split("/", 3); // theme, version, path
        String ext = rest.substring(rest.lastIndexOf('.') + 1);
        URL url = parts.length == 3 && TYPES.containsKey(ext) ? themeFiles.apply(parts[0], parts[2]) : null;
        if (url == null) {
            resp.sendError(404);
            return;
        }
        try (InputStream in = url.openStream()) {
            resp.setContentType(TYPES.get(ext));
            resp.setHeader("Cache-Control", "public, max-age=86400");
            in.transferTo(resp.getOutputStream());
        }
    }
}
