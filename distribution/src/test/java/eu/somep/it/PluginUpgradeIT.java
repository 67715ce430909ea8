package eu.somep.it;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades on H2 and PostgreSQL: a newer version runs its new migrations and keeps the data, an older one is
 * refused, a failed migration leaves the old version serving, and the upgrade survives a restart.
 */
class PluginUpgradeIT {
    @TempDir
    Path work;

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void upgrade_migrates_and_keeps_data_refuses_downgrade_and_survives_a_failed_migration(TestDatabases.Db db) throws Exception {
        Path v1 = TestCatalogs.ledger(work.resolve("v1"), "1.0.0", Map.of("V1__entries.sql", TestCatalogs.V1), "body");
        Path v2 = TestCatalogs.ledger(work.resolve("v2"), "2.0.0", migrations(TestCatalogs.V2), "body || ':' || tag");
        // V3 changes every row, then fails: the whole migration must leave no trace in the data
        Path v3broken = TestCatalogs.ledger(work.resolve("v3broken"), "3.0.0",
                migrations(TestCatalogs.V2, "V3__retag.sql", "UPDATE ledger_entry SET tag = 'v3';\nINSERT INTO ledger_nosuch (id) VALUES (1);\n"),
                "body || ':' || tag");
        Path v3 = TestCatalogs.ledger(work.resolve("v3"), "3.0.0",
                migrations(TestCatalogs.V2, "V3__retag.sql", "UPDATE ledger_entry SET tag = 'v3';\n"), "body || ':' || tag");

        Path home;
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().database(db).start()) {
            home = somep.home();
            assertEquals(201, upload(somep, v1).statusCode());
            add(somep, "alpha");
            add(somep, "beta");
            assertEquals("version 1.0.0: alpha beta", somep.get("/ledger").body());

            HttpResponse<String> up = upload(somep, v2);
            assertEquals(201, up.statusCode(), up.body());
            assertTrue(up.body().contains("\"version\":\"2.0.0\"") && up.body().contains("\"state\":\"enabled\""), up.body());
            assertEquals("version 2.0.0: alpha:v2 beta:v2", somep.get("/ledger").body(), "the new migration ran and the rows are kept");

            HttpResponse<String> down = upload(somep, v1);
            assertEquals(409, down.statusCode(), down.body());
            assertTrue(down.body().contains("cannot be downgraded from version 2.0.0 to 1.0.0"), down.body());
            HttpResponse<String> same = upload(somep, v2);
            assertEquals(409, same.statusCode(), same.body());
            assertTrue(same.body().contains("version 2.0.0 is already installed"), same.body());
            assertEquals("version 2.0.0: alpha:v2 beta:v2", somep.get("/ledger").body());

            HttpResponse<String> failed = upload(somep, v3broken);
            assertEquals(422, failed.statusCode(), failed.body());
            assertTrue(failed.body().contains("was not upgraded to version 3.0.0") && failed.body().toLowerCase().contains("ledger_nosuch")
                    && failed.body().contains("Version 2.0.0 is still installed and serving."), failed.body());
            assertEquals("version 2.0.0: alpha:v2 beta:v2", somep.get("/ledger").body(), "the old version serves, its data untouched");
            add(somep, "gamma");
            String info = somep.send(somep.asAdmin("/api/plugins/ledger").GET().build()).body();
            assertTrue(info.contains("\"state\":\"enabled\"") && info.contains("\"version\":\"2.0.0\""), info);

            // The fixed version upgrades: the failed attempt left nothing in the way
            assertEquals(201, upload(somep, v3).statusCode());
            assertEquals("version 3.0.0: alpha:v3 beta:v3 gamma:v3", somep.get("/ledger").body());
        }
        try (TestSomep again = TestSomep.builder().home(home).noShippedPlugins().database(db).start()) {
            // the upgrade lives in the deploy folder, which is watched from the end of the start on
            var on = again.nextPluginState("enabled", "ledger");
            if (!again.kernel().plugins().bundle("ledger").map(b -> b.getState() == org.osgi.framework.Bundle.ACTIVE).orElse(false)) TestSomep.await(on);
            String info = again.send(again.asAdmin("/api/plugins/ledger").GET().build()).body();
            assertTrue(info.contains("\"version\":\"3.0.0\""), info);
            assertEquals("version 3.0.0: alpha:v3 beta:v3 gamma:v3", again.get("/ledger").body(), "the upgrade is what starts after a restart");
        }
    }

    @org.junit.jupiter.api.Test
    void an_upgraded_shipped_plugin_starts_in_its_new_version_after_a_restart() throws Exception {
        Path v1 = TestPlugins.build(work.resolve("v1"), "hello", "1.0.0", TestCatalogs.plugin("hello", "1.0.0"));
        Path v2 = TestPlugins.build(work.resolve("v2"), "hello", "1.1.0", TestCatalogs.plugin("hello", "1.1.0"));
        Path home;
        try (TestSomep first = TestSomep.builder().noShippedPlugins().start()) {
            home = first.home();
        }
        java.nio.file.Files.copy(v1, home.resolve("shipped").resolve("hello-1.0.0.jar"));
        try (TestSomep somep = TestSomep.builder().home(home).start()) {
            assertTrue(somep.send(somep.asAdmin("/api/plugins/hello").GET().build()).body().contains("\"version\":\"1.0.0\""));
            HttpResponse<String> up = upload(somep, v2);
            assertEquals(201, up.statusCode(), up.body());
            assertEquals("hello", somep.get("/hello").body());
        }
        try (TestSomep again = TestSomep.builder().home(home).start()) {
            var on = again.nextPluginState("enabled", "hello");
            if (!again.kernel().plugins().bundle("hello").map(b -> b.getState() == org.osgi.framework.Bundle.ACTIVE).orElse(false)) TestSomep.await(on);
            String info = again.send(again.asAdmin("/api/plugins/hello").GET().build()).body();
            assertTrue(info.contains("\"version\":\"1.1.0\"") && info.contains("\"state\":\"enabled\""), "the deploy folder's newer jar wins over the shipped one: " + info);
            assertEquals("hello", again.get("/hello").body());
        }
    }

    private static Map<String, String> migrations(String v2, String... more) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("V1__entries.sql", TestCatalogs.V1);
        m.put("V2__tag.sql", v2);
        for (int i = 0; i + 1 < more.length; i += 2) m.put(more[i], more[i + 1]);
        return m;
    }

    private static HttpResponse<String> upload(TestSomep somep, Path jar) throws Exception {
        return somep.send(somep.asAdmin("/api/plugins").header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(jar)).build());
    }

    private static void add(TestSomep somep, String text) throws Exception {
        HttpResponse<String> r = somep.send(somep.asAdmin("/ledger").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
        assertEquals(200, r.statusCode(), r.body());
    }
}
