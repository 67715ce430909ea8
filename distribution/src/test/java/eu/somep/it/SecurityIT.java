package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.SharedSomep;
import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's security as a browser and an API client meet it, against the real kernel with the shipped
 * {@code pages} plugin: deny by default, sign-in and sign-out with a session, CSRF tokens, safe redirects,
 * security headers, errors without internals, and the choice of language.
 */
class SecurityIT {
    private static TestSomep somep;

    @RegisterExtension
    static final SharedSomep SITE = new SharedSomep(s -> somep = s);

    @TempDir
    Path jars;

    @Test
    void a_route_that_declares_no_capability_is_closed_even_to_the_administrator() throws Exception {
        PluginLifecycleIT.install(somep, TestPlugins.build(jars, "hello"));
        try {
            HttpResponse<String> hello = somep.get("/hello");
            assertEquals(200, hello.statusCode());
            assertEquals("hello", hello.body());

            HttpResponse<String> admin = somep.send(somep.asAdmin("/hello/undeclared").GET().build());
            assertEquals(403, admin.statusCode(), admin.body());
            assertFalse(admin.body().contains("should never be served"), admin.body());

            Browser browser = new Browser(somep);
            browser.signIn();
            HttpResponse<String> page = browser.get("/hello/undeclared");
            assertEquals(403, page.statusCode(), page.body());
            assertFalse(page.body().contains("should never be served"), page.body());

            HttpResponse<String> guest = somep.get("/hello/undeclared");
            assertEquals(403, guest.statusCode(), guest.body());
            assertFalse(guest.body().contains("should never be served"), guest.body());
        } finally {
            somep.adminDelete("/api/plugins/hello?purge=true");
        }
    }

