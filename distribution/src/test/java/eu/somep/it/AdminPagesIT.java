package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.SomepTest;
import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import eu.somep.it.SecurityIT.Browser;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML admin pages as a browser uses them (a cookie session, the forms and their CSRF tokens), against the
 * real kernel with the shipped {@code pages} plugin: the plugins page and the pages editor.
 */
@SomepTest
class AdminPagesIT {
    private static TestSomep somep;

    @BeforeAll
    static void site(TestSomep s) {
        somep = s;
    }

    @TempDir
    Path jars;

    @Test
    void an_administrator_disables_and_enables_a_plugin_from_the_plugins_page() throws Exception {
        Browser browser = new Browser(somep);
        browser.signIn();
        HttpResponse<String> page = browser.get("/admin/plugins");
        assertEquals(200, page.statusCode(), page.body());
        assertEquals("Enabled", state(page, "pages"));

        HttpResponse<String> off = browser.post(formAction(page, "pages", "disable"), Map.of("_csrf", Browser.csrf(page)));
        assertEquals(303, off.statusCode(), off.body());
        assertEquals("/admin/plugins", browser.location(off).getPath());
        HttpResponse<String> disabled = browser.follow(off);
        assertEquals("Plugin pages is disabled.", message(disabled));
        assertEquals("Disabled", state(disabled, "pages"));
        assertEquals(404, browser.get("/pages/about").statusCode());
        assertFalse(browser.get("/").body().contains("href=\"/pages/about\""), "the navigation lost the plugin's links");

        HttpResponse<String> on = browser.post(formAction(disabled, "pages", "enable"), Map.of("_csrf", Browser.csrf(disabled)));
        assertEquals(303, on.statusCode(), on.body());
        HttpResponse<String> enabled = browser.follow(on);
        assertEquals("Plugin pages is enabled.", message(enabled));
        assertEquals("Enabled", state(enabled, "pages"));
        HttpResponse<String> about = browser.get("/pages/about");
        assertEquals(200, about.statusCode());
        assertTrue(about.body().contains("About SOMEP"), about.body());
    }

