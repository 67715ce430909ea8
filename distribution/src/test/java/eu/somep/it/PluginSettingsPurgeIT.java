package eu.somep.it;

import static eu.somep.it.RegistrationIT.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.PluginJars;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A plugin uninstalled with its data purged and installed again starts with its defaults: the settings chosen before
 * are gone from the database and from Config Admin (which used to hand the new forum the old edit window). Without a
 * purge they stay. On H2 and PostgreSQL.
 */
class PluginSettingsPurgeIT {
    private static final String API = "/api/admin/plugins/forum/settings";

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_reinstall_after_a_purge_starts_with_the_default_settings(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().plugins("course", "forum").database(db).start()) {
            String admin = somep.adminToken();
            somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");

            // no edit window: Ayse cannot change her post
            assertEquals(200, as(somep, admin, "PUT", API, "{\"editMinutes\":0}").statusCode());
            assertEquals(403, edit(somep, admin, ayse), "editMinutes 0 is in force");

            // uninstalled without a purge and installed again: the choice stays
            assertEquals(200, somep.adminDelete("/api/plugins/forum").statusCode());
            PluginLifecycleIT.install(somep, PluginJars.find("forum"));
            assertTrue(as(somep, admin, "GET", API, null).body().contains("\"editMinutes\":0"));
            assertEquals(403, edit(somep, admin, ayse), "kept without a purge");

            // uninstalled with its data purged and installed again: the default 30 minutes, in the database and in the forum
            HttpResponse<String> purged = somep.adminDelete("/api/plugins/forum?purge=true");
            assertEquals(200, purged.statusCode(), purged.body());
            PluginLifecycleIT.install(somep, PluginJars.find("forum"));
            assertTrue(as(somep, admin, "GET", API, null).body().contains("\"values\":{\"editMinutes\":30,"), as(somep, admin, "GET", API, null).body());
            assertEquals(204, edit(somep, admin, ayse), "the new forum has its default edit window, not the purged one");
        }
    }

    /** Ayse posts in a new forum and edits her post at once: 204 while the edit window allows it, else 403. */
    private static int edit(TestSomep somep, String admin, String ayse) throws Exception {
        HttpResponse<String> forum = as(somep, admin, "POST", "/api/forum/forums", "{\"name\":\"Shift\"}");
        assertEquals(201, forum.statusCode(), forum.body());
        HttpResponse<String> started = as(somep, ayse, "POST", "/api/forum/forums/" + ForumIT.id(forum) + "/discussions",
                "{\"title\":\"Handover\",\"message\":\"Checklist?\"}");
        assertEquals(201, started.statusCode(), started.body());
        HttpResponse<String> reply = as(somep, ayse, "POST", "/api/forum/discussions/" + ForumIT.id(started) + "/posts", "{\"message\":\"Radio first.\"}");
        assertEquals(201, reply.statusCode(), reply.body());
        return as(somep, ayse, "PUT", "/api/forum/posts/" + ForumIT.id(reply), "{\"message\":\"Radio, then keys.\"}").statusCode();
    }
}
