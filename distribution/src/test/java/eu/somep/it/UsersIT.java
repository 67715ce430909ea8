package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Account management on H2 and PostgreSQL: create, suspend (effective at once), reactivate, delete. */
class UsersIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_administrator_creates_suspends_and_deletes_an_account(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            HttpResponse<String> created = RolesIT.admin(somep, "POST", "/api/users",
                    "{\"username\":\"trainee7\",\"displayName\":\"Trainee Seven\",\"password\":\"long-enough-1\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(409, RolesIT.admin(somep, "POST", "/api/users", "{\"username\":\"trainee7\",\"displayName\":\"X\",\"password\":\"long-enough-1\"}").statusCode());
            HttpResponse<String> weak = RolesIT.admin(somep, "POST", "/api/users", "{\"username\":\"t8\",\"displayName\":\"X\",\"password\":\"short\"}");
            assertEquals(422, weak.statusCode());
            assertTrue(weak.body().contains("at least 10 characters"), weak.body());

            String token = TokensIT.create(somep, "trainee7", "long-enough-1", "phone");
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            String csrf = SecurityIT.Browser.csrf(browser.get("/login"));
            assertEquals(303, browser.post("/login", Map.of("username", "trainee7", "password", "long-enough-1", "_csrf", csrf)).statusCode());
            assertEquals(200, browser.get("/profile").statusCode());

            assertEquals(200, RolesIT.admin(somep, "POST", "/api/users/trainee7/suspend", null).statusCode());
            assertEquals(401, TokensIT.as(somep, token, "GET", "/api/tokens").statusCode(), "the token stops at once");
            assertEquals(303, browser.get("/profile").statusCode(), "the session is signed out at once");
            assertEquals(401, AuditAndThrottleIT.token(somep, "trainee7", "long-enough-1").statusCode(), "and cannot sign in");

            assertEquals(200, RolesIT.admin(somep, "POST", "/api/users/trainee7/unsuspend", null).statusCode());
            assertEquals(200, TokensIT.as(somep, token, "GET", "/api/tokens").statusCode());
            assertEquals(409, RolesIT.admin(somep, "DELETE", "/api/users/admin", null).statusCode(), "not the site administrator");
            assertEquals(204, RolesIT.admin(somep, "DELETE", "/api/users/trainee7", null).statusCode());
            assertEquals(401, TokensIT.as(somep, token, "GET", "/api/tokens").statusCode());
            String audit = RolesIT.admin(somep, "GET", "/api/audit?action=user/", null).body();
            assertTrue(audit.contains("user/create") && audit.contains("user/suspend") && audit.contains("user/delete"), audit);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_accounts_page_keeps_what_was_typed_after_an_error(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            HttpResponse<String> page = browser.get("/admin/users");
            assertEquals(200, page.statusCode());
            HttpResponse<String> bad = browser.post("/admin/users", Map.of("username", "Bad Name!", "displayName", "Officer <Yılmaz>",
                    "password", "long-enough-1", "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(422, bad.statusCode());
            assertTrue(bad.body().contains("lower-case letters") && bad.body().contains("value=\"Officer &lt;Yılmaz&gt;\""), bad.body());
            HttpResponse<String> ok = browser.post("/admin/users", Map.of("username", "officer1", "displayName", "Officer Yılmaz",
                    "password", "long-enough-1", "_csrf", SecurityIT.Browser.csrf(bad)));
            assertEquals(303, ok.statusCode(), ok.body());
            HttpResponse<String> list = browser.get("/admin/users");
            assertTrue(list.body().contains("data-user=\"officer1\"") && list.body().contains("Officer Yılmaz"), list.body());
            HttpResponse<String> uploaded = browser.upload("/admin/users/import", Map.of("_csrf", SecurityIT.Browser.csrf(list)), "file", "academy.csv",
                    "text/csv", "username;displayName;password\nofficer2;Officer Demir;long-enough-22\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(200, uploaded.statusCode(), uploaded.body());
            assertTrue(uploaded.body().contains("officer2: created") && uploaded.body().contains("data-user=\"officer2\""), uploaded.body());
            HttpResponse<String> suspended = browser.post("/admin/users/officer1/suspend", Map.of("_csrf", SecurityIT.Browser.csrf(list)));
            assertEquals(303, suspended.statusCode());
            assertTrue(browser.get("/admin/users").body().contains("Suspended"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void accounts_are_uploaded_from_csv_and_bad_lines_are_reported(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String csv = "username,displayName,password,email,country,organisation\n"
                    + "trainee10,\"Demir, Ali\",long-enough-10,ali@example.org,TR,Kayseri\n"
                    + "trainee11,Anna Huber,short,anna@example.org,AT,Wien\n"
                    + "trainee12,Jonas Weber,long-enough-12,jonas@example.org,DE,Oranienburg\n"
                    + "trainee10,Duplicate,long-enough-10,,,\n";
            HttpResponse<String> r = somep.send(somep.asAdmin("/api/users/import").header("Content-Type", "text/csv")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
            assertEquals(200, r.statusCode(), r.body());
            assertTrue(r.body().contains("{\"line\":2,\"username\":\"trainee10\",\"result\":\"created\"}"), r.body());
            assertTrue(r.body().contains("\"line\":3") && r.body().contains("skipped: A password has at least 10 characters"), r.body());
            assertTrue(r.body().contains("\"line\":5") && r.body().contains("is taken"), r.body());
            String accounts = RolesIT.admin(somep, "GET", "/api/users", null).body();
            assertTrue(accounts.contains("\"displayName\":\"Demir, Ali\"") && accounts.contains("trainee12") && !accounts.contains("trainee11"), accounts);
            String token = TokensIT.create(somep, "trainee12", "long-enough-12", "t");
            assertTrue(TokensIT.as(somep, token, "GET", "/api/profile").body().contains("\"country\":\"DE\""));
            HttpResponse<String> noHeader = somep.send(somep.asAdmin("/api/users/import").header("Content-Type", "text/csv")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name,pass\nx,y\n")).build());
            assertEquals(422, noHeader.statusCode());
            assertTrue(noHeader.body().contains("must name the column 'username'"), noHeader.body());
        }
    }
}
