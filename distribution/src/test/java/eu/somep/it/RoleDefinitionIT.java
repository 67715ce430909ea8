package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Defining roles, Moodle-style, through real HTTP: custom roles from an archetype, their permissions in the site
 * context and overrides in a context below it, deletion, and the define-role pages with their CSRF-protected forms.
 */
class RoleDefinitionIT {
    private static final String USER = "auditor1";
    private static final String PASSWORD = "auditor-pass-1";

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> admin(TestSomep somep, String method, String path, String json) throws Exception {
        return RolesIT.admin(somep, method, path, json);
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String json) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The JSON object of one capability in an answer of GET /api/roles/{role}/permissions. */
    static String entry(String permissions, String capability) {
        Matcher m = Pattern.compile("\\{\"capability\":\"" + Pattern.quote(capability) + "\"[^}]*}").matcher(permissions);
        assertTrue(m.find(), capability + " in " + permissions);
        return m.group();
    }

    static String permission(TestSomep somep, String role, String capability, String context) throws Exception {
        HttpResponse<String> r = admin(somep, "GET", "/api/roles/" + role + "/permissions" + (context == null ? "" : "?context=" + context), null);
        assertEquals(200, r.statusCode(), r.body());
        return entry(r.body(), capability);
    }

    static HttpResponse<String> set(TestSomep somep, String role, String capability, String permission, Long context) throws Exception {
        return admin(somep, "PUT", "/api/roles/" + role + "/permissions/" + capability + (context == null ? "" : "?context=" + context),
                "{\"permission\":\"" + permission + "\"}");
    }

    static int audit(TestSomep somep, String token) throws Exception {
        return as(somep, token, "GET", "/api/audit", null).statusCode();
    }

