package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import eu.somep.core.config.Settings;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Self-registration with e-mail confirmation and password reset by e-mail, through the pages and the API, with a
 * real SMTP server (GreenMail) and on H2 and PostgreSQL.
 */
class RegistrationIT {
    private GreenMail smtp;

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @BeforeEach
    void smtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    static TestSomep start(GreenMail smtp, TestDatabases.Db db) throws Exception {
        TestSomep.Builder b = TestSomep.builder().set(Settings.MAIL_HOST, "127.0.0.1")
                .set(Settings.MAIL_PORT, String.valueOf(smtp.getSmtp().getPort()));
        return (db == null ? b : b.database(db)).start();
    }

    /** The next mail to this address (waiting for it, up to 10 s): its subject and body. */
    static String[] mailTo(GreenMail smtp, String address, int count) throws Exception {
        assertTrue(smtp.waitForIncomingEmail(10_000, count), "a mail arrives");
        MimeMessage[] all = smtp.getReceivedMessages();
        MimeMessage m = all[count - 1];
        assertEquals(address, m.getAllRecipients()[0].toString());
        return new String[] {m.getSubject(), GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=")};
    }

    static String link(String body, String path) {
        Matcher m = Pattern.compile("http://localhost:\\d+" + Pattern.quote(path) + "\\?token=([0-9a-f]{64})").matcher(body);
        assertTrue(m.find(), "the mail has the link: " + body);
        return m.group(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void register_confirm_and_sign_in_through_the_pages(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = start(smtp, db)) {
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            HttpResponse<String> form = browser.get("/register");
            assertEquals(200, form.statusCode());
            HttpResponse<String> bad = browser.post("/register", Map.of("username", "A B", "email", "nope", "displayName", "<b>Ayşe</b>",
                    "password", "short", "confirm", "short", "_csrf", SecurityIT.Browser.csrf(form)));
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("lower-case letters") && bad.body().contains("valid e-mail") && bad.body().contains("at least 10"), bad.body());
            assertTrue(bad.body().contains("&lt;b&gt;Ayşe&lt;/b&gt;"), "what was typed comes back, escaped");

            HttpResponse<String> ok = browser.post("/register", Map.of("username", "ayse", "email", "ayse@example.org", "displayName", "Ayşe Kaya",
                    "password", "ayse-pass-123", "confirm", "ayse-pass-123", "_csrf", SecurityIT.Browser.csrf(form)));
            assertEquals(200, ok.statusCode(), ok.body());
            assertTrue(ok.body().contains("follow its link"));
            String[] mail = mailTo(smtp, "ayse@example.org", 1);
            assertTrue(mail[0].contains("confirm"), mail[0]);
            String token = link(mail[1], "/register/confirm");

            // not yet confirmed: the right password tells so, a wrong one does not
            HttpResponse<String> early = browser.post("/login", Map.of("username", "ayse", "password", "ayse-pass-123", "_csrf", SecurityIT.Browser.csrf(browser.get("/login"))));
            assertEquals(403, early.statusCode());
            assertTrue(early.body().contains("not confirmed"));
            HttpResponse<String> wrong = browser.post("/login", Map.of("username", "ayse", "password", "wrong-pass-123", "_csrf", SecurityIT.Browser.csrf(browser.get("/login"))));
            assertEquals(401, wrong.statusCode());
            assertFalse(wrong.body().contains("not confirmed"));

            // the link opens a page; only its button confirms (GET changes nothing)
            HttpResponse<String> page = browser.get("/register/confirm?token=" + token);
            assertEquals(200, page.statusCode());
            assertEquals(403, browser.post("/register/confirm", Map.of("token", token)).statusCode(), "no CSRF token, no confirmation");
            HttpResponse<String> confirmed = browser.post("/register/confirm", Map.of("token", token, "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(200, confirmed.statusCode());
            assertTrue(confirmed.body().contains("You can sign in now"));
            assertEquals(400, browser.post("/register/confirm", Map.of("token", token, "_csrf", SecurityIT.Browser.csrf(page))).statusCode(), "single use");

            assertEquals(303, browser.post("/login", Map.of("username", "ayse", "password", "ayse-pass-123", "_csrf", SecurityIT.Browser.csrf(browser.get("/login")))).statusCode());
            assertTrue(browser.get("/profile").body().contains("ayse@example.org"));
            SecurityIT.Browser other = new SecurityIT.Browser(somep);
            HttpResponse<String> taken = other.post("/register", Map.of("username", "ayse", "email", "other@example.org", "displayName", "Other",
                    "password", "other-pass-123", "confirm", "other-pass-123", "_csrf", SecurityIT.Browser.csrf(other.get("/register"))));
            assertEquals(400, taken.statusCode());
            assertTrue(taken.body().contains("user name is taken"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void password_reset_by_mail_works_once_and_tells_no_one_who_has_an_account(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = start(smtp, db)) {
            var u = somep.kernel().users().create("officer", "officer-pass-1", "Officer", false);
            somep.kernel().users().saveProfile(u, new eu.somep.core.security.Profile("Officer", "officer@example.org", null, null, "de", null));

            HttpResponse<String> unknown = json(somep, "/api/account/password/forgot", "{\"login\":\"nobody@example.org\"}");
            HttpResponse<String> known = json(somep, "/api/account/password/forgot", "{\"login\":\"officer@example.org\"}");
            assertEquals(202, unknown.statusCode());
            assertEquals(unknown.statusCode(), known.statusCode());
            assertEquals(unknown.body(), known.body(), "the same answer whether or not the address has an account");
            String[] mail = mailTo(smtp, "officer@example.org", 1);
            String token = link(mail[1], "/password/reset");
            assertTrue(mail[1].contains("officer"), "the mail names the account");

            // a second request within minutes sends no second mail
            json(somep, "/api/account/password/forgot", "{\"login\":\"officer\"}");

            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            HttpResponse<String> page = browser.get("/password/reset?token=" + token);
            assertEquals(200, page.statusCode());
            HttpResponse<String> mismatch = browser.post("/password/reset", Map.of("token", token, "password", "new-pass-12345", "confirm", "other-pass-12345",
                    "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(400, mismatch.statusCode());
            assertEquals(200, browser.post("/password/reset", Map.of("token", token, "password", "new-pass-12345", "confirm", "new-pass-12345",
                    "_csrf", SecurityIT.Browser.csrf(page))).statusCode());
            assertEquals(400, json(somep, "/api/account/password/reset", "{\"token\":\"" + token + "\",\"password\":\"again-pass-12345\"}").statusCode(), "single use");
            assertEquals(400, browser.get("/password/reset?token=" + token).statusCode());
            assertEquals(201, json(somep, "/api/tokens", "{\"username\":\"officer\",\"password\":\"new-pass-12345\"}").statusCode(), "the new password works");
            assertEquals(401, json(somep, "/api/tokens", "{\"username\":\"officer\",\"password\":\"officer-pass-1\"}").statusCode(), "the old one does not");
            assertEquals(1, smtp.getReceivedMessages().length, "no second mail within the gap");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void registration_through_the_api_with_approval_and_closed(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = start(smtp, db)) {
            String admin = somep.adminToken();
            assertEquals(200, as(somep, admin, "PUT", "/api/users/registration", "{\"mode\":\"approval\"}").statusCode());
            assertEquals(422, as(somep, admin, "PUT", "/api/users/registration", "{\"mode\":\"maybe\"}").statusCode());

            assertEquals(422, json(somep, "/api/account/register", "{\"username\":\"x\",\"email\":\"bad\",\"displayName\":\"\",\"password\":\"1\"}").statusCode());
            assertEquals(202, json(somep, "/api/account/register",
                    "{\"username\":\"mehmet\",\"email\":\"mehmet@example.org\",\"displayName\":\"Mehmet\",\"password\":\"mehmet-pass-1\"}").statusCode());
            String token = link(mailTo(smtp, "mehmet@example.org", 1)[1], "/register/confirm");
            HttpResponse<String> confirmed = json(somep, "/api/account/confirm", "{\"token\":\"" + token + "\"}");
            assertEquals(200, confirmed.statusCode());
            assertTrue(confirmed.body().contains("pending"));
            HttpResponse<String> waiting = json(somep, "/api/tokens", "{\"username\":\"mehmet\",\"password\":\"mehmet-pass-1\"}");
            assertEquals(403, waiting.statusCode());
            assertTrue(waiting.body().contains("approval"));
            assertTrue(as(somep, admin, "GET", "/api/users", null).body().contains("\"status\":\"pending\""));
            assertEquals(200, as(somep, admin, "POST", "/api/users/mehmet/approve", null).statusCode());
            assertTrue(mailTo(smtp, "mehmet@example.org", 2)[0].contains("approved"));
            assertEquals(201, json(somep, "/api/tokens", "{\"username\":\"mehmet\",\"password\":\"mehmet-pass-1\"}").statusCode());

            // a second registration with the same address creates nothing and tells the owner by mail
            assertEquals(202, json(somep, "/api/account/register",
                    "{\"username\":\"mehmet2\",\"email\":\"MEHMET@example.org\",\"displayName\":\"M\",\"password\":\"mehmet-pass-2\"}").statusCode());
            assertTrue(mailTo(smtp, "MEHMET@example.org", 3)[0].contains("already have an account"));
            assertFalse(as(somep, admin, "GET", "/api/users", null).body().contains("mehmet2"));

            assertEquals(200, as(somep, admin, "PUT", "/api/users/registration", "{\"mode\":\"off\"}").statusCode());
            assertEquals(403, json(somep, "/api/account/register",
                    "{\"username\":\"late\",\"email\":\"late@example.org\",\"displayName\":\"Late\",\"password\":\"late-pass-123\"}").statusCode());
            assertEquals(403, somep.get("/register").statusCode());
            assertFalse(somep.get("/login").body().contains("href=\"/register\""), "no link to a closed registration");
            int guest = somep.get("/api/users/registration").statusCode();
            assertTrue(guest == 401 || guest == 403, "only administrators see the mode: " + guest);
        }
    }

    static HttpResponse<String> json(TestSomep somep, String path, String body) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "{}" : body)).build());
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
