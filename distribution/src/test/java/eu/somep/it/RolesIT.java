package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Roles and capabilities as data, on H2 and PostgreSQL: assignments, overrides, the check, plugin capabilities. */
class RolesIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> editAbout(TestSomep somep, String token) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri("/api/pages/about")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"language\":\"en\",\"title\":\"About SOMEP\",\"body\":\"Edited by a manager.\",\"visibility\":\"public\"}")).build());
    }

    static HttpResponse<String> admin(TestSomep somep, String method, String path, String json) throws Exception {
        return somep.send(somep.asAdmin(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_role_grants_a_plugin_capability_and_a_prohibit_overrides_it(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            somep.kernel().users().create("trainer1", "trainer-pass-1", "Trainer One", false);
            String trainer = TokensIT.create(somep, "trainer1", "trainer-pass-1", "test");
            assertEquals(403, editAbout(somep, trainer).statusCode(), "no role yet");

            String caps = admin(somep, "GET", "/api/capabilities", null).body();
            assertTrue(caps.contains("\"name\":\"pages:edit\"") && caps.contains("\"risks\":\"spam\""), "declared by the plugin: " + caps);
            assertTrue(caps.contains("\"name\":\"kernel:manageplugins\""), caps);

            assertEquals(201, admin(somep, "POST", "/api/roles/manager/assignments", "{\"username\":\"trainer1\"}").statusCode());
            HttpResponse<String> edited = editAbout(somep, trainer);
            assertEquals(200, edited.statusCode(), "a manager may edit pages: " + edited.body());
            assertEquals(403, somep.send(HttpRequest.newBuilder(somep.uri("/api/plugins")).header("Authorization", "Bearer " + trainer).GET().build()).statusCode(),
                    "but not manage plugins");
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            String csrf = SecurityIT.Browser.csrf(browser.get("/login"));
            assertEquals(303, browser.post("/login", java.util.Map.of("username", "trainer1", "password", "trainer-pass-1", "_csrf", csrf)).statusCode());
            String home = browser.get("/").body();
            assertTrue(home.contains("href=\"/admin/users\"") && !home.contains("href=\"/admin/plugins\""),
                    "a manager sees the accounts link, not the plugins link");
            String check = admin(somep, "GET", "/api/permissions?user=trainer1&capability=pages:edit", null).body();
            assertTrue(check.contains("\"allowed\":true") && check.contains("Role manager"), check);

            assertEquals(200, admin(somep, "PUT", "/api/roles/user/permissions/pages:edit", "{\"permission\":\"prohibit\"}").statusCode());
            assertEquals(403, editAbout(somep, trainer).statusCode(), "a prohibit on any role wins, on the next request");
            String denied = admin(somep, "GET", "/api/permissions?user=trainer1&capability=pages:edit", null).body();
            assertTrue(denied.contains("\"allowed\":false") && denied.contains("prohibit"), denied);
            assertEquals(200, admin(somep, "PUT", "/api/roles/user/permissions/pages:edit", "{\"permission\":\"inherit\"}").statusCode());
            assertEquals(200, editAbout(somep, trainer).statusCode());

            assertEquals(204, admin(somep, "DELETE", "/api/roles/manager/assignments/trainer1", null).statusCode());
            assertEquals(403, editAbout(somep, trainer).statusCode(), "role removal takes effect at once");
            assertEquals(422, admin(somep, "PUT", "/api/roles/manager/permissions/pages:edit", "{\"permission\":\"maybe\"}").statusCode());
            assertEquals(404, admin(somep, "POST", "/api/roles/nosuchrole/assignments", "{\"username\":\"trainer1\"}").statusCode());
            String audit = admin(somep, "GET", "/api/audit?action=role/", null).body();
            assertTrue(audit.contains("role/assign") && audit.contains("role/unassign") && audit.contains("role/permission"), audit);

            assertEquals(200, somep.adminDelete("/api/plugins/pages").statusCode());
            assertFalse(admin(somep, "GET", "/api/capabilities", null).body().contains("pages:edit"), "uninstalling removes its capabilities");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_roles_page_assigns_and_explains(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            somep.kernel().users().create("trainee1", "trainee-pass-1", "Trainee One", false);
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            HttpResponse<String> page = browser.get("/admin/roles");
            assertEquals(200, page.statusCode());
            HttpResponse<String> assigned = browser.post("/admin/roles/trainee/assign",
                    java.util.Map.of("username", "trainee1", "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(303, assigned.statusCode(), assigned.body());
            HttpResponse<String> after = browser.get("/admin/roles?user=trainee1&capability=pages:edit");
            assertTrue(after.body().contains("trainee1"), "listed under its role");
            assertTrue(after.body().contains("data-testid=\"check\"") && after.body().contains("Denied") && after.body().contains("Role trainee"), after.body());
            HttpResponse<String> unknown = browser.post("/admin/roles/trainee/assign", java.util.Map.of("username", "nobody", "_csrf", SecurityIT.Browser.csrf(after)));
            assertEquals(404, unknown.statusCode());
            assertTrue(unknown.body().contains("No user"), "a clear message on the page");
        }
    }
}