    static boolean allowed(TestSomep somep, String capability, long context) throws Exception {
        HttpResponse<String> r = admin(somep, "GET", "/api/permissions?user=" + USER + "&capability=" + capability + "&context=" + context, null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"context\":" + context), r.body());
        return r.body().contains("\"allowed\":true");
    }

    /** A course context below the site, made directly in the database (courses do not exist yet). */
    static long childContext(TestSomep somep) throws Exception {
        try (Connection c = somep.kernel().dataSource().getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO kernel_context (level, parent_id) VALUES ('course', 1)");
            try (ResultSet rs = st.executeQuery("SELECT MAX(id) FROM kernel_context")) {
                assertTrue(rs.next());
                long id = rs.getLong(1);
                assertTrue(id > 1, "a new context below the site: " + id);
                return id;
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_custom_role_from_an_archetype_grants_what_it_is_given_and_can_be_deleted(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            somep.kernel().users().create(USER, PASSWORD, "Auditor One", false);
            String token = TokensIT.create(somep, USER, PASSWORD, "test");

            // nobody without kernel:manageroles reaches the new routes
            assertEquals(403, as(somep, token, "POST", "/api/roles", "{\"shortname\":\"mine\",\"name\":\"Mine\"}").statusCode());
            assertEquals(403, as(somep, token, "GET", "/api/roles/manager", null).statusCode());
            assertEquals(403, as(somep, token, "DELETE", "/api/roles/manager", null).statusCode());
            assertEquals(403, as(somep, token, "GET", "/api/roles/manager/permissions", null).statusCode());
            assertEquals(403, as(somep, token, "PUT", "/api/roles/manager/permissions", "{\"kernel:viewaudit\":\"allow\"}").statusCode());
            assertEquals(403, as(somep, token, "PUT", "/api/roles/manager/permissions/kernel:viewaudit?context=1", "{\"permission\":\"allow\"}").statusCode());
            assertEquals(403, as(somep, token, "GET", "/api/permissions?user=" + USER + "&capability=kernel:viewaudit&context=1", null).statusCode());

            HttpResponse<String> created = admin(somep, "POST", "/api/roles", "{\"shortname\":\"auditor\",\"name\":\"Auditor\",\"archetype\":\"manager\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(created.body().contains("\"shortname\":\"auditor\"") && created.body().contains("\"archetype\":\"manager\"")
                    && created.body().contains("\"builtIn\":false"), created.body());
            assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/roles/auditor"));
            // the manager archetype's site permissions were copied: the kernel's and the pages plugin's
            assertTrue(permission(somep, "auditor", "kernel:manageusers", null).contains("\"permission\":\"allow\""));
            String pages = permission(somep, "auditor", "pages:edit", "1");
            assertTrue(pages.contains("\"permission\":\"allow\"") && pages.contains("\"effective\":\"allow\"") && pages.contains("\"risks\":\"spam\""), pages);
            String viewaudit = permission(somep, "auditor", "kernel:viewaudit", null);
            assertTrue(viewaudit.contains("\"permission\":\"inherit\"") && viewaudit.contains("\"effective\":\"notset\""), viewaudit);

            // bad input and duplicates: clear problems
            HttpResponse<String> duplicate = admin(somep, "POST", "/api/roles", "{\"shortname\":\"auditor\",\"name\":\"Another\"}");
            assertEquals(409, duplicate.statusCode(), duplicate.body());
            assertTrue(duplicate.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(duplicate.body().contains("is taken"), duplicate.body());
            assertEquals(409, admin(somep, "POST", "/api/roles", "{\"shortname\":\"manager\",\"name\":\"Manager 2\"}").statusCode());
            HttpResponse<String> bad = admin(somep, "POST", "/api/roles", "{\"shortname\":\"Bad Name\",\"name\":\"Bad\"}");
            assertEquals(400, bad.statusCode(), bad.body());
            assertTrue(bad.body().contains("lower-case letters, digits or underscores"), bad.body());
            assertEquals(400, admin(somep, "POST", "/api/roles", "{\"shortname\":\"x\",\"name\":\"Too short\"}").statusCode());
            assertEquals(400, admin(somep, "POST", "/api/roles", "{\"shortname\":\"" + "a".repeat(65) + "\",\"name\":\"Too long\"}").statusCode());
            assertEquals(400, admin(somep, "POST", "/api/roles", "{\"shortname\":\"noname\",\"name\":\"  \"}").statusCode());
            HttpResponse<String> archetype = admin(somep, "POST", "/api/roles", "{\"shortname\":\"odd\",\"name\":\"Odd\",\"archetype\":\"wizard\"}");
            assertEquals(400, archetype.statusCode());
            assertTrue(archetype.body().contains("administrator, manager, trainer, trainee, guest, user"), archetype.body());
            assertEquals(400, admin(somep, "POST", "/api/roles", "{not json").statusCode());
            assertEquals(404, admin(somep, "GET", "/api/roles/odd", null).statusCode(), "nothing was created by a refused request");

            // a capability given to the role reaches a route that needs it, on the next request
            assertEquals(201, admin(somep, "POST", "/api/roles/auditor/assignments", "{\"username\":\"" + USER + "\"}").statusCode());
            assertEquals(403, audit(somep, token), "the role does not grant kernel:viewaudit yet");
            assertEquals(200, set(somep, "auditor", "kernel:viewaudit", "allow", null).statusCode());
            assertEquals(200, audit(somep, token), "now it does");
            assertTrue(permission(somep, "auditor", "kernel:viewaudit", null).contains("\"permission\":\"allow\""));

            // a prohibit on any role beats an allow; inherit removes the prohibit
            assertEquals(200, set(somep, "user", "kernel:viewaudit", "prohibit", null).statusCode());
            assertEquals(403, audit(somep, token), "prohibit on the user role wins over the auditor's allow");
            assertEquals(200, set(somep, "user", "kernel:viewaudit", "inherit", null).statusCode());
            assertTrue(permission(somep, "user", "kernel:viewaudit", null).contains("\"permission\":\"inherit\""));
            assertEquals(200, audit(somep, token));

            // inherit removes the role's own permission
            assertEquals(200, set(somep, "auditor", "kernel:viewaudit", "inherit", null).statusCode());
            assertEquals(403, audit(somep, token));

            // several at once; a wrong value changes nothing
            HttpResponse<String> many = admin(somep, "PUT", "/api/roles/auditor/permissions", "{\"kernel:viewaudit\":\"allow\",\"kernel:manageusers\":\"inherit\",\"pages:edit\":\"allow\"}");
            assertEquals(200, many.statusCode(), many.body());
            assertTrue(many.body().contains("\"kernel:viewaudit\":\"allow\"") && many.body().contains("\"kernel:manageusers\":\"inherit\"")
                    && !many.body().contains("pages:edit"), "only what changed: " + many.body());
            assertEquals(200, audit(somep, token));
            HttpResponse<String> wrong = admin(somep, "PUT", "/api/roles/auditor/permissions", "{\"kernel:viewaudit\":\"inherit\",\"pages:edit\":\"maybe\"}");
            assertEquals(422, wrong.statusCode(), wrong.body());
            assertTrue(wrong.body().contains("allow, prevent, prohibit or inherit"), wrong.body());
            assertEquals(404, admin(somep, "PUT", "/api/roles/auditor/permissions", "{\"nosuch:thing\":\"allow\"}").statusCode());
            assertEquals(200, audit(somep, token), "nothing changed");

            // built-in roles stay; custom roles go, with their assignments
            HttpResponse<String> builtIn = admin(somep, "DELETE", "/api/roles/manager", null);
            assertEquals(409, builtIn.statusCode(), builtIn.body());
            assertTrue(builtIn.body().contains("built-in"), builtIn.body());
            assertEquals(409, admin(somep, "DELETE", "/api/roles/user", null).statusCode());
            assertEquals(404, admin(somep, "DELETE", "/api/roles/nosuchrole", null).statusCode());
            assertEquals(204, admin(somep, "DELETE", "/api/roles/auditor", null).statusCode());
            assertEquals(404, admin(somep, "GET", "/api/roles/auditor", null).statusCode());
            assertEquals(403, audit(somep, token), "the deleted role no longer grants anything");

            String log = admin(somep, "GET", "/api/audit?action=role/", null).body();
            assertTrue(log.contains("role/create") && log.contains("role/delete") && log.contains("role/permission")
                    && log.contains("kernel:viewaudit = prohibit in context 1"), log);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_override_in_a_child_context_wins_but_not_over_a_prohibit(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            somep.kernel().users().create(USER, PASSWORD, "Auditor One", false);
            long course = childContext(somep);
            assertEquals(201, admin(somep, "POST", "/api/roles", "{\"shortname\":\"reviewer\",\"name\":\"Reviewer\"}").statusCode());
            assertEquals(201, admin(somep, "POST", "/api/roles/reviewer/assignments", "{\"username\":\"" + USER + "\"}").statusCode());
            assertFalse(allowed(somep, "kernel:viewaudit", course), "no archetype: nothing granted");

            assertEquals(200, set(somep, "reviewer", "kernel:viewaudit", "allow", null).statusCode());
            assertTrue(allowed(somep, "kernel:viewaudit", course), "the site definition applies below it");
            HttpResponse<String> override = set(somep, "reviewer", "kernel:viewaudit", "prevent", course);
            assertEquals(200, override.statusCode(), override.body());
            assertTrue(override.body().contains("\"context\":" + course), override.body());
            assertFalse(allowed(somep, "kernel:viewaudit", course), "the override in the course wins there");
            assertTrue(allowed(somep, "kernel:viewaudit", 1), "but not at the site");
            String here = permission(somep, "reviewer", "kernel:viewaudit", String.valueOf(course));
            assertTrue(here.contains("\"permission\":\"prevent\"") && here.contains("\"effective\":\"prevent\"") && here.contains("\"effectiveFrom\":" + course), here);
            String inherited = permission(somep, "reviewer", "kernel:manageusers", String.valueOf(course));
            assertTrue(inherited.contains("\"permission\":\"inherit\"") && inherited.contains("\"effective\":\"notset\""), inherited);
            assertTrue(admin(somep, "GET", "/api/roles/reviewer/permissions?context=" + course, null).body().contains("\"level\":\"course\""));

            // the other way round: prevented at the site, allowed in the course
            assertEquals(200, set(somep, "reviewer", "kernel:viewaudit", "prevent", null).statusCode());
            assertEquals(200, set(somep, "reviewer", "kernel:viewaudit", "allow", course).statusCode());
            assertTrue(allowed(somep, "kernel:viewaudit", course));
            assertFalse(allowed(somep, "kernel:viewaudit", 1));
            // inherit in the course: the site's prevent applies again
            assertEquals(200, set(somep, "reviewer", "kernel:viewaudit", "inherit", course).statusCode());
            assertFalse(allowed(somep, "kernel:viewaudit", course));
            String fromSite = permission(somep, "reviewer", "kernel:viewaudit", String.valueOf(course));
            assertTrue(fromSite.contains("\"permission\":\"inherit\"") && fromSite.contains("\"effective\":\"prevent\"") && fromSite.contains("\"effectiveFrom\":1"), fromSite);

            // a prohibit at the site cannot be overridden below
            assertEquals(200, set(somep, "reviewer", "kernel:viewaudit", "prohibit", null).statusCode());
            assertEquals(200, set(somep, "reviewer", "kernel:viewaudit", "allow", course).statusCode());
            assertFalse(allowed(somep, "kernel:viewaudit", course), "prohibit wins over a lower allow");
            String prohibited = permission(somep, "reviewer", "kernel:viewaudit", String.valueOf(course));
            assertTrue(prohibited.contains("\"permission\":\"allow\"") && prohibited.contains("\"effective\":\"prohibit\"") && prohibited.contains("\"effectiveFrom\":1"), prohibited);
            HttpResponse<String> why = admin(somep, "GET", "/api/permissions?user=" + USER + "&capability=kernel:viewaudit&context=" + course, null);
            assertTrue(why.body().contains("prohibit"), why.body());

            // contexts that do not exist or are not numbers
            HttpResponse<String> none = set(somep, "reviewer", "kernel:viewaudit", "allow", 999_999L);
            assertEquals(404, none.statusCode(), none.body());
            assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertTrue(none.body().contains("No context 999999"), none.body());
            assertEquals(404, admin(somep, "GET", "/api/roles/reviewer/permissions?context=999999", null).statusCode());
            assertEquals(404, admin(somep, "GET", "/api/permissions?user=" + USER + "&capability=kernel:viewaudit&context=999999", null).statusCode());
            HttpResponse<String> notNumber = admin(somep, "GET", "/api/roles/reviewer/permissions?context=site", null);
            assertEquals(400, notNumber.statusCode(), notNumber.body());
            assertTrue(notNumber.body().contains("number"), notNumber.body());
        }
    }

    @Test
    void a_capability_given_to_the_guest_role_opens_its_route_to_guests() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
            java.net.http.HttpRequest guest = java.net.http.HttpRequest.newBuilder(somep.uri("/api/audit")).GET().build();
            assertEquals(401, client.send(guest, HttpResponse.BodyHandlers.ofString()).statusCode(), "not given: sign in first");
            assertEquals(200, set(somep, "guest", "kernel:viewaudit", "allow", null).statusCode());
            assertEquals(200, client.send(guest, HttpResponse.BodyHandlers.ofString()).statusCode(), "given to guests: served without signing in");
        }
    }

    @Test
    void the_define_role_pages_work_through_forms_with_csrf() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            HttpResponse<String> list = browser.get("/admin/roles");
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains("data-testid=\"add-role\"") && list.body().contains("href=\"/admin/roles/manager\""), "the add form and links to each role");
            String csrf = SecurityIT.Browser.csrf(list);

            // adding a role: only with the CSRF token
            assertEquals(403, browser.post("/admin/roles", Map.of("shortname", "observer", "name", "Observer", "archetype", "trainee")).statusCode());
            HttpResponse<String> added = browser.post("/admin/roles", Map.of("shortname", "observer", "name", "Observer", "archetype", "trainee", "_csrf", csrf));
            assertEquals(303, added.statusCode(), added.body());
            assertEquals("/admin/roles/observer", browser.location(added).getPath());
            HttpResponse<String> define = browser.follow(added);
            assertEquals(200, define.statusCode(), define.body());
            String page = define.body();
            assertTrue(page.contains("Observer") && page.contains("data-context=\"1\"") && page.contains("data-level=\"site\""), page);
            assertTrue(page.contains("name=\"perm.kernel:viewaudit\"") && page.contains("Read the audit log"), "every capability with its label");
            assertTrue(page.contains("Create, edit and delete content pages"), "a plugin capability's label from the plugin's messages");
            assertTrue(page.contains("data-risk=\"personaldata\"") && page.contains("data-risk=\"spam\""), "risks as badges");
            assertTrue(page.contains("data-testid=\"delete-role\""), "a custom role can be deleted");

            // bad input on the add form: the list again with a clear message, never a 500
            HttpResponse<String> badName = browser.post("/admin/roles", Map.of("shortname", "No Good", "name", "Observer", "archetype", "", "_csrf", csrf));
            assertEquals(400, badName.statusCode(), badName.body());
            assertTrue(badName.body().contains("lower-case letters, digits or underscores") && badName.body().contains("value=\"No Good\""), "typed values kept");
            HttpResponse<String> duplicate = browser.post("/admin/roles", Map.of("shortname", "observer", "name", "Observer", "archetype", "", "_csrf", csrf));
            assertEquals(409, duplicate.statusCode());
            assertTrue(duplicate.body().contains("is taken"));
            assertEquals(400, browser.post("/admin/roles", Map.of("shortname", "watcher", "name", "Watcher", "archetype", "wizard", "_csrf", csrf)).statusCode());

            // saving the permissions: only with the CSRF token
            assertEquals(403, browser.post("/admin/roles/observer", Map.of("context", "1", "perm.kernel:viewaudit", "allow")).statusCode());
            assertTrue(permission(somep, "observer", "kernel:viewaudit", null).contains("\"permission\":\"inherit\""), "nothing saved without the token");
            HttpResponse<String> saved = browser.post("/admin/roles/observer", Map.of("context", "1", "perm.kernel:viewaudit", "allow", "perm.pages:edit", "prohibit",
                    "perm.kernel:manageusers", "inherit", "_csrf", csrf));
            assertEquals(303, saved.statusCode(), saved.body());
            HttpResponse<String> after = browser.follow(saved);
            assertTrue(after.body().contains("data-testid=\"saved\"") && after.body().contains("Permissions changed: 2"), after.body());
            assertTrue(permission(somep, "observer", "kernel:viewaudit", null).contains("\"permission\":\"allow\""));
            assertTrue(permission(somep, "observer", "pages:edit", null).contains("\"permission\":\"prohibit\""));
            HttpResponse<String> wrong = browser.post("/admin/roles/observer", Map.of("context", "1", "perm.kernel:viewaudit", "prevent", "perm.pages:edit", "maybe", "_csrf", csrf));
            assertEquals(422, wrong.statusCode(), wrong.body());
            assertTrue(wrong.body().contains("allow, prevent, prohibit or inherit") && wrong.body().contains("name=\"perm.kernel:viewaudit\""), "the form again");
            assertTrue(permission(somep, "observer", "kernel:viewaudit", null).contains("\"permission\":\"allow\""), "all or nothing");

            // contexts: a bad one is refused with a message; an override in a course context is saved there
            HttpResponse<String> notNumber = browser.get("/admin/roles/observer?context=abc");
            assertEquals(400, notNumber.statusCode());
            assertTrue(notNumber.body().contains("by its number"), notNumber.body());
            HttpResponse<String> missing = browser.get("/admin/roles/observer?context=999999");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("No context 999999"));
            long course = childContext(somep);
            HttpResponse<String> coursePage = browser.get("/admin/roles/observer?context=" + course);
            assertEquals(200, coursePage.statusCode(), coursePage.body());
            assertTrue(coursePage.body().contains("data-context=\"" + course + "\"") && coursePage.body().contains("data-level=\"course\"")
                    && coursePage.body().contains("from context 1"), "the course context, with what it inherits from the site");
            assertEquals(303, browser.post("/admin/roles/observer", Map.of("context", String.valueOf(course), "perm.kernel:viewaudit", "prevent", "_csrf", csrf)).statusCode());
            assertTrue(permission(somep, "observer", "kernel:viewaudit", String.valueOf(course)).contains("\"permission\":\"prevent\""));
            assertTrue(permission(somep, "observer", "kernel:viewaudit", "1").contains("\"permission\":\"allow\""), "the site definition is untouched");
            assertEquals(404, browser.post("/admin/roles/observer", Map.of("context", "999999", "perm.kernel:viewaudit", "allow", "_csrf", csrf)).statusCode());

            // the page in Turkish and German
            SecurityIT.Browser turkish = new SecurityIT.Browser(somep, "tr-TR");
            turkish.signIn();
            assertTrue(turkish.get("/admin/roles/observer").body().contains("Rolü tanımla"));

            // deleting: never a built-in role
            HttpResponse<String> manager = browser.get("/admin/roles/manager");
            assertEquals(200, manager.statusCode());
            assertFalse(manager.body().contains("data-testid=\"delete-role\""), "no delete button for a built-in role");
            HttpResponse<String> builtIn = browser.post("/admin/roles/manager/delete", Map.of("_csrf", csrf));
            assertEquals(409, builtIn.statusCode());
            assertTrue(builtIn.body().contains("cannot be deleted"));
            assertEquals(403, browser.post("/admin/roles/observer/delete", Map.of()).statusCode());
            HttpResponse<String> deleted = browser.post("/admin/roles/observer/delete", Map.of("_csrf", csrf));
            assertEquals(303, deleted.statusCode(), deleted.body());
            assertEquals(404, browser.get("/admin/roles/observer").statusCode());
            assertEquals(404, browser.get("/admin/roles/nosuchrole").statusCode());

            // someone without kernel:manageroles reaches none of it
            somep.kernel().users().create(USER, PASSWORD, "Auditor One", false);
            SecurityIT.Browser other = new SecurityIT.Browser(somep);
            String login = SecurityIT.Browser.csrf(other.get("/login"));
            assertEquals(303, other.post("/login", Map.of("username", USER, "password", PASSWORD, "_csrf", login)).statusCode());
            String token = SecurityIT.Browser.csrf(other.get("/"));
            assertEquals(403, other.get("/admin/roles/manager").statusCode());
            assertEquals(403, other.post("/admin/roles", Map.of("shortname", "mine", "name", "Mine", "_csrf", token)).statusCode());
            assertEquals(403, other.post("/admin/roles/manager", Map.of("context", "1", "perm.kernel:viewaudit", "allow", "_csrf", token)).statusCode());
            assertEquals(403, other.post("/admin/roles/trainer/delete", Map.of("_csrf", token)).statusCode());
            assertTrue(permission(somep, "manager", "kernel:viewaudit", null).contains("\"permission\":\"inherit\""), "nothing changed");
        }
    }
}
