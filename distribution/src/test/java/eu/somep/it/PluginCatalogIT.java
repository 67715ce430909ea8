package eu.somep.it;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.somep.core.config.Settings;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin catalog: what it offers, install plans from the OSGi resolver, installs with dependencies, refusals. */
class PluginCatalogIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Path catalog() throws Exception {
        Path dir = work.resolve("catalog");
        TestPlugins.build(dir, "hello", "1.0.0", TestCatalogs.plugin("hello", "1.0.0"));
        TestPlugins.build(dir, "dependent", "1.0.0", TestCatalogs.plugin("dependent", "1.0.0", "hello"));
        TestPlugins.build(dir, "needy", "1.0.0", TestCatalogs.plugin("needy", "1.0.0", "glossary"));
        Map<String, String> broken = TestCatalogs.plugin("notes", "1.0.0");
        broken.put("Import-Package", "com.example.nothere;version=\"[1,2)\",*");
        TestPlugins.build(dir, "notes", "1.0.0", broken);
        TestCatalogs.index(dir);
        return dir;
    }

    @Test
    void a_plugin_installs_from_the_catalog_with_the_plugin_it_needs() throws Exception {
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().set(Settings.CATALOG, catalog().toString()).start()) {
            JsonNode list = json(somep.send(somep.asAdmin("/api/admin/plugins/catalog").GET().build()), 200);
            JsonNode dependent = find(list, "dependent");
            assertEquals("available", dependent.get("status").asText());
            assertEquals("[\"hello\"]", dependent.get("requires").toString());
            assertEquals("1.0.0", dependent.get("version").asText());
            assertEquals("[1.0,2)", dependent.get("api").asText());
            assertEquals("Test plugin dependent", dependent.get("name").asText());

            // The plan: the resolver brings hello, before dependent
            JsonNode plan = json(somep.send(somep.asAdmin("/api/admin/plugins/catalog/dependent/plan").GET().build()), 200);
            assertEquals(List.of("hello", "dependent"), components(plan.get("install")));
            assertEquals(404, somep.get("/hello").statusCode(), "planning installs nothing");

            HttpResponse<String> install = somep.send(somep.asAdmin("/api/admin/plugins/catalog/dependent/install").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(201, install.statusCode(), install.body());
            assertEquals(List.of("hello", "dependent"), components(JSON.readTree(install.body())));
            assertEquals("dependent", somep.get("/dependent").body());
            assertEquals("hello", somep.get("/hello").body());
            assertTrue(somep.send(somep.asAdmin("/api/plugins/dependent").GET().build()).body().contains("\"state\":\"enabled\""));

            JsonNode after = json(somep.send(somep.asAdmin("/api/admin/plugins/catalog").GET().build()), 200);
            assertEquals("installed", find(after, "dependent").get("status").asText());
            assertEquals("installed", find(after, "hello").get("status").asText());
            HttpResponse<String> again = somep.send(somep.asAdmin("/api/admin/plugins/catalog/hello/plan").GET().build());
            assertEquals(409, again.statusCode(), again.body());
            assertTrue(again.body().contains("already installed"), again.body());
        }
    }

    @Test
    void a_newer_version_in_the_catalog_upgrades_and_the_plugins_that_need_it_keep_serving() throws Exception {
        Path dir = catalog();
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().set(Settings.CATALOG, dir.toString()).start()) {
            assertEquals(201, somep.send(somep.asAdmin("/api/admin/plugins/catalog/dependent/install").POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
            assertEquals("dependent", somep.get("/dependent").body());

            // hello 1.1.0 appears in the catalog
            TestPlugins.build(dir.resolve("next"), "hello", "1.1.0", TestCatalogs.plugin("hello", "1.1.0"));
            java.nio.file.Files.move(dir.resolve("next").resolve("hello-1.1.0.jar"), dir.resolve("hello-1.1.0.jar"));
            TestCatalogs.index(dir);
            JsonNode hello = find(json(somep.send(somep.asAdmin("/api/admin/plugins/catalog").GET().build()), 200), "hello");
            assertEquals("upgradable", hello.get("status").asText());
            assertEquals("1.1.0", hello.get("version").asText());
            assertEquals("1.0.0", hello.get("installedVersion").asText());
            JsonNode plan = json(somep.send(somep.asAdmin("/api/admin/plugins/catalog/hello/plan").GET().build()), 200);
            assertEquals(List.of("hello"), components(plan.get("install")));
            assertTrue(plan.get("install").get(0).get("upgrade").asBoolean());

            HttpResponse<String> up = somep.send(somep.asAdmin("/api/admin/plugins/catalog/hello/install").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(201, up.statusCode(), up.body());
            assertTrue(up.body().contains("\"version\":\"1.1.0\""), up.body());
            assertEquals("hello", somep.get("/hello").body());
            assertEquals("dependent", somep.get("/dependent").body(), "the plugin that needs hello serves after the upgrade");
            assertTrue(somep.send(somep.asAdmin("/api/plugins/dependent").GET().build()).body().contains("\"state\":\"enabled\""));
            assertEquals("installed", find(json(somep.send(somep.asAdmin("/api/admin/plugins/catalog").GET().build()), 200), "hello").get("status").asText());
        }
    }

    @Test
    void an_unresolvable_plugin_is_refused_naming_what_is_missing() throws Exception {
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().set(Settings.CATALOG, catalog().toString()).start()) {
            HttpResponse<String> plan = somep.send(somep.asAdmin("/api/admin/plugins/catalog/needy/plan").GET().build());
            assertEquals(422, plan.statusCode(), plan.body());
            assertTrue(plan.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(plan.body().contains("the plugin 'glossary'"), plan.body());

            HttpResponse<String> install = somep.send(somep.asAdmin("/api/admin/plugins/catalog/needy/install").POST(HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(422, install.statusCode(), install.body());
            assertTrue(install.body().contains("the plugin 'glossary'"), install.body());
            assertEquals(404, somep.get("/needy").statusCode());

            HttpResponse<String> pkg = somep.send(somep.asAdmin("/api/admin/plugins/catalog/notes/plan").GET().build());
            assertEquals(422, pkg.statusCode(), pkg.body());
            assertTrue(pkg.body().contains("the package com.example.nothere"), pkg.body());

            HttpResponse<String> unknown = somep.send(somep.asAdmin("/api/admin/plugins/catalog/nosuch/plan").GET().build());
            assertEquals(404, unknown.statusCode(), unknown.body());

            // The confirm page says the same, with the same status
            HttpResponse<String> page = somep.send(somep.asAdmin("/admin/plugins/catalog/needy").header("Accept", "text/html").GET().build());
            assertEquals(422, page.statusCode());
            assertTrue(page.body().contains("This plugin cannot be installed.") && page.body().contains("the plugin &#39;glossary&#39;"), page.body());
        }
    }

    @Test
    void the_distribution_catalog_lists_the_shipped_plugins_as_installed() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            JsonNode list = json(somep.send(somep.asAdmin("/api/admin/plugins/catalog").GET().build()), 200);
            for (JsonNode p : json(somep.send(somep.asAdmin("/api/plugins").GET().build()), 200))
                assertEquals("enabled", p.get("state").asText(), p.toString()); // their somep.plugin requirements resolve
            JsonNode forum = find(list, "forum");
            assertEquals("installed", forum.get("status").asText());
            assertEquals("[\"course\"]", forum.get("requires").toString());
            assertEquals("Forum", forum.get("name").asText());
            assertTrue(!forum.get("description").asText().isEmpty());
        }
    }

    @Test
    void the_compatibility_report_lists_every_installed_plugin_against_an_api_version() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            JsonNode now = json(somep.send(somep.asAdmin("/api/admin/plugins/compatibility?api=1.4.0").GET().build()), 200); // the API this kernel provides
            assertEquals(0, now.get("incompatible").asInt(), now.toString());
            JsonNode next = json(somep.send(somep.asAdmin("/api/admin/plugins/compatibility?api=2.0.0").GET().build()), 200);
            assertEquals(next.get("plugins").size(), next.get("incompatible").asInt(), "every shipped plugin accepts [x,2)");
            JsonNode pages = find(next.get("plugins"), "pages");
            assertEquals(false, pages.get("compatible").asBoolean());
            assertEquals("[1.4,2)", pages.get("range").asText());
            JsonNode old = json(somep.send(somep.asAdmin("/api/admin/plugins/compatibility?api=1.2.0").GET().build()), 200);
            assertEquals(true, find(old.get("plugins"), "glossary").get("compatible").asBoolean(), "glossary needs [1.2,2)");
            assertEquals(false, find(old.get("plugins"), "forum").get("compatible").asBoolean(), "forum needs [1.4,2)");

            HttpResponse<String> bad = somep.send(somep.asAdmin("/api/admin/plugins/compatibility?api=two").GET().build());
            assertEquals(400, bad.statusCode(), bad.body());
            HttpResponse<String> page = somep.send(somep.asAdmin("/admin/plugins/compatibility?api=2.0.0").header("Accept", "text/html").GET().build());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Not compatible"), page.body());
            assertEquals(401, somep.get("/api/admin/plugins/compatibility?api=2.0.0").statusCode(), "administrators only");
        }
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static JsonNode find(JsonNode list, String component) {
        for (JsonNode n : list) if (n.get("component").asText().equals(component)) return n;
        throw new AssertionError(component + " not in " + list);
    }

    private static List<String> components(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : list) out.add(n.get("component").asText());
        return out;
    }
}
