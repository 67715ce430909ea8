package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forum subscriptions and their mail, with a real SMTP server (GreenMail), on H2 and PostgreSQL. The mail task is
 * run at once through {@code POST /api/forum/notifications/send}, which sends synchronously: when it answers, the
 * mails have reached the server.
 */
class ForumMailIT {
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

    /** The bodies of the mails one address has received, in order. */
    List<String[]> mails(String address) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(address)) {
                out.add(new String[] {m.getSubject(), GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "=")});
            }
        }
        return out;
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return RegistrationIT.as(somep, token, method, path, body);
    }

    static void send(TestSomep somep, String admin, boolean digest) throws Exception {
        HttpResponse<String> r = as(somep, admin, "POST", "/api/forum/notifications/send" + (digest ? "?digest=true" : ""), null);
        assertEquals(200, r.statusCode(), r.body());
    }

    static String user(TestSomep somep, String name) throws Exception {
        var u = somep.kernel().users().create(name, name + "-pass-12345", name.toUpperCase(), false);
        somep.kernel().users().saveProfile(u, new eu.somep.core.security.Profile(name.toUpperCase(), name + "@example.org", null, null, "en", null));
        return TokensIT.create(somep, name, name + "-pass-12345", "t");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void subscriptions_mail_each_post_or_a_digest_with_a_working_unsubscribe_link(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = RegistrationIT.start(smtp, db)) {
            String admin = somep.adminToken();
            String ayse = user(somep, "ayse");
            String mehmet = user(somep, "mehmet");
            String deniz = user(somep, "deniz");
            String outsider = user(somep, "outsider");
            assertEquals(403, as(somep, ayse, "POST", "/api/forum/notifications/send", null).statusCode(), "administrators only");
            assertEquals(401, RegistrationIT.json(somep, "/api/forum/forums/1/subscription", null).statusCode());

            // ayse and mehmet subscribe to the open forum; the state shows
            HttpResponse<String> sub = as(somep, ayse, "POST", "/api/forum/forums/1/subscription", null);
            assertEquals(200, sub.statusCode(), sub.body());
            assertTrue(sub.body().contains("\"subscribed\":true") && sub.body().contains("\"mode\":\"optional\""), sub.body());
            assertEquals(200, as(somep, mehmet, "POST", "/api/forum/forums/1/subscription", null).statusCode());
            assertTrue(as(somep, outsider, "GET", "/api/forum/forums/1/subscription", null).body().contains("\"subscribed\":false"));

            // mehmet posts: ayse gets exactly one mail with the text and the links, mehmet none
            HttpResponse<String> started = as(somep, mehmet, "POST", "/api/forum/forums/1/discussions",
                    "{\"title\":\"Patrol tweets\",\"message\":\"Should patrols <b>tweet</b> live?\"}");
            assertEquals(201, started.statusCode(), started.body());
            long d = ForumIT.id(started);
            send(somep, admin, false);
            send(somep, admin, false); // a second run sends nothing again
            List<String[]> toAyse = mails("ayse@example.org");
            assertEquals(1, toAyse.size());
            assertTrue(toAyse.get(0)[0].contains("Patrol tweets") && toAyse.get(0)[0].contains("Social media and policing"), toAyse.get(0)[0]);
            String body = toAyse.get(0)[1];
            assertTrue(body.contains("Should patrols tweet live?") && !body.contains("<b>"), "the post as plain text: " + body);
            assertTrue(Pattern.compile("http://localhost:\\d+/forum/discussion/" + d + "#p\\d+").matcher(body).find(), body);
            assertEquals(0, mails("mehmet@example.org").size(), "never to the author");
            assertEquals(0, mails("outsider@example.org").size(), "not subscribed");

            // the unsubscribe link: works without a session; GET alone changes nothing; a changed token does nothing
            Matcher link = Pattern.compile("http://localhost:\\d+/forum/unsubscribe\\?token=([0-9.]+\\.[0-9a-f]{64})").matcher(body);
            assertTrue(link.find(), body);
            String token = link.group(1);
            SecurityIT.Browser stranger = new SecurityIT.Browser(somep);
            HttpResponse<String> page = stranger.get("/forum/unsubscribe?token=" + token);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Social media and policing"), page.body());
            assertTrue(as(somep, ayse, "GET", "/api/forum/forums/1/subscription", null).body().contains("\"subscribed\":true"), "GET changed nothing");
            String forged = token.replaceFirst("^\\d+", "999");
            assertEquals(400, stranger.get("/forum/unsubscribe?token=" + forged).statusCode());
            assertEquals(400, stranger.post("/forum/unsubscribe", Map.of("token", forged, "_csrf", SecurityIT.Browser.csrf(page))).statusCode());
            HttpResponse<String> done = stranger.post("/forum/unsubscribe", Map.of("token", token, "_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(200, done.statusCode(), done.body());
            assertTrue(done.body().contains("data-testid=\"unsubscribed\""), done.body());
            assertTrue(as(somep, ayse, "GET", "/api/forum/forums/1/subscription", null).body().contains("\"subscribed\":false"));
            assertEquals(201, as(somep, outsider, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Only with approval.\"}").statusCode());
            send(somep, admin, false);
            assertEquals(1, mails("ayse@example.org").size(), "unsubscribed: no more mail");
            assertEquals(1, mails("mehmet@example.org").size(), "mehmet follows the forum");

            // a discussion subscription, and an opt-out of one discussion of a subscribed forum
            assertEquals(200, as(somep, ayse, "POST", "/api/forum/discussions/" + d + "/subscription", null).statusCode());
            HttpResponse<String> out = as(somep, mehmet, "DELETE", "/api/forum/discussions/" + d + "/subscription", null);
            assertTrue(out.body().contains("\"subscribed\":false"), out.body());
            assertTrue(as(somep, mehmet, "GET", "/api/forum/forums/1/subscription", null).body().contains("\"subscribed\":true"), "still follows the forum");
            assertEquals(201, as(somep, outsider, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Second thoughts.\"}").statusCode());
            send(somep, admin, false);
            assertEquals(2, mails("ayse@example.org").size());
            assertTrue(mails("ayse@example.org").get(1)[1].contains("Unsubscribe from this discussion"), mails("ayse@example.org").get(1)[1]);
            assertEquals(1, mails("mehmet@example.org").size(), "opted out of the discussion");

            // the news forum: forced, for everyone who can read it; it cannot be turned off
            assertEquals(409, as(somep, ayse, "DELETE", "/api/forum/forums/2/subscription", null).statusCode());
            assertTrue(as(somep, ayse, "GET", "/api/forum/forums/2/subscription", null).body().contains("\"mode\":\"forced\""));
            assertEquals(201, as(somep, admin, "POST", "/api/forum/forums/2/discussions", "{\"title\":\"Maintenance\",\"message\":\"Down on Sunday.\"}").statusCode());

            // deniz wants a digest: nothing at once, then one mail with several posts
            assertEquals(200, as(somep, deniz, "PUT", "/api/forum/preferences", "{\"digest\":true}").statusCode());
            assertEquals(200, as(somep, deniz, "POST", "/api/forum/forums/1/subscription", null).statusCode());
            assertEquals(201, as(somep, mehmet, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Digest one.\"}").statusCode());
            assertEquals(201, as(somep, outsider, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Digest two.\"}").statusCode());
            send(somep, admin, false);
            assertEquals(0, mails("deniz@example.org").size(), "a digest subscriber gets nothing at once");
            String news = mails("outsider@example.org").get(0)[1];
            assertTrue(news.contains("Down on Sunday.") && news.contains("cannot be turned off") && !news.contains("/forum/unsubscribe"), news);
            for (String who : new String[] {"ayse", "mehmet", "outsider"}) {
                assertTrue(mails(who + "@example.org").stream().anyMatch(m -> m[1].contains("Down on Sunday.")), who + " got the news");
            }
            send(somep, admin, true);
            List<String[]> digest = mails("deniz@example.org");
            assertEquals(1, digest.size());
            assertTrue(digest.get(0)[1].contains("Digest one.") && digest.get(0)[1].contains("Digest two.") && digest.get(0)[1].contains("Down on Sunday."), digest.get(0)[1]);
            assertTrue(digest.get(0)[1].contains("/forum/unsubscribe?token="), digest.get(0)[1]);
            send(somep, admin, true);
            assertEquals(1, mails("deniz@example.org").size(), "each post once");

            // a forced course forum: only its participants get its posts
            HttpResponse<String> course = as(somep, admin, "GET", "/api/course/courses/1", null);
            Matcher section = Pattern.compile("\"sections\":\\[\\{\"id\":(\\d+)").matcher(course.body());
            assertTrue(section.find());
            HttpResponse<String> act = as(somep, admin, "POST", "/api/course/courses/1/activities",
                    "{\"sectionId\":" + section.group(1) + ",\"type\":\"forum\",\"name\":\"Course chat\",\"settings\":{\"intro\":\"Talk.\"}}");
            assertEquals(201, act.statusCode(), act.body());
            Matcher forumLink = Pattern.compile("\"link\":\"/forum/(\\d+)\"").matcher(act.body());
            assertTrue(forumLink.find(), act.body());
            long courseForum = Long.parseLong(forumLink.group(1));
            assertEquals(404, as(somep, outsider, "POST", "/api/forum/forums/" + courseForum + "/subscription", null).statusCode(), "may not see it");
            HttpResponse<String> mode = as(somep, admin, "PUT", "/api/forum/forums/" + courseForum + "/subscription/mode", "{\"mode\":\"forced\"}");
            assertEquals(200, mode.statusCode(), mode.body());
            for (String u : new String[] {"ayse", "mehmet"}) {
                assertEquals(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"" + u + "\"}").statusCode());
            }
            int outsiderBefore = mails("outsider@example.org").size();
            int ayseBefore = mails("ayse@example.org").size();
            assertEquals(201, as(somep, mehmet, "POST", "/api/forum/forums/" + courseForum + "/discussions", "{\"title\":\"Homework\",\"message\":\"Chapter two.\"}").statusCode());
            send(somep, admin, false);
            assertEquals(ayseBefore + 1, mails("ayse@example.org").size(), "a participant gets it");
            assertTrue(mails("ayse@example.org").get(ayseBefore)[1].contains("Chapter two."));
            assertEquals(outsiderBefore, mails("outsider@example.org").size(), "not in the course: nothing");
            send(somep, admin, true);
            assertFalse(mails("deniz@example.org").stream().anyMatch(m -> m[1].contains("Chapter two.")), "nor in a digest");

            // the pages show the state and offer the button
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            assertEquals(303, b.post("/login", Map.of("username", "outsider", "password", "outsider-pass-12345", "_csrf", SecurityIT.Browser.csrf(b.get("/login")))).statusCode());
            HttpResponse<String> forumPage = b.get("/forum/1");
            assertTrue(forumPage.body().contains("You are not subscribed."), forumPage.body());
            assertEquals(303, b.post("/forum/1/subscribe", Map.of("_csrf", SecurityIT.Browser.csrf(forumPage))).statusCode());
            assertTrue(b.get("/forum/1").body().contains("You are subscribed"));
            assertTrue(b.get("/forum/discussion/" + d).body().contains("Unsubscribe from this discussion"));
            assertFalse(b.get("/forum/2").body().contains("action=\"/forum/2/unsubscribe\""), "no button in a forced forum");
        }
    }
}
