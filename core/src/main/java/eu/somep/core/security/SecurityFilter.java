package eu.somep.core.security;

import eu.somep.core.access.Access;
import eu.somep.core.i18n.Languages;
import eu.somep.core.web.Overload;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs before every request: security headers, language, who is asking (a bearer token or the session),
 * and the CSRF check for every state-changing request that a browser session makes.
 */
public final class SecurityFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SecurityFilter.class.getName());
    public static final String SESSION_USER = "somep.user";
    /** When the session signed in (epoch ms): sessions end after an absolute time, however active. */
    public static final String SESSION_SINCE = "somep.since";
    static final String LANG_COOKIE = "somep_lang";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private final transient Users users;
    private final transient Access access;
    private final transient Shiro shiro;
    private final long maxSessionMillis;

    public SecurityFilter(Users users, Access access, Shiro shiro, long maxSessionMillis) {
        this.users = users;
        this.access = access;
        this.shiro = shiro;
        this.maxSessionMillis = maxSessionMillis;
    }

    /**
     * What escapes everything below (a token check, a session's account, a plugin outside its Jersey application)
     * is answered here: Jetty's own error page would show the exception's text, or nothing at all.
     */
    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        try {
            filter(req, resp, chain);
        } catch (RuntimeException | ServletException e) {
            if (resp.isCommitted()) throw e;
            resp.reset();
            headers(resp::setHeader, req.isSecure());
            int bad = Overload.badRequest(e);
            if (bad > 0) {
                LOG.fine("Unreadable request: " + e);
                Overload.unreadable(req, resp, bad);
            } else if (Overload.poolExhausted(e)) {
                LOG.warning("No database connection free in time: " + e);
                Overload.unavailable(req, resp, Overload.DETAIL);
            } else {
                LOG.log(Level.SEVERE, "Unhandled error", e);
                Overload.failed(req, resp);
            }
        }
    }

    private void filter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        headers(resp::setHeader, req.isSecure());

        User user = null;
        boolean viaToken = false;
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<User> u = users.byToken(auth.substring(7).trim());
            if (u.isEmpty()) {
                problem(resp, 401, "Unauthorized", "The bearer token is not valid, or it has expired. Get a new one with POST /api/tokens.");
                return;
            }
            user = u.get();
            viaToken = true;
        } else {
            HttpSession s = req.getSession(false);
            Object id = s == null ? null : s.getAttribute(SESSION_USER);
            if (id instanceof Long l) {
                Object since = s.getAttribute(SESSION_SINCE);
                if (since instanceof Long t && System.currentTimeMillis() - t > maxSessionMillis) {
                    s.invalidate(); // absolute timeout: sign in again
                    s = null;
                } else {
                    user = users.find(l).orElse(null);
                }
            }
            // a form's body is read here for its CSRF token, and kept so that Jersey can read it again
            if (!SAFE.contains(req.getMethod()) && FormBody.isForm(req)) {
                FormBody form = FormBody.of(req);
                if (form == null) {
                    if (path(req).startsWith("/api/")) {
                        problem(resp, 413, "Content too large", "A form may send at most 2 MB.");
                    } else { // a page's form: a page, as for the CSRF refusal below
                        resp.setStatus(413);
                        resp.setContentType("text/html;charset=utf-8");
                        resp.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too much text</title></head>"
                                + "<body><h1>Too much text</h1><p>A form may send at most 2 MB; nothing was saved. Go <a href=\"/\">back</a>, shorten the text and try again.</p></body></html>");
                    }
                    return;
                }
                req = form;
            }
            // Token clients are not browsers; sessions are, and need the CSRF token on every change.
            if (!SAFE.contains(req.getMethod()) && !anonymousApiCall(req, s) && !Csrf.valid(req)) {
                if (path(req).startsWith("/api/")) {
                    problem(resp, 403, "Forbidden", "This request changes data but carries no valid CSRF token. Send the X-CSRF-Token header, or use a bearer token.");
                } else {
                    resp.setStatus(403);
                    resp.setContentType("text/html;charset=utf-8");
                    resp.getWriter().write("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Form expired</title></head>"
                            + "<body><h1>Form expired</h1><p>This form has expired or was sent from elsewhere. Go <a href=\"/\">back</a>, reload the page and try again.</p></body></html>");
                }
                return;
            }
        }
        if (user != null) resp.setHeader("Cache-Control", "no-store");
        Locale locale = locale(req, resp, user);
        Current.set(new Current(user, req, locale, viaToken, access, shiro));
        try {
            chain.doFilter(req, resp);
        } finally {
            Current.clear();
        }
    }

    /**
     * The decoded path the servlet container routes by (path parameters such as {@code ;x} removed), so that
     * {@code /api;/plugins} is treated like {@code /api/plugins} everywhere.
     */
    public static String path(HttpServletRequest req) {
        String info = req.getPathInfo();
        return req.getServletPath() + (info == null ? "" : info);
    }

    /** The headers every response carries. */
    public static void headers(java.util.function.BiConsumer<String, String> set, boolean secure) {
        set.accept("X-Content-Type-Options", "nosniff");
        set.accept("Referrer-Policy", "same-origin");
        set.accept("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        if (secure) set.accept("Strict-Transport-Security", "max-age=31536000");
    }

    /**
     * A call to the JSON API that carries no session (for example {@code POST /api/tokens}) has no ambient
     * authority to forge, and cross-site pages cannot send it JSON or a jar without a CORS preflight we never grant.
     */
    private static boolean anonymousApiCall(HttpServletRequest req, HttpSession s) {
        if (s != null || !path(req).startsWith("/api/")) return false;
        String type = req.getContentType();
        return type == null || !(type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/") || type.startsWith("text/plain"));
    }

    /** {@code ?lang=de} chooses a language and remembers it in a cookie; else the cookie; else the browser's. */
    private Locale locale(HttpServletRequest req, HttpServletResponse resp, User user) {
        // only from the query string of a GET: reading a POST's parameters here would consume its form body
        String chosen = "GET".equals(req.getMethod()) ? queryParam(req.getQueryString(), "lang") : null;
        if (chosen != null && Languages.supported(chosen)) {
            Cookie c = new Cookie(LANG_COOKIE, chosen);
            c.setPath("/");
            c.setMaxAge(365 * 24 * 3600);
            c.setHttpOnly(true);
            c.setAttribute("SameSite", "Lax");
            resp.addCookie(c);
            return Locale.forLanguageTag(chosen);
        }
        Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (LANG_COOKIE.equals(c.getName()) && Languages.supported(c.getValue())) return Locale.forLanguageTag(c.getValue());
            }
        }
        String preferred = user == null ? null : users.language(user); // the profile's choice, on a browser that has none
        if (preferred != null) return Locale.forLanguageTag(preferred);
        return Languages.best(req.getHeader("Accept-Language"));
    }

    private static String queryParam(String query, String name) {
        if (query == null) return null;
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
        }
        return null;
    }

    static void problem(HttpServletResponse resp, int status, String title, String detail) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail.replace("\"", "'") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        resp.getOutputStream().write(body);
    }
}
