package eu.somep.core.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/** Synchronizer tokens: one per session, sent back in a form field {@code _csrf} or the header {@code X-CSRF-Token}. */
public final class Csrf {
    static final String ATTR = "somep.csrf";
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    static String token(HttpSession session) {
        String t = (String) session.getAttribute(ATTR);
        if (t == null) {
            t = Users.randomToken();
            session.setAttribute(ATTR, t);
        }
        return t;
    }

    static boolean valid(HttpServletRequest req) {
        HttpSession s = req.getSession(false);
        if (s == null) return false;
        String expected = (String) s.getAttribute(ATTR);
        String sent = req.getHeader(HEADER);
        if (sent == null) sent = req.getParameter(FIELD);
        return expected != null && sent != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
