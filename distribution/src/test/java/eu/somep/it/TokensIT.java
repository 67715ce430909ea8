package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Personal API tokens: each user lists and revokes only their own, and a revoked token stops at once. */
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
