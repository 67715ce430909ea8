package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.SharedSomep;
import eu.somep.testkit.TestSomep;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Protected routes stay closed however their path is spelled: path parameters ({@code ;}), dot segments,
 * doubled slashes, percent-encoded dots, slashes and backslashes, changed case, a trailing slash and CR/LF.
 * The requests go out as raw bytes over a socket, because {@link java.net.http.HttpClient} normalises or
 * refuses some of these paths before they leave. Nothing may answer 2xx (the route was reached) or 5xx (a
 * bug in itself), leak what a protected route shows, carry a stack trace, lose the security headers or let
 * CR/LF into a header.
 */
class PathNormalisationIT {
    private static TestSomep somep;

    @RegisterExtension
    static final SharedSomep SITE = new SharedSomep(s -> somep = s);

    /** What only the protected routes show: the admin page's plugin rows, the plugin JSON, the page editor. */
    private static final List<String> PROTECTED_MARKERS = List.of("data-plugin=", "\"requiredBy\"", "\"symbolicName\"", "name=\"visibility\"",
            "action=\"/pages/about/edit\"", "data-testid=\"user\"");
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", " at eu.somep.", " at org.", " at java.", "Caused by",
            ".java:", "org.glassfish", "org.eclipse.jetty");

    private static final String GUEST_BROWSER = "guest (browser)";
    private static final String GUEST_API = "guest (JSON client)";
    private static final String BAD_TOKEN = "invalid bearer token";

    @BeforeAll
    static void start() throws Exception {
        // the routes answer as expected when spelled right, so the variants below test the spelling, not the route
        assertEquals(401, raw("GET", "/api/plugins", GUEST_API).status);
        assertEquals(303, raw("GET", "/admin/plugins", GUEST_BROWSER).status);
        assertEquals(303, raw("GET", "/pages/about/edit", GUEST_BROWSER).status);
        assertEquals(401, raw("POST", "/api/plugins/pages/disable", GUEST_API).status);
        assertEquals(401, raw("GET", "/admin/plugins", BAD_TOKEN).status);
        assertEquals(200, raw("GET", "/pages/about", GUEST_BROWSER).status);
        // and as the administrator, the spelling this test uses reaches them (a check that would pass on anything proves nothing)
        Raw admin = raw("GET", "/admin/plugins", "Bearer " + somep.adminToken());
        assertEquals(200, admin.status, admin.text);
        assertTrue(admin.text.contains("data-plugin=\"pages\""), admin.text);
    }

    @Test
    void no_spelling_of_a_protected_path_opens_it_to_a_guest_or_a_bad_token() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (String[] target : List.of(new String[] {"GET", "/admin/plugins"}, new String[] {"GET", "/api/plugins"},
                new String[] {"GET", "/pages/about/edit"}, new String[] {"POST", "/api/plugins/pages/disable"})) {
            for (String path : variants(target[1])) {
                for (String who : List.of(GUEST_BROWSER, GUEST_API, BAD_TOKEN)) {
                    Raw r = raw(target[0], path, who);
                    sent++;
                    String where = target[0] + " " + printable(path) + " as " + who + " -> " + r.statusLine;
                    if (r.status == 0) failures.add(where + ": no status line (" + printable(r.text) + ")");
                    else if (r.status >= 200 && r.status < 300) failures.add(where + ": the protected route answered");
                    else if (r.status >= 500) failures.add(where + ": a server error");
                    checkContent(r, where, failures);
                }
            }
        }
        assertTrue(sent > 300, "sent " + sent);
        // the POST variants did not disable the plugin on the quiet
        assertEquals("enabled", somep.kernel().plugins().get("pages").orElseThrow().state(), "the pages plugin is still enabled");
        assertEquals(200, raw("GET", "/pages/about", GUEST_BROWSER).status);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " requests went wrong:\n  " + String.join("\n  ", failures));
    }

    @Test
    void spellings_of_a_public_path_leak_nothing_protected() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String path : variants("/pages/about")) {
            for (String who : List.of(GUEST_BROWSER, GUEST_API)) {
                Raw r = raw("GET", path, who);
                String where = "GET " + printable(path) + " as " + who + " -> " + r.statusLine;
                if (r.status == 0) failures.add(where + ": no status line (" + printable(r.text) + ")");
                else if (r.status >= 500) failures.add(where + ": a server error");
                checkContent(r, where, failures);
            }
        }
        // reaching the editor from the public page by dot segments, path parameters or encodings
        for (String path : List.of("/pages/about/..;/about/edit", "/pages/about;/edit", "/pages/about%3b/edit", "/pages/about/%2e/edit",
                "/pages/x/%2e%2e/about/edit", "/pages/about%2fedit", "/pages/about%5cedit", "/pages/about\\edit", "/pages/about/edit;.css",
                "/pages/about/edit%3b.css", "/pages/about/edit/", "/pages/about/EDIT", "/PAGES/about/edit", "/static/..;/pages/about/edit",
                "/static/%2e%2e/pages/about/edit", "/pages/about/edit%00", "/pages/about/edit%0d%0a", "/pages/about/edit#x")) {
            for (String who : List.of(GUEST_BROWSER, GUEST_API, BAD_TOKEN)) {
                Raw r = raw("GET", path, who);
                String where = "GET " + printable(path) + " as " + who + " -> " + r.statusLine;
                if (r.status == 0) failures.add(where + ": no status line (" + printable(r.text) + ")");
                else if (r.status >= 200 && r.status < 300) failures.add(where + ": the editor answered");
                else if (r.status >= 500) failures.add(where + ": a server error");
                checkContent(r, where, failures);
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " requests went wrong:\n  " + String.join("\n  ", failures));
    }

    /** No protected content, no internals, and no header that CR/LF in the path smuggled in. */
    private static void checkContent(Raw r, String where, List<String> failures) {
        for (String m : PROTECTED_MARKERS) {
            if (r.body.contains(m)) failures.add(where + ": shows protected content (" + m + ")");
        }
        for (String s : INTERNALS) {
            if (r.text.contains(s)) failures.add(where + ": shows internals (" + s.strip() + "): " + printable(excerpt(r.text, s)));
        }
        // even the answers Jetty gives itself to a refused path carry the security headers
        if (r.status != 0 && r.headerLines.stream().noneMatch(h -> h.equalsIgnoreCase("X-Content-Type-Options: nosniff"))) {
            failures.add(where + ": no X-Content-Type-Options header");
        }
        for (String h : r.headerLines) {
            String name = h.contains(":") ? h.substring(0, h.indexOf(':')).trim().toLowerCase(Locale.ROOT) : h;
            if (name.startsWith("x-injected") || name.equals("set-cookie") && h.contains("injected")) {
                failures.add(where + ": a header was injected through the path: " + printable(h));
            }
        }
    }

    /** The spellings of a path: the right one is not among them. */
    static List<String> variants(String path) {
        String p = path.substring(1);
        int slash = p.indexOf('/');
        String first = slash < 0 ? p : p.substring(0, slash);
        String rest = slash < 0 ? "" : p.substring(slash); // starts with '/', or empty
        Set<String> v = new LinkedHashSet<>();
        // path parameters, plain and encoded
        v.add(path + ";x");
        v.add(path + ";");
        v.add("/" + first + ";" + rest);
        v.add("/" + first + ";x=1" + rest);
        v.add(path + "%3bx");
        v.add("/" + first + "%3b" + rest);
        v.add("/" + first + "%3B" + rest);
        // dot segments, with path parameters and encoded
        v.add("/static/..;/" + p);
        v.add("/static/../" + p);
        v.add("/static;/../" + p);
        v.add("/x/..;/" + p);
        v.add("/./" + p);
        v.add("/" + first + "/." + rest);
        v.add("/" + first + "/./" + (rest.isEmpty() ? "" : rest.substring(1)));
        v.add("/%2e/" + p);
        v.add("/" + first + "/%2e" + rest);
        v.add("/%2e%2e/" + p);
        v.add("/x/%2e%2e/" + p);
        v.add("/static/%2e%2e/" + p);
        v.add("/static/%2E%2E/" + p);
        v.add("/static/.%2e/" + p);
        v.add("/x/..%2f" + p);
        v.add("/x/%2e%2e%2f" + p);
        // doubled and encoded slashes
        v.add("//" + p);
        v.add("/" + first + "/" + rest);
        v.add(path + "//");
        if (!rest.isEmpty()) v.add("/" + first + "%2f" + rest.substring(1));
        if (!rest.isEmpty()) v.add("/" + first + "%2F" + rest.substring(1));
        v.add("/%2f" + p);
        // a trailing slash
        v.add(path + "/");
        // backslashes, plain and encoded
        if (!rest.isEmpty()) v.add("/" + first + "\\" + rest.substring(1));
        if (!rest.isEmpty()) v.add("/" + first + "%5c" + rest.substring(1));
        if (!rest.isEmpty()) v.add("/" + first + "%5C" + rest.substring(1));
        v.add("/static\\..\\" + p.replace('/', '\\'));
        v.add("/static/..%5c" + p);
        v.add("/\\" + p);
        // changed case
        v.add(path.toUpperCase(Locale.ROOT));
        v.add("/" + cap(first) + rest);
        v.add("/" + String.join("/", java.util.Arrays.stream(p.split("/")).map(PathNormalisationIT::cap).toList()));
        // percent-encoded ordinary letters
        v.add("/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest);
        // CR/LF (and NUL) injected into the path
        v.add(path + "%0d%0a");
        v.add(path + "%0d%0aX-Injected:%20yes");
        v.add(path + "%0D%0ASet-Cookie:%20injected=1");
        v.add("/" + first + "%0d%0a" + rest);
        v.add("/" + first + "%0a" + rest);
        v.add(path + "%00");
        v.add(path + "%00.css");
        v.remove(path);
        return List.copyOf(v);
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** One raw HTTP/1.1 request over a socket; the path goes out byte for byte as given. */
    static Raw raw(String method, String path, String who) throws IOException {
        StringBuilder req = new StringBuilder();
        req.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        req.append("Host: localhost:").append(somep.kernel().port()).append("\r\n");
        req.append("Connection: close\r\n");
        req.append("User-Agent: somep-path-test\r\n");
        if (who.equals(GUEST_BROWSER)) {
            req.append("Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n");
            req.append("Accept-Language: en-US,en;q=0.9\r\n");
        } else if (who.equals(GUEST_API)) {
            req.append("Accept: application/json\r\n");
        } else if (who.equals(BAD_TOKEN)) {
            req.append("Accept: application/json\r\n");
            req.append("Authorization: Bearer 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\r\n");
        } else {
            req.append("Accept: text/html\r\n");
            req.append("Authorization: ").append(who).append("\r\n");
        }
        if (method.equals("POST")) req.append("Content-Length: 0\r\n");
        req.append("\r\n");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", somep.kernel().port()), 5000);
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = in.read(buf)) >= 0;) got.write(buf, 0, n);
            } catch (SocketTimeoutException e) {
                // answered but did not close: what came is what we judge
            } catch (IOException e) {
                // a reset after the answer (the server closing a refused request) still leaves the answer
                if (got.size() == 0) throw e;
            }
            return new Raw(got.toString(StandardCharsets.UTF_8));
        }
    }

    static final class Raw {
        final String text;
        final String statusLine;
        final int status;
        final List<String> headerLines = new ArrayList<>();
        final String body;

        Raw(String text) {
            this.text = text;
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            statusLine = lines.length == 0 ? "" : lines[0];
            int st = 0;
            String[] parts = statusLine.split(" ");
            if (parts.length >= 2 && parts[0].startsWith("HTTP/")) {
                try {
                    st = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    st = 0;
                }
            }
            status = st;
            for (int i = 1; i < lines.length; i++) headerLines.add(lines[i]);
        }
    }

    private static String printable(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }

    private static String excerpt(String text, String at) {
        int i = text.indexOf(at);
        return text.substring(Math.max(0, i - 80), Math.min(text.length(), i + 160));
    }
}
