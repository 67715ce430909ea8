package eu.somep.it;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Themes: an administrator switches the site's look at runtime; a theme that is gone or broken leaves the default look. */
class ThemesIT {
    private static final Pattern CSS = Pattern.compile("href=\"(/static/themes/academy/[^\"]+/academy\\.css)\"");

    static java.util.stream.Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> choose(TestSomep somep, String theme) throws Exception {
        return somep.send(somep.asAdmin("/api/admin/themes").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"theme\":\"" + theme + "\"}")).build());
    }

    static boolean academy(String html) {
        return html.contains("data-theme=\"academy\"") && CSS.matcher(html).find() && html.contains("academy-logo.svg");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_administrator_switches_the_theme_at_runtime_and_the_choice_is_stored(TestDatabases.Db db) throws Exception {
        Path home;
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            home = somep.home();
            assertFalse(academy(somep.get("/").body()), "the default look first");
            HttpResponse<String> state = somep.send(somep.asAdmin("/api/admin/themes").GET().build());
            assertEquals(200, state.statusCode(), state.body());
            assertTrue(state.body().contains("\"chosen\":\"default\"") && state.body().contains("\"id\":\"academy\""), state.body());

            HttpResponse<String> put = choose(somep, "academy");
            assertEquals(200, put.statusCode(), put.body());
            assertTrue(put.body().contains("\"active\":\"academy\""), put.body());
            // the next request, of any component, shows the theme: its stylesheet, its logo, its header and footer
            for (String path : List.of("/", "/pages/about", "/login", "/library")) {
                String html = somep.get(path).body();
                assertTrue(academy(html), path + " shows the academy theme: " + html);
                assertTrue(html.contains("SOMEP Academy"), path);
            }
            Matcher css = CSS.matcher(somep.get("/").body());
            assertTrue(css.find());
            HttpResponse<String> file = somep.get(css.group(1));
            assertEquals(200, file.statusCode());
            assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
            assertTrue(file.body().contains("#14213d"), file.body());
            assertEquals(200, somep.get(css.group(1).replace("academy.css", "academy-logo.svg")).statusCode());
            assertEquals(404, somep.get(css.group(1).replace("academy.css", "../academy.css")).statusCode());
            assertEquals(404, somep.get("/static/themes/nosuch/1.0/x.css").statusCode());
        }
        try (TestSomep again = TestSomep.builder().home(home).database(db).start()) {
            assertTrue(academy(again.get("/").body()), "the choice is in the database: it survives a restart");
            assertEquals(200, choose(again, "default").statusCode());
            assertFalse(academy(again.get("/").body()));
        }
    }

    @Test
    void disabling_the_active_theme_falls_back_to_the_default_and_enabling_it_brings_it_back() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            assertEquals(200, choose(somep, "academy").statusCode());
            assertTrue(academy(somep.get("/").body()));
            assertEquals(200, somep.adminPost("/api/plugins/academy/disable").statusCode());
            String html = somep.get("/").body();
            assertFalse(academy(html), "the default look while the theme is disabled");
            assertTrue(html.contains("navbar-brand"), html);
            HttpResponse<String> state = somep.send(somep.asAdmin("/api/admin/themes").GET().build());
            assertTrue(state.body().contains("\"chosen\":\"academy\"") && state.body().contains("\"active\":\"default\""), state.body());
            assertEquals(200, somep.adminPost("/api/plugins/academy/enable").statusCode());
            assertTrue(academy(somep.get("/").body()), "enabled again: the chosen theme is back");
            assertEquals(200, somep.adminDelete("/api/plugins/academy").statusCode());
            assertFalse(academy(somep.get("/pages/about").body()), "uninstalled: the default look");
        }
    }

    @Test
    void another_node_s_choice_applies_within_seconds() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            assertFalse(academy(somep.get("/").body()));
            // what another node's admin page does: the setting in the shared database
            try (Connection c = somep.kernel().dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO kernel_setting (name, setting_value) VALUES ('theme', 'academy')")) {
                ps.executeUpdate();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            boolean seen = false;
            while (!seen && System.nanoTime() < deadline) seen = academy(somep.get("/").body());
            assertTrue(seen, "this node re-reads the choice every few seconds");
        }
    }

    @Test
    void choosing_needs_the_capability_and_a_running_theme() throws Exception {
        try (TestSomep somep = TestSomep.builder().set("somep.demo", "true").start()) {
            assertEquals(401, somep.send(HttpRequest.newBuilder(somep.uri("/api/admin/themes")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"theme\":\"academy\"}")).build()).statusCode());
            HttpResponse<String> unknown = choose(somep, "nosuch<b>");
            assertEquals(422, unknown.statusCode(), unknown.body());
            assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), unknown.headers().toString());
            assertTrue(unknown.body().contains("no running theme"), unknown.body());
            assertFalse(academy(somep.get("/").body()));

            // the admin page: a form with the CSRF token; without the token nothing changes
            SecurityIT.Browser admin = new SecurityIT.Browser(somep);
            admin.signIn();
            HttpResponse<String> page = admin.get("/admin/themes");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("value=\"academy\""), page.body());
            assertEquals(403, admin.post("/admin/themes", Map.of("theme", "academy")).statusCode());
            assertFalse(academy(somep.get("/").body()));
            HttpResponse<String> bad = admin.post("/admin/themes", Map.of("theme", "nosuch<b>", "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(422, bad.statusCode());
            assertTrue(bad.body().contains("nosuch&lt;b&gt;") && !bad.body().contains("nosuch<b>"), "escaped: " + bad.body());
            HttpResponse<String> ok = admin.post("/admin/themes", Map.of("theme", "academy", "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(303, ok.statusCode());
            String after = admin.follow(ok).body();
            assertTrue(academy(after) && after.contains("data-testid=\"done\""), after);

            // a trainee may not
            String trainee = TokensIT.create(somep, "trainee", "somep-demo-2026", "themes");
            assertEquals(403, ForumIT.as(somep, trainee, "GET", "/api/admin/themes", null).statusCode());
        }
    }

    @Test
    void a_theme_template_that_fails_leaves_the_default_look_and_a_warning() throws Exception {
        Path jars = Files.createTempDirectory(Path.of("target"), "themes-");
        Path broken = jars.resolve("header.ftlh");
        Files.writeString(broken, "<header data-theme=\"badtheme\">${somep.nosuch.thing}</header>");
        Path jar = TestPlugins.build(jars, "badtheme", "1.0.0", Map.of("-includeresource", "templates/badtheme/header.ftlh=" + broken));
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler h = new Handler() {
            @Override public void publish(LogRecord r) { if (r.getMessage() != null && r.getMessage().contains("badtheme")) warnings.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger log = Logger.getLogger("eu.somep.core.view.ViewRenderer");
        log.addHandler(h);
        try (TestSomep somep = TestSomep.builder().start()) {
            var enabled = somep.nextPluginState("enabled", "badtheme");
            somep.deploy(jar, "badtheme.jar");
            TestSomep.await(enabled);
            assertEquals(200, choose(somep, "badtheme").statusCode());
            for (String path : List.of("/", "/pages/about")) {
                HttpResponse<String> r = somep.get(path);
                assertEquals(200, r.statusCode(), path + ": " + r.body());
                assertTrue(r.body().contains("navbar-brand") && !r.body().contains("data-theme=\"badtheme\""), r.body());
            }
            assertFalse(warnings.isEmpty(), "the failure is logged");
            assertTrue(warnings.get(0).contains("Theme badtheme failed"), warnings.get(0));
        } finally {
            log.removeHandler(h);
        }
    }
}
