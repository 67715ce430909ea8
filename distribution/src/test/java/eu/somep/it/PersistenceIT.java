package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Kernel and plugin persistence on H2 and on a real PostgreSQL: what is saved survives a restart. */
class PersistenceIT {

    static java.util.stream.Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pages_and_plugin_state_survive_a_restart(TestDatabases.Db db) throws Exception {
        Path home;
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            home = somep.home();
            HttpResponse<String> shipped = somep.get("/api/pages/partners?language=tr");
            assertEquals(200, shipped.statusCode(), shipped.body());
            assertTrue(shipped.body().contains("Erciyes Üniversitesi"), "shipped Turkish content: " + shipped.body());

            HttpResponse<String> put = somep.send(somep.asAdmin("/api/pages/training").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"language\":\"de\",\"title\":\"Schulung\",\"body\":\"Erster Absatz.\\n\\nZweiter Absatz.\",\"visibility\":\"members\"}"))
                    .build());
            assertEquals(200, put.statusCode(), put.body());
            assertEquals(401, somep.get("/api/pages/training").statusCode(), "members-only for guests");
            assertEquals(200, somep.adminPost("/api/plugins/pages/disable").statusCode());
        }
        try (TestSomep again = TestSomep.builder().home(home).database(db).start()) {
            assertEquals(404, again.get("/pages/about").statusCode(), "the plugin is still disabled");
            assertEquals(200, again.adminPost("/api/plugins/pages/enable").statusCode());
            HttpResponse<String> page = again.send(again.asAdmin("/api/pages/training?language=de").GET().build());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Zweiter Absatz"), page.body());
            HttpResponse<String> delete = again.adminDelete("/api/pages/training");
            assertEquals(204, delete.statusCode());
            assertEquals(404, again.send(again.asAdmin("/api/pages/training").GET().build()).statusCode());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void invalid_input_is_refused_with_a_problem_and_keeps_what_was_saved(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            HttpResponse<String> bad = somep.send(somep.asAdmin("/api/pages/about").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"language\":\"xx\",\"title\":\"\",\"body\":\"\",\"visibility\":\"secret\"}")).build());
            assertEquals(422, bad.statusCode(), bad.body());
            assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(bad.body().contains("English, Turkish or German"), bad.body());
            HttpResponse<String> broken = somep.send(somep.asAdmin("/api/pages/about").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{not json")).build());
            assertEquals(400, broken.statusCode(), broken.body());
            assertTrue(!broken.body().contains("at eu.somep") && !broken.body().contains("Exception"), "no stack trace: " + broken.body());
            assertTrue(somep.get("/pages/about").body().contains("About SOMEP"), "the saved page is untouched");
        }
    }
}
