package eu.somep.it;

import static eu.somep.testkit.TestSomep.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import eu.somep.core.config.Settings;
import eu.somep.core.db.Purge;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin lifecycle through real HTTP against the real kernel with real bundles. */
class PluginLifecycleIT {
    @TempDir
    Path jars;

    static Path pagesJar() throws Exception {
        try (var s = Files.list(Path.of(System.getProperty("somep.dist", "target/somep")).resolve("plugins"))) {
            return s.filter(p -> p.getFileName().toString().startsWith("pages-")).findFirst().orElseThrow();
        }
    }

    @Test
    void hot_deploy_serves_the_route_removes_it_and_keeps_the_data() throws Exception {
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().start()) {
            assertEquals(404, somep.get("/pages/about").statusCode());

            CompletableFuture<?> enabled = somep.nextPluginState("enabled", "pages");
            somep.deploy(pagesJar(), "pages.jar");
            await(enabled);
            assertEquals(200, somep.get("/pages/about").statusCode());

            HttpResponse<String> put = somep.send(somep.asAdmin("/api/pages/about").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"language\":\"en\",\"title\":\"About us, edited\",\"body\":\"Kept.\",\"visibility\":\"public\"}")).build());
            assertEquals(200, put.statusCode(), put.body());

            CompletableFuture<?> gone = somep.nextPluginState("uninstalled", "pages");
            Files.delete(somep.deployDir().resolve("pages.jar"));
            await(gone);
            assertEquals(404, somep.get("/pages/about").statusCode());

            CompletableFuture<?> back = somep.nextPluginState("enabled", "pages");
            somep.deploy(pagesJar(), "pages.jar");
            await(back);
            HttpResponse<String> page = somep.get("/pages/about");
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("About us, edited"), "the edit made before removal is still there");
        }
    }

    @Test
    void enable_and_disable_through_the_api_take_effect_at_once() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            assertEquals(200, somep.get("/pages/about").statusCode());
            assertTrue(somep.get("/").body().contains("/pages/about"), "navigation shows the plugin's links");

            HttpResponse<String> off = somep.adminPost("/api/plugins/pages/disable");
            assertEquals(200, off.statusCode(), off.body());
            assertTrue(off.body().contains("\"state\":\"disabled\""));
            assertEquals(404, somep.get("/pages/about").statusCode());
            assertFalse(somep.get("/").body().contains("/pages/about"), "navigation lost the plugin's links");

            HttpResponse<String> on = somep.adminPost("/api/plugins/pages/enable");
            assertEquals(200, on.statusCode(), on.body());
            assertEquals(200, somep.get("/pages/about").statusCode());
        }
    }

    @Test
    void a_plugin_with_a_missing_dependency_is_refused_with_its_name() throws Exception {
        Path needy = TestPlugins.build(jars, "needy", "1.0.0", Map.of("SOMEP-Requires", "glossary"));
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().start()) {
            HttpResponse<String> r = somep.send(somep.asAdmin("/api/plugins").header("Content-Type", "application/java-archive")
                    .POST(HttpRequest.BodyPublishers.ofFile(needy)).build());
            assertEquals(422, r.statusCode(), r.body());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(r.body().contains("'glossary' (not installed)"), r.body());
            assertEquals(404, somep.get("/needy").statusCode());

            // Dropped into the deploy folder instead, it is recorded as failed with the same reason.
            CompletableFuture<?> failed = somep.nextPluginState("failed", "needy");
            somep.deploy(needy, "needy.jar");
            await(failed);
            assertTrue(somep.send(somep.asAdmin("/api/plugins/needy").GET().build()).body().contains("glossary"));
        }
    }

    @Test
    void a_plugin_that_throws_on_start_is_marked_failed_while_the_others_serve() throws Exception {
        Path boom = TestPlugins.build(jars, "boom");
        try (TestSomep somep = TestSomep.builder().start()) {
            CompletableFuture<?> failed = somep.nextPluginState("failed", "boom");
            somep.deploy(boom, "boom.jar");
            await(failed);
            String info = somep.send(somep.asAdmin("/api/plugins/boom").GET().build()).body();
            assertTrue(info.contains("\"state\":\"failed\"") && info.contains("always fails to start"), info);
            assertEquals(404, somep.get("/boom").statusCode());
            assertEquals(200, somep.get("/pages/about").statusCode());
            assertEquals(200, somep.get("/health").statusCode());
        }
    }

    @Test
    void a_plugin_that_cannot_resolve_is_marked_failed_with_what_is_missing() throws Exception {
        Path broken = TestPlugins.build(jars, "hello", "1.0.0", Map.of("Import-Package", "com.example.nothere;version=\"[1,2)\",*"));
        try (TestSomep somep = TestSomep.builder().start()) {
            CompletableFuture<?> failed = somep.nextPluginState("failed", "hello");
            somep.deploy(broken, "hello.jar");
            await(failed);
            String reason = somep.kernel().plugins().get("hello").orElseThrow().reason();
            assertTrue(reason.contains("com.example.nothere"), reason);
            assertEquals(404, somep.get("/hello").statusCode());
            assertEquals(200, somep.get("/pages/about").statusCode());
        }
    }

    @Test
    void a_plugin_that_blocks_on_start_is_marked_failed_after_the_bound() throws Exception {
        Path slow = TestPlugins.build(jars, "slow");
        try (TestSomep somep = TestSomep.builder().set(Settings.PLUGIN_START_TIMEOUT, "1000").start()) {
            CompletableFuture<?> failed = somep.nextPluginState("failed", "slow");
            somep.deploy(slow, "slow.jar");
            await(failed);
            assertTrue(somep.kernel().plugins().get("slow").orElseThrow().reason().contains("did not start within 1000 ms"));
            assertEquals(200, somep.get("/pages/about").statusCode());
        }
    }

    @Test
    void a_plugin_others_need_cannot_be_disabled_alone() throws Exception {
        Path hello = TestPlugins.build(jars, "hello");
        Path dependent = TestPlugins.build(jars, "dependent", "1.0.0", Map.of("SOMEP-Requires", "hello"));
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().start()) {
            install(somep, hello);
            install(somep, dependent);
            assertEquals(200, somep.get("/dependent").statusCode());

            HttpResponse<String> r = somep.adminPost("/api/plugins/hello/disable");
            assertEquals(409, r.statusCode());
            assertTrue(r.body().contains("dependent"), r.body());
            assertEquals(200, somep.get("/hello").statusCode());

            assertEquals(200, somep.adminPost("/api/plugins/dependent/disable").statusCode());
            assertEquals(200, somep.adminPost("/api/plugins/hello/disable").statusCode());
            assertEquals(404, somep.get("/hello").statusCode());
        }
    }

    @Test
    void scheduled_tasks_stop_with_their_plugin_and_return_with_it() throws Exception {
        Path hello = TestPlugins.build(jars, "hello");
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().start()) {
            CompletableFuture<?> tick = somep.nextEvent("hello/tick", e -> true);
            install(somep, hello);
            await(tick);
            assertEquals(200, somep.adminPost("/api/plugins/hello/disable").statusCode());
            assertEquals(0, somep.kernel().bundleContext().getServiceReferences(eu.somep.spi.task.ScheduledTask.class, null).size());
            CompletableFuture<?> again = somep.nextEvent("hello/tick", e -> true);
            assertEquals(200, somep.adminPost("/api/plugins/hello/enable").statusCode());
            await(again);
        }
    }

    @Test
    void safe_mode_starts_with_every_plugin_disabled_and_the_kernel_serving() throws Exception {
        try (TestSomep somep = TestSomep.builder().set(Settings.SAFE_MODE, "true").start()) {
            assertEquals(404, somep.get("/pages/about").statusCode());
            assertEquals(200, somep.get("/").statusCode());
            String health = somep.get("/health").body();
            assertTrue(health.contains("\"pages\"") && health.contains("disabled"), health);
            assertEquals(409, somep.adminPost("/api/plugins/pages/enable").statusCode());
        }
    }

    @Test
    void a_marker_file_disables_one_plugin_and_a_restart_comes_back_the_same() throws Exception {
        Path home;
        try (TestSomep somep = TestSomep.builder().start()) {
            home = somep.home();
            assertEquals(200, somep.adminPost("/api/plugins/pages/disable").statusCode());
        }
        try (TestSomep again = TestSomep.builder().home(home).start()) {
            assertEquals(404, again.get("/pages/about").statusCode(), "still disabled after a restart");
            assertEquals(200, again.adminPost("/api/plugins/pages/enable").statusCode());
            Path marker = again.kernel().plugins().markerPath("pages");
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, "");
        }
        try (TestSomep third = TestSomep.builder().home(home).start()) {
            assertEquals(404, third.get("/pages/about").statusCode(), "the marker file disables it");
            assertTrue(third.kernel().plugins().get("pages").orElseThrow().enabled(), "the database still says enabled");
            Files.delete(third.kernel().plugins().markerPath("pages"));
            assertEquals(200, third.adminPost("/api/plugins/pages/enable").statusCode());
            assertEquals(200, third.get("/pages/about").statusCode());
        }
    }

    @Test
    void uninstall_with_purge_removes_the_plugin_tables() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            assertFalse(Purge.tablesOf(somep.kernel().dataSource(), "pages").isEmpty());
            HttpResponse<String> r = somep.adminDelete("/api/plugins/pages?purge=true");
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(Purge.tablesOf(somep.kernel().dataSource(), "pages").isEmpty(), "pages_page and its history are gone: " + r.body());
            assertEquals(404, somep.get("/pages/about").statusCode());
            assertEquals(404, somep.adminPost("/api/plugins/pages/enable").statusCode());
        }
    }

    @Test
    void uninstall_without_purge_keeps_the_tables() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            assertEquals(200, somep.adminDelete("/api/plugins/pages").statusCode());
            assertFalse(Purge.tablesOf(somep.kernel().dataSource(), "pages").isEmpty());
        }
    }

    static void install(TestSomep somep, Path jar) throws Exception {
        HttpResponse<String> r = somep.send(somep.asAdmin("/api/plugins").header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(jar)).build());
        assertEquals(201, r.statusCode(), r.body());
    }
}
