package eu.somep.it;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plugin settings drawn from the forum's Metatype description, changed through the REST API and the admin page:
 * the forum applies a new edit window at once, without a restart; wrong values are refused with the field named and
 * nothing saved; the value is in the database and still in force after a restart. On H2 and PostgreSQL.
 */
class PluginSettingsIT {
    private static final String API = "/api/admin/plugins/forum/settings";
    private static final String PAGE = "/admin/plugins/forum/settings";

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return RegistrationIT.as(somep, token, method, path, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_administrator_changes_the_forum_edit_window_and_the_forum_applies_it_at_once(TestDatabases.Db db) throws Exception {
        Path home;
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            home = somep.home();
            String admin = somep.adminToken();
            somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");

            // the description: fields, types and bounds from @ObjectClassDefinition, with the current values
            HttpResponse<String> described = as(somep, admin, "GET", API, null);
            assertEquals(200, described.statusCode(), described.body());
            String d = described.body();
            assertTrue(d.contains("\"key\":\"editMinutes\"") && d.contains("\"type\":\"integer\"") && d.contains("\"min\":\"0\"")
                    && d.contains("\"max\":\"10080\"") && d.contains("\"label\":\"Edit window (minutes)\""), d);
            assertTrue(d.contains("\"values\":{\"editMinutes\":30,\"mailSeconds\":60,\"digestHour\":17}"), d);
            HttpResponse<String> german = somep.send(somep.asAdmin(API).header("Accept-Language", "de").GET().build());
            assertTrue(german.body().contains("\"label\":\"Bearbeitungsfrist (Minuten)\""), "labels from the plugin's messages: " + german.body());
            assertTrue(as(somep, admin, "GET", "/api/admin/plugins/pages/settings", null).body().contains("\"fields\":[]"), "a plugin without settings");
            HttpResponse<String> unknown = as(somep, admin, "GET", "/api/admin/plugins/nope/settings", null);
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("No plugin named 'nope' is installed."), unknown.body());

            // only administrators of plugins
            assertEquals(401, somep.get(API).statusCode());
            assertEquals(403, as(somep, ayse, "GET", API, null).statusCode());
            assertEquals(403, as(somep, ayse, "PUT", API, "{\"editMinutes\":0}").statusCode());

            // Ayse may edit her reply: the default window is 30 minutes
            HttpResponse<String> started = as(somep, ayse, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"Shift handover\",\"message\":\"Checklist?\"}");
            assertEquals(201, started.statusCode(), started.body());
            HttpResponse<String> reply = as(somep, ayse, "POST", "/api/forum/discussions/" + ForumIT.id(started) + "/posts", "{\"message\":\"Radio check first.\"}");
            assertEquals(201, reply.statusCode(), reply.body());
            String post = "/api/forum/posts/" + ForumIT.id(reply);
            assertEquals(204, as(somep, ayse, "PUT", post, "{\"message\":\"Radio check, then keys.\"}").statusCode());

            // wrong values: 422 with each field named, in the reader's language; nothing saved
            HttpResponse<String> bad = as(somep, admin, "PUT", API, "{\"editMinutes\":99999,\"digestHour\":\"noon\",\"colour\":\"red\"}");
            assertEquals(422, bad.statusCode(), bad.body());
            assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(bad.body().contains("\"editMinutes\":\"Enter a number from 0 to 10080.\""), bad.body());
            assertTrue(bad.body().contains("\"digestHour\":\"Enter a whole number.\""), bad.body());
            assertTrue(bad.body().contains("\"colour\":\"This plugin has no setting named colour.\""), bad.body());
            HttpResponse<String> turkish = somep.send(somep.asAdmin(API).header("Content-Type", "application/json").header("Accept-Language", "tr")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"editMinutes\":-1}")).build());
            assertEquals(422, turkish.statusCode());
            assertTrue(turkish.body().contains("0 ile 10080 arasında bir sayı girin."), turkish.body());
            assertEquals(400, as(somep, admin, "PUT", API, "[1,2]").statusCode(), "not an object");
            assertEquals(List.of(), stored(somep, "editMinutes"), "nothing saved after a refusal");
            assertEquals(204, as(somep, ayse, "PUT", post, "{\"message\":\"Still mine to edit.\"}").statusCode());

            // a good value: saved, and in force when the answer comes, without restarting the forum
            var restarted = somep.nextPluginState("disabled", "forum");
            HttpResponse<String> saved = as(somep, admin, "PUT", API, "{\"editMinutes\":0}");
            assertEquals(200, saved.statusCode(), saved.body());
            assertTrue(saved.body().contains("\"editMinutes\":0"), saved.body());
            HttpResponse<String> refused = as(somep, ayse, "PUT", post, "{\"message\":\"Too late?\"}");
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("changed for 0 minutes"), refused.body());
            assertFalse(restarted.isDone(), "the forum was not restarted");
            assertTrue(as(somep, admin, "GET", "/api/plugins/forum", null).body().contains("\"state\":\"enabled\""));
            assertEquals(List.of("0"), stored(somep, "editMinutes"), "the database holds the value");

            // the page: the form drawn from the description, with the CSRF token; wrong values named at their field
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            assertTrue(browser.get("/admin/plugins").body().contains("href=\"" + PAGE + "\""), "the plugins page links to the settings");
            HttpResponse<String> form = browser.get(PAGE);
            assertEquals(200, form.statusCode(), form.body());
            assertTrue(form.body().contains("name=\"editMinutes\" value=\"0\"") && form.body().contains("min=\"0\" max=\"10080\""), form.body());
            assertTrue(form.body().contains("Edit window (minutes)") && form.body().contains("How long authors may edit"), form.body());
            assertEquals(403, browser.post(PAGE, Map.of("editMinutes", "45")).statusCode(), "no CSRF token, no change");
            Map<String, String> fields = new LinkedHashMap<>(Map.of("_csrf", SecurityIT.Browser.csrf(form), "mailSeconds", "60", "digestHour", "17"));
            fields.put("editMinutes", "-5");
            HttpResponse<String> wrong = browser.post(PAGE, fields);
            assertEquals(422, wrong.statusCode(), wrong.body());
            assertTrue(wrong.body().contains("Enter a number from 0 to 10080.") && wrong.body().contains("name=\"editMinutes\" value=\"-5\""), wrong.body());
            assertTrue(wrong.body().contains("Nothing was saved"), wrong.body());
            assertEquals(List.of("0"), stored(somep, "editMinutes"));
            fields.put("editMinutes", "45");
            HttpResponse<String> ok = browser.post(PAGE, fields);
            assertEquals(303, ok.statusCode(), ok.body());
            HttpResponse<String> after = browser.follow(ok);
            assertTrue(after.body().contains("The settings are saved") && after.body().contains("name=\"editMinutes\" value=\"45\""), after.body());
            assertEquals(204, as(somep, ayse, "PUT", post, "{\"message\":\"Editable again.\"}").statusCode(), "45 minutes: the edit is allowed again");

            // the form encoding the command line sends
            HttpResponse<String> cli = somep.send(somep.asAdmin(API).header("Content-Type", "application/x-www-form-urlencoded")
                    .PUT(HttpRequest.BodyPublishers.ofString("editMinutes=0&digestHour=6")).build());
            assertEquals(200, cli.statusCode(), cli.body());
            assertTrue(cli.body().contains("\"values\":{\"editMinutes\":0,\"mailSeconds\":60,\"digestHour\":6}"), cli.body());
        }

        // a restart: the stored settings reach the forum before it starts
        try (TestSomep again = TestSomep.builder().home(home).database(db).start()) {
            String ayse = TokensIT.create(again, "ayse", "ayse-pass-123", "t2");
            assertTrue(as(again, again.adminToken(), "GET", API, null).body().contains("\"editMinutes\":0"));
            HttpResponse<String> started = as(again, ayse, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"After the restart\",\"message\":\"New post\"}");
            assertEquals(201, started.statusCode(), started.body());
            String page = as(again, ayse, "GET", "/api/forum/discussions/" + ForumIT.id(started), null).body();
            HttpResponse<String> refused = as(again, ayse, "PUT", "/api/forum/posts/" + ForumIT.firstPost(page), "{\"message\":\"Edited\"}");
            assertEquals(403, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("changed for 0 minutes"), refused.body());
        }
    }

    /** The stored values of a forum setting, read straight from the kernel's table. */
    static List<String> stored(TestSomep somep, String attribute) throws Exception {
        try (Connection c = somep.kernel().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM kernel_plugin_setting WHERE component = 'forum' AND attribute = ?")) {
            ps.setString(1, attribute);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }
}
