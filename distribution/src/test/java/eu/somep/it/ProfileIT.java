package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A user edits their own profile, through the page and the API, on H2 and PostgreSQL. */
class ProfileIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_profile_is_saved_validated_and_its_language_used(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            somep.kernel().users().create("officer2", "officer-pass-2", "Officer Two", false);
            String token = TokensIT.create(somep, "officer2", "officer-pass-2", "t");
            HttpResponse<String> put = somep.send(HttpRequest.newBuilder(somep.uri("/api/profile")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"displayName\":\"Ayşe Kaya\",\"email\":\"ayse@example.org\",\"country\":\"tr\",\"organisation\":\"Kayseri İl Emniyet\",\"language\":\"tr\",\"timezone\":\"Europe/Istanbul\"}"))
                    .build());
            assertEquals(200, put.statusCode(), put.body());
            assertTrue(put.body().contains("\"country\":\"TR\"") && put.body().contains("Kayseri İl Emniyet"), put.body());

            HttpResponse<String> bad = somep.send(HttpRequest.newBuilder(somep.uri("/api/profile")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"displayName\":\"Ayşe\",\"email\":\"not-an-address\",\"country\":\"XX\",\"timezone\":\"Mars/Olympus\"}")).build());
            assertEquals(422, bad.statusCode());
            assertTrue(bad.body().contains("e-mail") && bad.body().contains("two-letter code") && bad.body().contains("time zone"), bad.body());
            assertTrue(TokensIT.as(somep, token, "GET", "/api/profile").body().contains("ayse@example.org"), "nothing was lost");

            // the preferred language is used by a browser that has not chosen one
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            String csrf = SecurityIT.Browser.csrf(browser.get("/login"));
            assertEquals(303, browser.post("/login", Map.of("username", "officer2", "password", "officer-pass-2", "_csrf", csrf)).statusCode());
            HttpResponse<String> home = browser.get("/");
            assertTrue(home.body().contains("Sosyal Medya ile Suç Çözme"), "Turkish from the profile");
            assertTrue(home.body().contains("Ayşe Kaya"), "the new name in the header");

            HttpResponse<String> page = browser.get("/profile");
            HttpResponse<String> invalid = browser.post("/profile", Map.of("displayName", "Ayşe Kaya", "email", "bad", "country", "TR",
                    "organisation", "Birim <3>", "language", "tr", "timezone", "Europe/Istanbul", "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(400, invalid.statusCode());
            assertTrue(invalid.body().contains("value=\"Birim &lt;3&gt;\""), "what was typed is kept, escaped");
            assertEquals(401, somep.get("/api/profile").statusCode());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_user_changes_their_password_only_with_the_current_one(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            somep.kernel().users().create("officer3", "officer-pass-3", "Officer Three", false);
            String token = TokensIT.create(somep, "officer3", "officer-pass-3", "t");
            HttpResponse<String> wrong = change(somep, token, "not-the-password", "brand-new-pass-3");
            assertEquals(403, wrong.statusCode());
            assertTrue(wrong.body().contains("current password is not right"), wrong.body());
            HttpResponse<String> shortOne = change(somep, token, "officer-pass-3", "short");
            assertEquals(422, shortOne.statusCode());
            assertEquals(204, change(somep, token, "officer-pass-3", "brand-new-pass-3").statusCode());
            assertEquals(401, AuditAndThrottleIT.token(somep, "officer3", "officer-pass-3").statusCode(), "the old password is gone");
            assertEquals(201, AuditAndThrottleIT.token(somep, "officer3", "brand-new-pass-3").statusCode());

            // and through the profile page, where the two new passwords must match
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            String csrf = SecurityIT.Browser.csrf(browser.get("/login"));
            assertEquals(303, browser.post("/login", Map.of("username", "officer3", "password", "brand-new-pass-3", "_csrf", csrf)).statusCode());
            HttpResponse<String> page = browser.get("/profile");
            HttpResponse<String> mismatch = browser.post("/profile/password", Map.of("current", "brand-new-pass-3", "password", "another-pass-33",
                    "confirm", "another-pass-34", "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(400, mismatch.statusCode());
            assertTrue(mismatch.body().contains("two new passwords differ"), mismatch.body());
            HttpResponse<String> done = browser.post("/profile/password", Map.of("current", "brand-new-pass-3", "password", "another-pass-33",
                    "confirm", "another-pass-33", "_csrf", SecurityIT.Browser.csrf(mismatch)));
            assertEquals(200, done.statusCode());
            assertTrue(done.body().contains("Your password has been changed."), done.body());
            assertEquals(201, AuditAndThrottleIT.token(somep, "officer3", "another-pass-33").statusCode());
        }
    }

    static HttpResponse<String> change(TestSomep somep, String token, String current, String password) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri("/api/profile/password")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"current\":\"" + current + "\",\"password\":\"" + password + "\"}")).build());
    }
}
