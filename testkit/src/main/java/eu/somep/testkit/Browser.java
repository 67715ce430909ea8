package eu.somep.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client that behaves as a browser: it keeps the session cookie, asks for HTML, follows no redirect by
 * itself, and posts forms url-encoded or multipart. {@link #signIn(String, String)} goes through the real sign-in form;
 * {@link #csrf(HttpResponse)} reads the token from a page so a test posts its forms as a user would.
 */
public class Browser {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final TestSomep somep;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String language;

    public Browser(TestSomep somep) {
        this(somep, "en-US,en;q=0.9");
    }

    public Browser(TestSomep somep, String acceptLanguage) {
        this.somep = somep;
        this.language = acceptLanguage;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(somep.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", language);
    }

    public HttpResponse<String> send(HttpRequest.Builder req) throws IOException, InterruptedException {
        return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    /** Posts a form, url-encoded, as a browser does. */
    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a multipart form with one file, as a browser does for {@code <input type=file>}. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, String fileName, String type, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "----somep" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> ordered = new LinkedHashMap<>(fields);
        for (Map.Entry<String, String> e : ordered.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** A form with several files in one field (an {@code <input type="file" multiple>}); name → content. */
    public HttpResponse<String> uploadMany(String path, Map<String, String> fields, String fileField, String type, Map<String, byte[]> files)
            throws IOException, InterruptedException {
        String boundary = "----somep" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(f.getValue());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** Where a redirect points, resolved against the site. */
    public URI location(HttpResponse<String> r) {
        String to = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + r.statusCode() + " " + r.body()));
        return somep.uri("/").resolve(to);
    }

    /** Follows one redirect with a GET, as a browser does after a 303. */
    public HttpResponse<String> follow(HttpResponse<String> r) throws IOException, InterruptedException {
        assertTrue(r.statusCode() >= 300 && r.statusCode() < 400, "a redirect: " + r.statusCode() + " " + r.body());
        return send(request("/").uri(location(r)).GET());
    }

    /** Signs in as the administrator through the form; returns the redirect after sign-in. */
    public HttpResponse<String> signIn() throws IOException, InterruptedException {
        return signIn("admin", TestSomep.ADMIN_PASSWORD);
    }

    /** Signs in through the form, as a person would; returns the redirect after sign-in. */
    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        assertEquals(200, form.statusCode(), form.body());
        HttpResponse<String> in = post("/login", Map.of("username", username, "password", password, "_csrf", csrf(form)));
        assertEquals(303, in.statusCode(), "signed in: " + in.body());
        return in;
    }

    /** Opens the page with the form, then posts the fields with that page's CSRF token, as a browser does. */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) throws IOException, InterruptedException {
        HttpResponse<String> page = get(formPage);
        assertEquals(200, page.statusCode(), page.body());
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(page));
        return post(action, all);
    }

    public HttpCookie sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SOMEPSESSION")).findFirst().orElse(null);
    }

    public String session() {
        HttpCookie c = sessionCookie();
        return c == null ? null : c.getValue();
    }

    /** The CSRF token of the first form on the page. */
    public static String csrf(HttpResponse<String> page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) throw new AssertionError("no CSRF token on the page " + page.uri() + ": " + page.body());
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
