package eu.somep.core.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Serves the kernel's static files and Bootstrap (from its WebJar) under {@code /static/}: no CDN. */
final class StaticServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
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
}