    @Test
    void an_administrator_uploads_a_plugin_and_uninstalls_it_with_its_data() throws Exception {
        Path hello = TestPlugins.build(jars, "hello");
        Browser browser = new Browser(somep);
        browser.signIn();
        HttpResponse<String> page = browser.get("/admin/plugins");
        assertFalse(page.body().contains("data-plugin=\"hello\""), page.body());
        assertEquals(404, somep.get("/hello").statusCode());

        HttpResponse<String> up = browser.upload("/admin/plugins/upload", Map.of("_csrf", Browser.csrf(page)),
                "file", hello.getFileName().toString(), "application/java-archive", Files.readAllBytes(hello));
        assertEquals(303, up.statusCode(), up.body());
        HttpResponse<String> installed = browser.follow(up);
        assertEquals(200, installed.statusCode(), installed.body());
        assertEquals("Plugin hello is installed.", message(installed));
        assertEquals("Enabled", state(installed, "hello"));
        HttpResponse<String> answer = somep.get("/hello");
        assertEquals(200, answer.statusCode());
        assertEquals("hello", answer.body());

        // Uninstall with "also delete its data" ticked.
        HttpResponse<String> gone = browser.post(formAction(installed, "hello", "uninstall"),
                Map.of("_csrf", Browser.csrf(installed), "purge", "on"));
        assertEquals(303, gone.statusCode(), gone.body());
        HttpResponse<String> uninstalled = browser.follow(gone);
        assertEquals("Plugin hello is uninstalled.", message(uninstalled));
        assertEquals("Uninstalled", state(uninstalled, "hello"));
        assertTrue(row(uninstalled, "hello").contains("Purged"), "its data was deleted too: " + row(uninstalled, "hello"));
        assertFalse(row(uninstalled, "hello").contains("/admin/plugins/hello/enable"), "nothing left to enable");
        assertEquals(404, somep.get("/hello").statusCode());
        try (var s = Files.list(somep.deployDir())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("hello")), "the jar left the deploy folder");
        }

        // And it can be uploaded again.
        HttpResponse<String> again = browser.upload("/admin/plugins/upload", Map.of("_csrf", Browser.csrf(uninstalled)),
                "file", hello.getFileName().toString(), "application/java-archive", Files.readAllBytes(hello));
        assertEquals("Plugin hello is installed.", message(browser.follow(again)));
        assertEquals(200, somep.get("/hello").statusCode());
        somep.adminDelete("/api/plugins/hello?purge=true");
    }

    @Test
    void uploading_something_that_is_not_a_plugin_shows_an_error_on_the_page() throws Exception {
        Browser browser = new Browser(somep);
        browser.signIn();
        HttpResponse<String> page = browser.get("/admin/plugins");

        HttpResponse<String> text = browser.upload("/admin/plugins/upload", Map.of("_csrf", Browser.csrf(page)),
                "file", "notes.txt", "text/plain", "These are my notes, not a plugin.".getBytes(StandardCharsets.UTF_8));
        assertEquals(303, text.statusCode(), text.body());
        HttpResponse<String> refused = browser.follow(text);
        assertEquals(200, refused.statusCode(), refused.body());
        assertTrue(error(refused).contains("not a valid jar"), error(refused));
        SecurityIT.assertNoInternals(refused);

        HttpResponse<String> empty = browser.upload("/admin/plugins/upload", Map.of("_csrf", Browser.csrf(page)),
                "file", "", "application/octet-stream", new byte[0]);
        assertEquals(303, empty.statusCode(), empty.body());
        assertEquals("Choose a plugin jar to upload.", error(browser.follow(empty)));

        HttpResponse<String> noToken = browser.upload("/admin/plugins/upload", Map.of(),
                "file", "notes.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(403, noToken.statusCode(), "an upload needs the form's token too: " + noToken.body());

        HttpResponse<String> list = browser.get("/admin/plugins");
        assertEquals("Enabled", state(list, "pages"), "nothing else changed");
    }

    @Test
    void the_page_editor_keeps_what_was_typed_when_the_form_is_wrong_and_saves_when_it_is_right() throws Exception {
        Browser guest = new Browser(somep);
        HttpResponse<String> asGuest = guest.get("/pages/about/edit");
        assertEquals(303, asGuest.statusCode(), "guests are sent to sign in: " + asGuest.body());
        assertEquals("/login", guest.location(asGuest).getPath());

        Browser browser = new Browser(somep);
        browser.signIn();
        HttpResponse<String> page = browser.get("/pages/about");
        assertTrue(page.body().contains("href=\"/pages/about/edit?language=en\""), "the page offers its editor: " + page.body());
        HttpResponse<String> editor = browser.get("/pages/about/edit?language=en");
        assertEquals(200, editor.statusCode(), editor.body());
        assertTrue(editor.body().contains("name=\"title\" value=\"About SOMEP\""), editor.body());
        assertTrue(editor.body().contains("action=\"/pages/about/edit\""), editor.body());

        String typed = "A new first paragraph <with brackets> & an ampersand.\n\nA second paragraph.";
        HttpResponse<String> wrong = browser.post("/pages/about/edit", Map.of("_csrf", Browser.csrf(editor), "language", "en",
                "title", "", "body", typed, "visibility", "public"));
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertTrue(wrong.body().contains("Give the page a title of at most 200 characters."), wrong.body());
        assertTrue(wrong.body().contains("A new first paragraph &lt;with brackets&gt; &amp; an ampersand.\n\nA second paragraph.</textarea>"),
                "the text typed is still in the form: " + wrong.body());
        assertTrue(wrong.body().contains("name=\"_csrf\""), "the form can be sent again");
        String unchanged = browser.get("/pages/about").body();
        assertTrue(unchanged.contains("<h1>About SOMEP</h1>") && !unchanged.contains("A second paragraph."), "nothing was saved: " + unchanged);

        HttpResponse<String> saved = browser.post("/pages/about/edit", Map.of("_csrf", Browser.csrf(wrong), "language", "en",
                "title", "About SOMEP, revised", "body", typed, "visibility", "public"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/pages/about", browser.location(saved).getPath());
        HttpResponse<String> about = browser.follow(saved);
        assertEquals(200, about.statusCode());
        assertTrue(about.body().contains("<h1>About SOMEP, revised</h1>"), about.body());
        assertTrue(about.body().contains("&lt;with brackets&gt;"), "the text is shown as typed, not as markup: " + about.body());
        HttpResponse<String> public_ = somep.get("/pages/about");
        assertTrue(public_.body().contains("About SOMEP, revised"), "visitors see the new title");
    }

    @Test
    void the_page_editor_opens_at_its_plain_address_in_the_language_of_the_site() throws Exception {
        Browser browser = new Browser(somep);
        browser.signIn();
        HttpResponse<String> editor = browser.get("/pages/partners/edit");
        assertEquals(200, editor.statusCode(), editor.body());
        assertTrue(editor.body().contains("<option value=\"en\" selected>"), "English, the language of the site: " + editor.body());
        assertTrue(editor.body().contains("name=\"title\" value=\"Project partners\""), editor.body());

        browser.get("/?lang=de");
        HttpResponse<String> german = browser.get("/pages/partners/edit");
        assertEquals(200, german.statusCode(), german.body());
        assertTrue(german.body().contains("<option value=\"de\" selected>"), "German, the language chosen: " + german.body());
        assertTrue(german.body().contains("name=\"title\" value=\"Projektpartner\""), german.body());
        assertTrue(german.body().contains("Seite bearbeiten"), german.body());
    }

    /** The row of one plugin on the plugins page. */
    private static String row(HttpResponse<String> page, String component) {
        Matcher m = Pattern.compile("<tr data-plugin=\"" + Pattern.quote(component) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(page.body());
        if (!m.find()) throw new AssertionError("no row for " + component + " on " + page.uri() + ": " + page.body());
        return m.group(1);
    }

    /** The state badge of one plugin, as the page shows it. */
    private static String state(HttpResponse<String> page, String component) {
        Matcher m = Pattern.compile("data-testid=\"state\">([^<]*)<").matcher(row(page, component));
        if (!m.find()) throw new AssertionError("no state for " + component);
        return m.group(1).strip();
    }

    /** The action of a plugin's form on the page (so the test presses the button the page shows). */
    private static String formAction(HttpResponse<String> page, String component, String action) {
        String path = "/admin/plugins/" + component + "/" + action;
        assertTrue(row(page, component).contains("action=\"" + path + "\""), "the page offers " + action + " for " + component);
        return path;
    }

    /** The success message at the top of the page. */
    private static String message(HttpResponse<String> page) {
        Matcher m = Pattern.compile("<div class=\"alert alert-success\" role=\"status\">([^<]*)</div>").matcher(page.body());
        if (!m.find()) throw new AssertionError("no success message on " + page.uri() + ": " + page.body());
        return m.group(1).strip();
    }

    /** The error message at the top of the page. */
    private static String error(HttpResponse<String> page) {
        Matcher m = Pattern.compile("<div class=\"alert alert-danger\" role=\"alert\">([^<]*)</div>").matcher(page.body());
        if (!m.find()) throw new AssertionError("no error message on " + page.uri() + ": " + page.body());
        return m.group(1).strip();
    }
}
