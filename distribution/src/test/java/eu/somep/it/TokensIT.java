package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Personal API tokens: each user lists and revokes only their own, a revoked token stops at once, and a token given
 * a lifetime is refused once it has expired (on H2 and PostgreSQL).
 */
class TokensIT {
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([0-9a-f]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f]{16})\"");

    static String create(TestSomep somep, String user, String password, String label) throws Exception {
        HttpResponse<String> r = somep.send(HttpRequest.newBuilder(somep.uri("/api/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"label\":\"" + label + "\"}")).build());
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = TOKEN.matcher(r.body());
        assertTrue(m.find());
        return m.group(1);
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri(path)).header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> request(TestSomep somep, String json) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri("/api/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Makes the labelled tokens of a user expire a minute ago, straight in the database (no one waits days in a test). */
    static void expire(TestSomep somep, String username, String label) throws Exception {
        try (Connection c = somep.kernel().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE kernel_token SET expires_at = ? WHERE label = ? AND user_id = (SELECT id FROM kernel_user WHERE username = ?)")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))));
            ps.setString(2, label);
            ps.setString(3, username);
            assertEquals(1, ps.executeUpdate(), "one token labelled " + label);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_token_with_a_lifetime_expires_and_is_then_refused_like_an_invalid_one(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String credentials = "\"username\":\"admin\",\"password\":\"" + TestSomep.ADMIN_PASSWORD + "\"";
            for (String bad : List.of("0", "-3", "3651", "1.5", "\"30\"", "true", "[]", "99999999999999999999")) {
                HttpResponse<String> r = request(somep, "{" + credentials + ",\"label\":\"bad\",\"expiresInDays\":" + bad + "}");
                assertEquals(422, r.statusCode(), bad + ": " + r.body());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), bad);
                assertTrue(r.body().contains("expiresInDays") && r.body().contains("from 1 to 3650"), r.body());
            }

            Instant before = Instant.now();
            HttpResponse<String> month = request(somep, "{" + credentials + ",\"label\":\"month\",\"expiresInDays\":30}");
            assertEquals(201, month.statusCode(), month.body());
            Matcher exp = Pattern.compile("\"expires\":\"([^\"]+)\"").matcher(month.body());
            assertTrue(exp.find(), month.body());
            Instant expires = Instant.parse(exp.group(1));
            assertTrue(!expires.isBefore(before.plus(Duration.ofDays(30)).minusSeconds(2))
                    && !expires.isAfter(Instant.now().plus(Duration.ofDays(30))), "30 days from now: " + expires);
            Matcher t = TOKEN.matcher(month.body());
            assertTrue(t.find());
            String monthToken = t.group(1);
            HttpResponse<String> forever = request(somep, "{" + credentials + ",\"label\":\"forever\",\"expiresInDays\":null}");
            assertEquals(201, forever.statusCode(), forever.body());
            assertTrue(forever.body().contains("\"expires\":null"), forever.body());
            String foreverToken = create(somep, "admin", TestSomep.ADMIN_PASSWORD, "no-lifetime");
            assertEquals(201, request(somep, "{" + credentials + ",\"label\":\"decade\",\"expiresInDays\":3650}").statusCode(), "the longest lifetime");
            assertEquals(201, request(somep, "{" + credentials + ",\"label\":\"day\",\"expiresInDays\":1}").statusCode(), "the shortest");

            String list = as(somep, foreverToken, "GET", "/api/tokens").body();
            assertFalse(list.contains("\"label\":\"bad\""), "no token for a refused request: " + list);
            assertTrue(Pattern.compile("\"created\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\"").matcher(list).find(), "ISO-8601 instants: " + list);
            assertTrue(Pattern.compile("\"label\":\"month\"[^}]*\"expires\":\"" + Pattern.quote(expires.toString()) + "\"[^}]*\"expired\":false").matcher(list).find(), list);
            assertTrue(Pattern.compile("\"label\":\"no-lifetime\"[^}]*\"expires\":null[^}]*\"expired\":false").matcher(list).find(), list);
            assertEquals(200, as(somep, monthToken, "GET", "/api/plugins").statusCode(), "works before it expires");

            expire(somep, "admin", "month");
            HttpResponse<String> expired = as(somep, monthToken, "GET", "/api/plugins");
            HttpResponse<String> invalid = as(somep, "0".repeat(64), "GET", "/api/plugins");
            assertEquals(401, expired.statusCode(), expired.body());
            assertEquals(invalid.statusCode(), expired.statusCode());
            assertEquals(invalid.body(), expired.body(), "an expired token is refused exactly like an invalid one");
            assertEquals(401, as(somep, monthToken, "GET", "/api/tokens").statusCode());
            assertEquals(200, as(somep, foreverToken, "GET", "/api/plugins").statusCode(), "a token without a lifetime keeps working");
            list = as(somep, foreverToken, "GET", "/api/tokens").body();
            assertTrue(Pattern.compile("\"label\":\"month\"[^}]*\"expired\":true").matcher(list).find(), "listed as expired until revoked: " + list);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_profile_page_gives_a_token_a_lifetime_and_shows_its_expiry(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            HttpResponse<String> profile = browser.get("/profile");
            assertTrue(profile.body().contains("name=\"expiresInDays\""), "the form has the lifetime field");
            for (String bad : List.of("0", "3651", "abc", "2.5", "-1")) {
                HttpResponse<String> r = browser.post("/profile/tokens", Map.of("label", "bad", "expiresInDays", bad, "_csrf", SecurityIT.Browser.csrf(profile)));
                assertEquals(400, r.statusCode(), bad);
                assertTrue(r.body().contains("whole number of days from 1 to 3650"), r.body());
                assertFalse(r.body().contains("data-testid=\"new-token\""), "no token for " + bad);
            }
            String dayBefore = Instant.now().plus(Duration.ofDays(7)).toString().substring(0, 10); // the day it expires
            HttpResponse<String> week = browser.post("/profile/tokens", Map.of("label", "week", "expiresInDays", "7", "_csrf", SecurityIT.Browser.csrf(profile)));
            assertEquals(201, week.statusCode(), week.body());
            Matcher m = Pattern.compile("data-testid=\"new-token\">([0-9a-f]{64})<").matcher(week.body());
            assertTrue(m.find());
            String weekToken = m.group(1);
            HttpResponse<String> plain = browser.post("/profile/tokens", Map.of("label", "plain", "expiresInDays", "", "_csrf", SecurityIT.Browser.csrf(profile)));
            assertEquals(201, plain.statusCode(), plain.body());

            String page = browser.get("/profile").body();
            String dayAfter = Instant.now().plus(Duration.ofDays(7)).toString().substring(0, 10); // the same, but past midnight
            assertTrue(row(page, "week").contains(dayBefore) || row(page, "week").contains(dayAfter), "the expiry shows: " + row(page, "week"));
            assertTrue(row(page, "plain").contains("Never"), row(page, "plain"));
            assertFalse(page.contains("bad"), "no token for a refused lifetime");
            assertEquals(200, as(somep, weekToken, "GET", "/api/tokens").statusCode());

            expire(somep, "admin", "week");
            assertEquals(401, as(somep, weekToken, "GET", "/api/tokens").statusCode());
            assertTrue(row(browser.get("/profile").body(), "week").contains("Expired"), "the page marks it expired");
        }
    }

    /** The table row of the token with this label on the profile page. */
    private static String row(String page, String label) {
        Matcher m = Pattern.compile("<tr data-token=[^>]*><td>" + Pattern.quote(label) + "</td>.*?</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "a row for " + label + ": " + page);
        return m.group();
    }

    @Test
    void a_user_lists_and_revokes_only_their_own_tokens() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            somep.kernel().users().create("trainer1", "trainer-pass-1", "Trainer One", false);
            String adminToken = create(somep, "admin", TestSomep.ADMIN_PASSWORD, "ci-script");
            String trainerToken = create(somep, "trainer1", "trainer-pass-1", "laptop");

            String adminList = as(somep, adminToken, "GET", "/api/tokens").body();
            assertTrue(adminList.contains("\"label\":\"ci-script\""), adminList);
            assertFalse(adminList.contains("laptop"), "no one sees another user's tokens");
            assertFalse(adminList.contains(adminToken), "the token itself is never shown again");
            Matcher adminId = ID.matcher(adminList);
            assertTrue(adminId.find());

            // user B gets 404 on user A's token, and A's token keeps working
            assertEquals(404, as(somep, trainerToken, "DELETE", "/api/tokens/" + adminId.group(1)).statusCode());
            assertEquals(200, as(somep, adminToken, "GET", "/api/plugins").statusCode());
            // a token acts with its owner's capabilities: the trainer is no administrator
            assertEquals(403, as(somep, trainerToken, "GET", "/api/plugins").statusCode());

            assertEquals(204, as(somep, adminToken, "DELETE", "/api/tokens/" + adminId.group(1)).statusCode());
            assertEquals(401, as(somep, adminToken, "GET", "/api/plugins").statusCode(), "revoked on the very next request");
            assertEquals(401, somep.get("/api/tokens").statusCode());
            String audit = somep.send(somep.asAdmin("/api/audit?action=auth/token").GET().build()).body();
            assertTrue(audit.contains("revoked") && audit.contains("ci-script"), audit);
        }
    }

    @Test
    void the_profile_page_creates_a_token_shown_once_and_revokes_it() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            HttpResponse<String> profile = browser.get("/profile");
            assertEquals(200, profile.statusCode());
            HttpResponse<String> created = browser.post("/profile/tokens", Map.of("label", "<b>reports</b>", "_csrf", SecurityIT.Browser.csrf(profile)));
            assertEquals(201, created.statusCode(), created.body());
            Matcher m = Pattern.compile("data-testid=\"new-token\">([0-9a-f]{64})<").matcher(created.body());
            assertTrue(m.find(), "the new token is shown once");
            assertTrue(created.body().contains("&lt;b&gt;reports&lt;/b&gt;"), "the label is escaped");
            assertEquals(200, as(somep, m.group(1), "GET", "/api/plugins").statusCode());

            HttpResponse<String> again = browser.get("/profile");
            assertFalse(again.body().contains(m.group(1)), "not shown a second time");
            Matcher id = Pattern.compile("data-token=\"([0-9a-f]{16})\"").matcher(again.body());
            assertTrue(id.find());
            HttpResponse<String> revoked = browser.post("/profile/tokens/" + id.group(1) + "/revoke", Map.of("_csrf", SecurityIT.Browser.csrf(again)));
            assertEquals(303, revoked.statusCode());
            assertEquals(401, as(somep, m.group(1), "GET", "/api/plugins").statusCode());
            assertEquals(303, somep.get("/profile").statusCode(), "guests are sent to sign in");
        }
    }
}
