package eu.somep.it;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.core.settings.PluginSettings;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL database, as in a cluster: a setting changed through one node is applied by the
 * plugin on the other while both run, without a restart.
 */
class PluginSettingsClusterIT {
    @Test
    void a_setting_changed_on_one_node_is_applied_by_the_plugin_on_the_other() throws Exception {
        TestDatabases.Db db = TestDatabases.postgres();
        try (TestSomep a = TestSomep.builder().database(db).set(PluginSettings.POLL, "200").start();
             TestSomep b = TestSomep.builder().database(db).set(PluginSettings.POLL, "200").start()) {
            a.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            String ayse = TokensIT.create(b, "ayse", "ayse-pass-123", "on b");
            HttpResponse<String> started = RegistrationIT.as(b, ayse, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"Night shift\",\"message\":\"Who has the keys?\"}");
            assertEquals(201, started.statusCode(), started.body());
            String post = "/api/forum/posts/" + ForumIT.firstPost(RegistrationIT.as(b, ayse, "GET", "/api/forum/discussions/" + ForumIT.id(started), null).body());
            assertEquals(204, RegistrationIT.as(b, ayse, "PUT", post, "{\"message\":\"Who has the car keys?\"}").statusCode());

            var appliedOnB = b.nextEvent(PluginSettings.TOPIC_APPLIED, e -> "forum".equals(e.get("component")));
            HttpResponse<String> saved = RegistrationIT.as(a, a.adminToken(), "PUT", "/api/admin/plugins/forum/settings", "{\"editMinutes\":0}");
            assertEquals(200, saved.statusCode(), saved.body());
            TestSomep.await(appliedOnB);

            HttpResponse<String> refused = RegistrationIT.as(b, ayse, "PUT", post, "{\"message\":\"Too late on b\"}");
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("changed for 0 minutes"), refused.body());
        }
    }
}
