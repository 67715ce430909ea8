package eu.somep.core.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;

/**
 * A URL-encoded form request whose body was read once (to find its CSRF token) and can be read again: by
 * Jersey, for {@code @FormParam} and for a whole-form {@code MultivaluedMap}, and as servlet parameters.
 * Without it, reading {@code _csrf} through {@code getParameter} consumes the body before Jersey sees it.
 */
final class FormBody extends HttpServletRequestWrapper {
    /** Larger forms are refused (413): page forms are small; files go as multipart. */
    static final int MAX = 2 * 1024 * 1024;
    private final byte[] body;
    private final Map<String, String[]> params;

    private FormBody(HttpServletRequest req, byte[] body) {
        super(req);
        this.body = body;
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        // query parameters first, then the form's, as the servlet API merges them
        for (String source : new String[] {req.getQueryString(), new String(body, StandardCharsets.ISO_8859_1)}) {
            if (source == null || source.isEmpty()) continue;
            for (String pair : source.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parsed.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        parsed.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        this.params = Collections.unmodifiableMap(out);
    }

    private static String decode(String s) {
        try {
            // the raw bytes were read as ISO-8859-1, one char per byte, so percent-escapes decode as UTF-8
            return URLDecoder.decode(new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ""; // a malformed escape: the field is empty rather than the request failing
        }
    }

    /** The request wrapped, or null when its body is larger than {@link #MAX}. */
    static FormBody of(HttpServletRequest req) throws IOException {
        byte[] body = req.getInputStream().readNBytes(MAX + 1);
        return body.length > MAX ? null : new FormBody(req, body);
    }

    static boolean isForm(HttpServletRequest req) {
        String type = req.getContentType();
        return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override public String getParameter(String name) {
        String[] v = params.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }
    @Override public Map<String, String[]> getParameterMap() { return params; }
    @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(params.keySet()); }
    @Override public String[] getParameterValues(String name) { return params.get(name); }
}
