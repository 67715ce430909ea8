package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The forum plugin through its REST API and pages, on H2 and PostgreSQL. */
class ForumIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return RegistrationIT.as(somep, token, method, path, body);
    }

    static long id(HttpResponse<String> r) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void discussions_replies_moderation_and_safety(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String admin = somep.adminToken();
            for (String u : new String[] {"ayse", "mehmet", "stranger"}) somep.kernel().users().create(u, u + "-pass-123", u.substring(0, 1).toUpperCase() + u.substring(1), false);
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");
            String mehmet = TokensIT.create(somep, "mehmet", "mehmet-pass-123", "t");
            String stranger = TokensIT.create(somep, "stranger", "stranger-pass-123", "t");

            // guests read the site forums, but do not post
            assertTrue(somep.get("/api/forum/forums").body().contains("Social media and policing"));
            assertEquals(401, RegistrationIT.json(somep, "/api/forum/forums/1/discussions", "{\"title\":\"x\",\"message\":\"y\"}").statusCode());

            // a discussion: what is written is kept, as safe HTML
            HttpResponse<String> started = as(somep, ayse, "POST", "/api/forum/forums/1/discussions",
                    "{\"title\":\"Which platforms <b>first</b>?\",\"message\":\"Twitter or Facebook?\\n\\n<script>alert(1)</script><img src=x onerror=alert(2)> Ask @mehmet\"}");
            assertEquals(201, started.statusCode(), started.body());
            long d = id(started);
            String page = as(somep, mehmet, "GET", "/api/forum/discussions/" + d, null).body();
            assertFalse(page.contains("<script") || page.contains("onerror"), page);
            assertTrue(page.contains("Twitter or Facebook?") && page.contains("mention"), page);
            assertTrue(page.contains("\"createdAt\":\"20"), "ISO dates: " + page);
            HttpResponse<String> html = somep.get("/forum/discussion/" + d);
            assertEquals(200, html.statusCode());
            assertTrue(html.body().contains("Which platforms &lt;b&gt;first&lt;/b&gt;?"), "titles are escaped");
            assertEquals(422, as(somep, ayse, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"\",\"message\":\"<script>x</script>\"}").statusCode());

            // replies: nested under their parent, or flat and newest first
            long first = firstPost(page);
            HttpResponse<String> r1 = as(somep, mehmet, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Twitter for news.\"}");
            assertEquals(201, r1.statusCode(), r1.body());
            long reply1 = id(r1);
            assertEquals(201, as(somep, ayse, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Why?\",\"parentId\":" + reply1 + "}").statusCode());
            assertEquals(201, as(somep, stranger, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Facebook for appeals.\",\"parentId\":" + first + "}").statusCode());
            assertEquals(422, as(somep, ayse, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"x\",\"parentId\":999999}").statusCode());
            String nested = as(somep, ayse, "GET", "/api/forum/discussions/" + d, null).body();
            assertTrue(nested.indexOf("Why?") < nested.indexOf("Facebook for appeals"), "nested: the answer to a reply follows it");
            assertTrue(nested.contains("\"depth\":2"), nested);
            String flatNewest = as(somep, ayse, "GET", "/api/forum/discussions/" + d + "?mode=flat&order=newest", null).body();
            assertTrue(flatNewest.indexOf("Facebook for appeals") < flatNewest.indexOf("Twitter for news"), "flat, newest first");
            assertTrue(as(somep, ayse, "GET", "/forum/discussion/" + d + "?reply=" + reply1 + "&quote=1", null).body().contains("&lt;blockquote&gt;Mehmet: Twitter for news."), "a quote is offered");

            // editing: the author (history kept); never someone else; moderators always
            assertEquals(204, as(somep, mehmet, "PUT", "/api/forum/posts/" + reply1, "{\"message\":\"Twitter for news and warnings.\"}").statusCode());
            assertEquals(403, as(somep, ayse, "PUT", "/api/forum/posts/" + reply1, "{\"message\":\"hijacked\"}").statusCode());
            assertEquals(403, as(somep, stranger, "DELETE", "/api/forum/posts/" + reply1, null).statusCode());
            HttpResponse<String> history = as(somep, mehmet, "GET", "/api/forum/posts/" + reply1 + "/history", null);
            assertTrue(history.body().contains("Twitter for news.") && history.body().contains("Mehmet"), history.body());
            assertEquals(404, as(somep, stranger, "GET", "/api/forum/posts/" + reply1 + "/history", null).statusCode(), "history: author and moderators only");
            assertEquals(204, as(somep, admin, "PUT", "/api/forum/posts/" + reply1, "{\"message\":\"Moderated.\"}").statusCode());

            // moderation: lock stops replies; pin; reports reach the queue
            assertEquals(403, as(somep, ayse, "POST", "/api/forum/discussions/" + d + "/lock", null).statusCode());
            assertEquals(204, as(somep, admin, "POST", "/api/forum/discussions/" + d + "/lock", null).statusCode());
            assertEquals(403, as(somep, ayse, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"late\"}").statusCode());
            assertEquals(204, as(somep, admin, "POST", "/api/forum/discussions/" + d + "/unlock", null).statusCode());
            assertEquals(204, as(somep, admin, "POST", "/api/forum/discussions/" + d + "/pin", null).statusCode());
            assertTrue(as(somep, ayse, "GET", "/api/forum/forums/1", null).body().contains("\"pinned\":true"));
            HttpResponse<String> helpful = as(somep, ayse, "POST", "/api/forum/posts/" + reply1 + "/helpful", null);
            assertTrue(helpful.body().contains("\"count\":1"), helpful.body());
            assertEquals(422, as(somep, ayse, "POST", "/api/forum/posts/" + reply1 + "/report", "{\"reason\":\"\"}").statusCode());
            HttpResponse<String> reported = as(somep, ayse, "POST", "/api/forum/posts/" + reply1 + "/report", "{\"reason\":\"Off topic\"}");
            assertEquals(201, reported.statusCode());
            assertEquals("[]", as(somep, ayse, "GET", "/api/forum/reports", null).body(), "only moderators see the queue");
            assertTrue(as(somep, admin, "GET", "/api/forum/reports", null).body().contains("Off topic"));
            assertEquals(204, as(somep, admin, "POST", "/api/forum/reports/" + id(reported) + "/resolve", null).statusCode());
            assertEquals("[]", as(somep, admin, "GET", "/api/forum/reports", null).body());

            // split: a reply and its answers become a discussion of their own (moderators only)
            assertEquals(403, as(somep, ayse, "POST", "/api/forum/posts/" + reply1 + "/split", "{\"title\":\"Twitter\"}").statusCode());
            assertEquals(422, as(somep, admin, "POST", "/api/forum/posts/" + first + "/split", "{\"title\":\"No\"}").statusCode());
            HttpResponse<String> split = as(somep, admin, "POST", "/api/forum/posts/" + reply1 + "/split", "{\"title\":\"Twitter for police news\"}");
            assertEquals(201, split.statusCode(), split.body());
            String splitPage = as(somep, ayse, "GET", "/api/forum/discussions/" + id(split), null).body();
            assertTrue(splitPage.contains("Moderated.") && splitPage.contains("Why?"), splitPage);
            String rest = as(somep, ayse, "GET", "/api/forum/discussions/" + d, null).body();
            assertFalse(rest.contains("Why?"), rest);
            assertTrue(rest.contains("Facebook for appeals"), rest);

            // unread counts, cleared by reading
            assertEquals(201, as(somep, mehmet, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"One more.\"}").statusCode());
            assertTrue(as(somep, ayse, "GET", "/api/forum/forums/1", null).body().contains("\"unread\":1"));
            as(somep, ayse, "GET", "/api/forum/discussions/" + d, null);
            assertTrue(as(somep, ayse, "GET", "/api/forum/forums/1", null).body().contains("\"unread\":0"));
            // first visits at once (tabs opened together) all mark the same new posts read: none of them fails
            for (int i = 0; i < 3; i++) as(somep, mehmet, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Burst " + i + ".\"}");
            var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            try {
                List<java.util.concurrent.Future<Integer>> visits = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) visits.add(pool.submit(() -> as(somep, ayse, "GET", "/forum/discussion/" + d, null).statusCode()));
                for (var v : visits) assertEquals(200, v.get(30, java.util.concurrent.TimeUnit.SECONDS));
            } finally {
                pool.shutdown();
            }
            assertTrue(as(somep, ayse, "GET", "/api/forum/forums/1", null).body().contains("\"unread\":0"));

            // search: words, author, dates; a bad date is a clear 422
            assertTrue(as(somep, stranger, "GET", "/api/forum/search?q=appeals", null).body().contains("Facebook for appeals"));
            String byAuthor = as(somep, stranger, "GET", "/api/forum/search?author=mehmet", null).body();
            assertTrue(byAuthor.contains("One more.") && !byAuthor.contains("appeals"), byAuthor);
            assertEquals(422, as(somep, stranger, "GET", "/api/forum/search?from=yesterday", null).statusCode());
            assertTrue(as(somep, stranger, "GET", "/api/forum/search?q=%25", null).statusCode() == 200, "a wildcard is just a character");

            // announcements: only trainers and managers (here: the administrator) post
            assertEquals(403, as(somep, ayse, "POST", "/api/forum/forums/2/discussions", "{\"title\":\"Hi\",\"message\":\"x\"}").statusCode());
            assertEquals(201, as(somep, admin, "POST", "/api/forum/forums/2/discussions", "{\"title\":\"Welcome\",\"message\":\"SOMEP is open.\"}").statusCode());

            // the Atom feed of a public forum
            HttpResponse<String> feed = somep.get("/forum/1/feed.atom");
            assertEquals(200, feed.statusCode());
            assertTrue(feed.body().contains("<title>Which platforms &lt;b&gt;first&lt;/b&gt;?</title>"), feed.body());

            // the latest-posts block on the site home
            assertTrue(somep.get("/").body().contains("data-block=\"forum:latest\""));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void questions_and_answers_and_forums_in_courses(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String admin = somep.adminToken();
            for (String u : new String[] {"t1", "t2", "outsider"}) somep.kernel().users().create(u, u + "-pass-12345", u.toUpperCase(), false);
            String t1 = TokensIT.create(somep, "t1", "t1-pass-12345", "t");
            String t2 = TokensIT.create(somep, "t2", "t2-pass-12345", "t");
            String outsider = TokensIT.create(somep, "outsider", "outsider-pass-12345", "t");

            // Q&A: a trainee sees the others' answers only after answering
            HttpResponse<String> qa = as(somep, admin, "POST", "/api/forum/forums", "{\"name\":\"Quiz night\",\"type\":\"qanda\"}");
            assertEquals(201, qa.statusCode(), qa.body());
            long forum = id(qa);
            assertEquals(422, as(somep, admin, "POST", "/api/forum/forums", "{\"name\":\"x\",\"type\":\"chat\"}").statusCode());
            long d = id(as(somep, admin, "POST", "/api/forum/forums/" + forum + "/discussions", "{\"title\":\"What is OSINT?\",\"message\":\"Explain.\"}"));
            assertEquals(201, as(somep, t1, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Open-source intelligence.\"}").statusCode());
            String before = as(somep, t2, "GET", "/api/forum/discussions/" + d, null).body();
            assertFalse(before.contains("Open-source intelligence"), before);
            assertTrue(before.contains("\"hiddenUntilPosted\":true"));
            assertEquals(201, as(somep, t2, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Public sources.\"}").statusCode());
            assertTrue(as(somep, t2, "GET", "/api/forum/discussions/" + d, null).body().contains("Open-source intelligence"));
            assertFalse(as(somep, outsider, "GET", "/api/forum/search?q=intelligence", null).body().contains("Open-source"), "search respects Q&A");

            // a busy forum is shown 50 discussions at a time
            long busy = id(as(somep, admin, "POST", "/api/forum/forums", "{\"name\":\"Busy\"}"));
            for (int i = 1; i <= 51; i++) {
                assertEquals(201, as(somep, t1, "POST", "/api/forum/forums/" + busy + "/discussions", "{\"title\":\"Topic " + i + "\",\"message\":\"m\"}").statusCode());
            }
            String firstPage = as(somep, t1, "GET", "/api/forum/forums/" + busy, null).body();
            assertTrue(firstPage.contains("\"pages\":2") && firstPage.contains("Topic 51") && !firstPage.contains("\"Topic 1\""), "newest first, 50 per page");
            assertTrue(as(somep, t1, "GET", "/api/forum/forums/" + busy + "?page=1", null).body().contains("\"Topic 1\""));
            assertTrue(somep.get("/forum/" + busy).body().contains("?page=1"), "the page links to the next page");

            // a forum activity in the demo course: participants only; posting completes it
            HttpResponse<String> course = as(somep, admin, "GET", "/api/course/courses/1", null);
            Matcher section = Pattern.compile("\"sections\":\\[\\{\"id\":(\\d+)").matcher(course.body());
            assertTrue(section.find());
            HttpResponse<String> act = as(somep, admin, "POST", "/api/course/courses/1/activities",
                    "{\"sectionId\":" + section.group(1) + ",\"type\":\"forum\",\"name\":\"Introduce yourself\",\"settings\":{\"intro\":\"Who are you?\"}}");
            assertEquals(201, act.statusCode(), act.body());
            Matcher link = Pattern.compile("\"link\":\"/forum/(\\d+)\"").matcher(act.body());
            assertTrue(link.find(), act.body());
            long courseForum = Long.parseLong(link.group(1));
            assertEquals(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"t1\"}").statusCode());
            assertEquals(404, as(somep, outsider, "GET", "/api/forum/forums/" + courseForum, null).statusCode(), "not enrolled: no such forum");
            assertEquals(404, somep.get("/forum/" + courseForum).statusCode());
            HttpResponse<String> intro = as(somep, t1, "POST", "/api/forum/forums/" + courseForum + "/discussions", "{\"title\":\"Hello\",\"message\":\"I am T1.\"}");
            assertEquals(201, intro.statusCode(), intro.body());
            String dash = as(somep, t1, "GET", "/api/course/my", null).body();
            assertTrue(dash.contains("\"done\":1"), "posting completed the forum activity: " + dash);
            assertFalse(as(somep, outsider, "GET", "/api/forum/search?q=T1", null).body().contains("I am T1"), "search respects enrolment");

            // the pages: start a discussion with the form, CSRF required
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            assertEquals(303, b.post("/login", Map.of("username", "t2", "password", "t2-pass-12345", "_csrf", SecurityIT.Browser.csrf(b.get("/login")))).statusCode());
            HttpResponse<String> forumPage = b.get("/forum/1");
            assertEquals(403, b.post("/forum/1/discussions", Map.of("title", "No token", "message", "x")).statusCode());
            HttpResponse<String> bad = b.post("/forum/1/discussions", Map.of("title", "Kept <title>", "message", " ", "_csrf", SecurityIT.Browser.csrf(forumPage)));
            assertEquals(422, bad.statusCode());
            assertTrue(bad.body().contains("value=\"Kept &lt;title&gt;\""), "what was typed is kept, escaped");
            HttpResponse<String> ok = b.post("/forum/1/discussions", Map.of("title", "From the page", "message", "Hello from the form", "_csrf", SecurityIT.Browser.csrf(forumPage)));
            assertEquals(303, ok.statusCode(), ok.body());
            HttpResponse<String> discussion = b.follow(ok);
            assertTrue(discussion.body().contains("Hello from the form"));

            // reporting from the page: a link per post leads to a page with the form; an empty reason is refused there
            Matcher post = Pattern.compile("data-post=\"(\\d+)\"").matcher(discussion.body());
            assertTrue(post.find(), discussion.body());
            String report = "/forum/post/" + post.group(1) + "/report";
            assertTrue(discussion.body().contains("href=\"" + report + "\""), "each post links to its report page");
            HttpResponse<String> reportPage = b.get(report);
            assertEquals(200, reportPage.statusCode());
            assertTrue(reportPage.body().contains("Hello from the form") && reportPage.body().contains("name=\"reason\""), reportPage.body());
            HttpResponse<String> empty = b.post(report, Map.of("reason", " ", "_csrf", SecurityIT.Browser.csrf(reportPage)));
            assertEquals(422, empty.statusCode());
            assertTrue(empty.body().contains("name=\"reason\"") && empty.body().contains("alert-danger"), "the form comes back with the message");
            assertEquals(303, b.post(report, Map.of("reason", "Spam <b>here</b>", "_csrf", SecurityIT.Browser.csrf(reportPage))).statusCode());
            assertEquals(403, b.get("/forum/post/" + post.group(1) + "/split").statusCode(), "splitting is for moderators");
            // the page shows a post's new text at once after an edit (its rendered form is cached per version)
            HttpResponse<String> edit = b.get("/forum/post/" + post.group(1) + "/edit");
            assertEquals(303, b.post("/forum/post/" + post.group(1) + "/edit", Map.of("message", "Edited from the form", "_csrf", SecurityIT.Browser.csrf(edit))).statusCode());
            String after = b.get(discussion.uri().getPath()).body();
            assertTrue(after.contains("Edited from the form") && !after.contains("Hello from the form"), after);
        }
    }

    static long firstPost(String page) {
        Matcher m = Pattern.compile("\"posts\":\\[\\{\"id\":(\\d+)").matcher(page);
        assertTrue(m.find(), page);
        return Long.parseLong(m.group(1));
    }
}