    @Test
    void guests_get_a_problem_from_the_api_and_are_sent_to_sign_in_from_pages() throws Exception {
        HttpResponse<String> api = somep.get("/api/plugins");
        assertEquals(401, api.statusCode(), api.body());
        assertProblem(api, 401);

        Browser guest = new Browser(somep);
        HttpResponse<String> page = guest.get("/admin/plugins");
        assertEquals(303, page.statusCode(), page.body());
        URI login = guest.location(page);
        assertEquals("/login", login.getPath());
        assertEquals("next=/admin/plugins", login.getQuery());

        // Signing in there leads back to the page that was asked for.
        HttpResponse<String> form = guest.follow(page);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"next\" value=\"/admin/plugins\""), form.body());
        HttpResponse<String> in = guest.post("/login", Map.of("username", "admin", "password", TestSomep.ADMIN_PASSWORD,
                "next", "/admin/plugins", "_csrf", Browser.csrf(form)));
        assertEquals(303, in.statusCode(), in.body());
        assertEquals("/admin/plugins", guest.location(in).getPath());
        HttpResponse<String> admin = guest.follow(in);
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("data-plugin=\"pages\""), admin.body());
    }

    @Test
    void signing_in_through_the_form_renews_the_session_and_opens_the_admin_page() throws Exception {
        Browser browser = new Browser(somep);
        HttpResponse<String> form = browser.get("/login");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("Please sign in"), form.body());
        String before = browser.session();
        assertNotNull(before, "the sign-in form starts a session for its CSRF token");
        assertSessionCookieFlags(form);

        HttpResponse<String> in = browser.post("/login", Map.of("username", "admin", "password", TestSomep.ADMIN_PASSWORD,
                "next", "/admin/plugins", "_csrf", Browser.csrf(form)));
        assertEquals(303, in.statusCode(), in.body());
        assertSessionCookieFlags(in);
        String after = browser.session();
        assertNotNull(after);
        assertNotEquals(before, after, "the session id changes at sign-in (no session fixation)");
        HttpCookie cookie = browser.sessionCookie();
        assertTrue(cookie.isHttpOnly(), "scripts cannot read the session cookie");

        HttpResponse<String> admin = browser.follow(in);
        assertEquals(200, admin.statusCode(), admin.body());
        assertTrue(admin.body().contains("data-plugin=\"pages\""), admin.body());
        assertTrue(admin.body().contains("data-testid=\"user\">Administrator<"), "the header names who is signed in");

        // Whoever planted the id from before sign-in holds nothing.
        Browser attacker = new Browser(somep);
        HttpResponse<String> planted = attacker.send(attacker.request("/admin/plugins").header("Cookie", "SOMEPSESSION=" + before).GET());
        assertEquals(303, planted.statusCode(), planted.body());
        assertEquals("/login", attacker.location(planted).getPath());
    }

    @Test
    void signing_in_needs_the_token_of_the_form() throws Exception {
        Browser browser = new Browser(somep);
        HttpResponse<String> forged = browser.post("/login", Map.of("username", "admin", "password", TestSomep.ADMIN_PASSWORD));
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals(303, browser.get("/admin/plugins").statusCode(), "not signed in");
    }

    @Test
    void a_wrong_password_shows_the_form_again_with_an_error_and_signs_nobody_in() throws Exception {
        Browser browser = new Browser(somep);
        HttpResponse<String> form = browser.get("/login");
        HttpResponse<String> wrong = browser.post("/login", Map.of("username", "admin", "password", "not-the-password",
                "next", "/admin/plugins", "_csrf", Browser.csrf(form)));
        assertEquals(401, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("Wrong user name or password."), wrong.body());
        assertTrue(wrong.body().contains("name=\"username\" value=\"admin\""), "the user name typed is kept: " + wrong.body());
        assertFalse(wrong.body().contains("not-the-password"), "the password is never sent back");
        assertFalse(wrong.body().contains("data-testid=\"user\""), "nobody is shown as signed in");

        HttpResponse<String> admin = browser.get("/admin/plugins");
        assertEquals(303, admin.statusCode(), "still a guest: " + admin.body());
        assertEquals("/login", browser.location(admin).getPath());

        // The form still works after a mistake.
        HttpResponse<String> right = browser.post("/login", Map.of("username", "admin", "password", TestSomep.ADMIN_PASSWORD,
                "next", "/admin/plugins", "_csrf", Browser.csrf(wrong)));
        assertEquals(303, right.statusCode(), right.body());
        assertEquals(200, browser.get("/admin/plugins").statusCode());
    }

    @Test
    void signing_out_ends_the_session() throws Exception {
        Browser browser = new Browser(somep);
        browser.signIn();
        String session = browser.session();
        HttpResponse<String> home = browser.get("/");
        assertTrue(home.body().contains("action=\"/logout\""), "a signed-in page offers to sign out");

        HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", Browser.csrf(home)));
        assertEquals(303, out.statusCode(), out.body());
        assertEquals("/", browser.location(out).getPath());
        HttpResponse<String> after = browser.follow(out);
        assertFalse(after.body().contains("data-testid=\"user\""), "nobody is shown as signed in");
        assertTrue(after.body().contains("href=\"/login\""), "the page offers to sign in");

        HttpResponse<String> admin = browser.get("/admin/plugins");
        assertEquals(303, admin.statusCode(), admin.body());
        assertEquals("/login", browser.location(admin).getPath());

        // The old session cookie opens nothing either.
        Browser replay = new Browser(somep);
        HttpResponse<String> old = replay.send(replay.request("/admin/plugins").header("Cookie", "SOMEPSESSION=" + session).GET());
        assertEquals(303, old.statusCode(), old.body());
    }

    @Test
    void a_signed_in_change_without_the_csrf_token_is_refused_and_changes_nothing() throws Exception {
        Browser browser = new Browser(somep);
        browser.signIn();
        HttpResponse<String> page = browser.get("/admin/plugins");
        String token = Browser.csrf(page);

        HttpResponse<String> none = browser.post("/admin/plugins/pages/disable", Map.of());
        assertEquals(403, none.statusCode(), none.body());
        assertTrue(none.body().contains("Form expired"), none.body());
        HttpResponse<String> wrong = browser.post("/admin/plugins/pages/disable", Map.of("_csrf", "0".repeat(token.length())));
        assertEquals(403, wrong.statusCode(), wrong.body());
        HttpResponse<String> api = browser.send(browser.request("/api/plugins/pages/disable").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, api.statusCode(), api.body());
        assertProblem(api, 403);
        HttpResponse<String> cross = browser.send(browser.request("/api/plugins/pages/disable")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("x=1")));
        assertEquals(403, cross.statusCode(), cross.body());

        assertEquals(200, somep.get("/pages/about").statusCode(), "the plugin is still enabled");
        assertTrue(somep.kernel().plugins().get("pages").orElseThrow().enabled());

        try {
            HttpResponse<String> off = browser.post("/admin/plugins/pages/disable", Map.of("_csrf", token));
            assertEquals(303, off.statusCode(), off.body());
            assertEquals(404, somep.get("/pages/about").statusCode(), "with the token it works");
            HttpResponse<String> viaHeader = browser.send(browser.request("/api/plugins/pages/enable").header("Accept", "application/json")
                    .header("X-CSRF-Token", token).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, viaHeader.statusCode(), viaHeader.body());
            assertEquals(200, somep.get("/pages/about").statusCode());
        } finally {
            somep.adminPost("/api/plugins/pages/enable");
        }
    }

    @Test
    void sign_in_never_sends_anyone_to_another_site() throws Exception {
        HttpResponse<String> form = new Browser(somep).get("/login?next=" + enc("//evil.example"));
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("name=\"next\" value=\"/\""), form.body());
        assertFalse(form.body().contains("evil.example"), form.body());

        for (String next : List.of("//evil.example", "https://evil.example/", "/\\evil.example", "http:evil.example")) {
            Browser browser = new Browser(somep);
            HttpResponse<String> f = browser.get("/login");
            HttpResponse<String> in = browser.post("/login", Map.of("username", "admin", "password", TestSomep.ADMIN_PASSWORD,
                    "next", next, "_csrf", Browser.csrf(f)));
            assertEquals(303, in.statusCode(), in.body());
            URI to = browser.location(in);
            assertEquals("localhost", to.getHost(), next + " -> " + to);
            assertEquals(somep.uri("/").getPort(), to.getPort(), next + " -> " + to);
            assertEquals("/", to.getPath(), next + " -> " + to);
        }
    }

    @Test
    void a_next_address_that_is_not_a_proper_path_still_signs_in_and_stays_on_the_site() throws Exception {
        for (String next : List.of("/pages/about us", "/\t/evil.example", "/pages/<about>")) {
            Browser browser = new Browser(somep);
            HttpResponse<String> f = browser.get("/login");
            HttpResponse<String> in = browser.post("/login", Map.of("username", "admin", "password", TestSomep.ADMIN_PASSWORD,
                    "next", next, "_csrf", Browser.csrf(f)));
            assertEquals(303, in.statusCode(), "next=" + next.replace("\t", "\\t") + ": " + in.body());
            URI to = browser.location(in);
            assertEquals("localhost", to.getHost(), next + " -> " + to);
            assertEquals(somep.uri("/").getPort(), to.getPort(), next + " -> " + to);
            assertEquals(200, browser.get("/admin/plugins").statusCode(), "signed in");
        }
    }

    @Test
    void a_request_refused_before_it_reaches_somep_still_carries_the_security_headers() throws Exception {
        HttpResponse<String> r = somep.get("/%2e%2e/conf/somep.properties");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"), r.headers().map().toString());
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), r.headers().map().toString());
        assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), r.headers().map().toString());
        assertFalse(r.body().contains("Jetty") || r.headers().firstValue("Server").orElse("").matches(".*\\d.*"),
                "the server software and its version are not advertised: " + r.headers().map() + " " + r.body());
    }

    @Test
    void every_response_carries_the_security_headers() throws Exception {
        Browser guest = new Browser(somep);
        Browser admin = new Browser(somep);
        admin.signIn();
        List<HttpResponse<String>> responses = List.of(
                guest.get("/"), guest.get("/login"), guest.get("/pages/about"), guest.get("/no/such/page"),
                guest.get("/admin/plugins"), guest.get("/static/somep.css"), guest.get("/static/missing.css"),
                guest.post("/admin/plugins/pages/disable", Map.of()),
                somep.get("/health"), somep.get("/api/plugins"),
                somep.send(HttpRequest.newBuilder(somep.uri("/api/plugins")).header("Authorization", "Bearer 0123abcd").build()),
                somep.send(somep.asAdmin("/api/plugins").GET().build()),
                admin.get("/"), admin.get("/admin/plugins"), admin.get("/pages/about"), admin.get("/pages/about/edit?language=en"));
        for (HttpResponse<String> r : responses) {
            String what = r.request().method() + " " + r.uri().getPath() + " (" + r.statusCode() + ")";
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors"), what + ": " + r.headers().map());
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), what);
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), what);
        }
        for (HttpResponse<String> r : List.of(admin.get("/"), admin.get("/admin/plugins"), admin.get("/pages/about"),
                somep.send(somep.asAdmin("/api/plugins").GET().build()))) {
            assertTrue(r.headers().firstValue("Cache-Control").orElse("").contains("no-store"), r.uri() + ": " + r.headers().map());
        }
    }

    @Test
    void an_invalid_bearer_token_is_refused_with_a_problem() throws Exception {
        HttpResponse<String> r = somep.send(HttpRequest.newBuilder(somep.uri("/api/plugins")).header("Authorization", "Bearer 0123abcd").build());
        assertEquals(401, r.statusCode(), r.body());
        assertProblem(r, 401);
        assertTrue(r.body().contains("bearer token"), r.body());
        HttpResponse<String> change = somep.send(HttpRequest.newBuilder(somep.uri("/api/plugins/pages/disable"))
                .header("Authorization", "Bearer 0123abcd").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(401, change.statusCode(), change.body());
        assertEquals(200, somep.get("/pages/about").statusCode(), "nothing changed");
    }

    @Test
    void errors_never_show_a_stack_trace() throws Exception {
        Browser guest = new Browser(somep);
        HttpResponse<String> missing = guest.get("/no/such/page");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(missing.body().contains("Page not found"), missing.body());
        assertNoInternals(missing);

        HttpResponse<String> noPage = guest.get("/pages/no-such-page");
        assertEquals(404, noPage.statusCode());
        assertTrue(noPage.body().contains("There is no such page."), noPage.body());
        assertNoInternals(noPage);

        HttpResponse<String> broken = somep.send(HttpRequest.newBuilder(somep.uri("/api/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", \"password\": ")).build());
        assertEquals(400, broken.statusCode(), broken.body());
        assertProblem(broken, 400);
        assertNoInternals(broken);

        HttpResponse<String> wrongType = somep.send(HttpRequest.newBuilder(somep.uri("/api/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[1, 2, 3]")).build());
        assertEquals(400, wrongType.statusCode(), wrongType.body());
        assertNoInternals(wrongType);

        HttpResponse<String> method = guest.get("/logout");
        assertEquals(405, method.statusCode(), method.body());
        assertNoInternals(method);
    }

    @Test
    void the_language_follows_the_choice_the_cookie_and_the_browser() throws Exception {
        Browser browser = new Browser(somep);
        HttpResponse<String> english = browser.get("/");
        assertTrue(english.body().contains("<html lang=\"en\""), english.body());
        assertTrue(english.body().contains("Solving Crime Through Social Media"));

        HttpResponse<String> german = browser.get("/?lang=de");
        assertTrue(german.body().contains("<html lang=\"de\""), german.body());
        assertTrue(german.body().contains("Verbrechensaufklärung mit sozialen Medien"), german.body());
        assertTrue(german.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("somep_lang=de")), german.headers().map().toString());

        HttpResponse<String> remembered = browser.get("/pages/about");
        assertTrue(remembered.body().contains("Über SOMEP"), "the cookie keeps German without the parameter: " + remembered.body());
        HttpResponse<String> stillGerman = browser.send(browser.request("/").header("Accept-Language", "tr").GET());
        assertTrue(stillGerman.body().contains("Verbrechensaufklärung mit sozialen Medien"), "a choice outranks the browser's language");

        Browser turkish = new Browser(somep, "tr");
        HttpResponse<String> tr = turkish.get("/");
        assertTrue(tr.body().contains("<html lang=\"tr\""), tr.body());
        assertTrue(tr.body().contains("Sosyal Medya ile Suç Çözme"), tr.body());
        assertTrue(tr.body().contains("Giriş yap"), "the kernel's own texts are Turkish too");

        Browser austrian = new Browser(somep, "de-AT,de;q=0.9,en;q=0.5");
        assertTrue(austrian.get("/").body().contains("Verbrechensaufklärung mit sozialen Medien"));
        Browser french = new Browser(somep, "fr-FR,fr;q=0.9");
        assertTrue(french.get("/").body().contains("Solving Crime Through Social Media"), "English when nothing fits");
    }

    static void assertProblem(HttpResponse<String> r, int status) {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.headers().map().toString());
        assertTrue(r.body().contains("\"status\":" + status), r.body());
        assertTrue(r.body().contains("\"title\""), r.body());
    }

    static void assertNoInternals(HttpResponse<String> r) {
        String b = r.body();
        for (String s : List.of("Exception", "\tat ", " at eu.somep", " at org.", " at java.", "jersey", "jetty", "Caused by")) {
            assertFalse(b.toLowerCase(Locale.ROOT).contains(s.toLowerCase(Locale.ROOT)), "no internals (" + s.strip() + "): " + b);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void assertSessionCookieFlags(HttpResponse<String> r) {
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SOMEPSESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie set: " + r.headers().map()));
        String lower = cookie.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("httponly"), cookie);
        assertTrue(lower.contains("samesite=lax"), cookie);
    }

    /** A browser in miniature: keeps cookies, follows no redirects by itself, asks for HTML in one language. */
    /** The kit's {@link eu.somep.testkit.Browser}, under the name the tests have always used. */
    static final class Browser extends eu.somep.testkit.Browser {
        Browser(TestSomep somep) {
            super(somep);
        }

        Browser(TestSomep somep, String acceptLanguage) {
            super(somep, acceptLanguage);
        }
    }
}
