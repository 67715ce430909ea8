package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import eu.somep.core.db.Purge;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The viewer with the rest of the site, on H2 and PostgreSQL: a case and a category as course activities (opened by a
 * trainee, completed on view), a case discussed in the forum when the forum runs (one discussion per case, however
 * often and however many ask) and no discussion links when it does not, and uninstalling the plugin with its data
 * while the courses and the forum carry on.
 */
class BestPracticeCourseIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return RegistrationIT.as(somep, token, method, path, body);
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.request().method() + " " + r.request().uri() + ": " + r.body());
        return r;
    }

    static String group(String regex, String body) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertTrue(m.find(), regex + " in " + body);
        return m.group(1);
    }

    static long activity(TestSomep somep, String admin, long section, String name, String settings) throws Exception {
        HttpResponse<String> r = expect(201, as(somep, admin, "POST", "/api/course/courses/1/activities",
                "{\"sectionId\":" + section + ",\"type\":\"bestpractice\",\"name\":\"" + name + "\",\"settings\":" + settings + "}"));
        return Long.parseLong(group("\"id\":(\\d+)", r.body()));
    }

    static boolean completed(TestSomep somep, String token, long activity) throws Exception {
        String course = expect(200, as(somep, token, "GET", "/api/course/courses/1", null)).body();
        return group("(\\{\"id\":" + activity + ",\"sectionId\"[^}]*\\})", course).contains("\"completed\":true");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void in_courses_in_the_forum_and_uninstalled(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String admin = somep.adminToken();
            somep.kernel().users().create("t1", "t1-pass-123", "Trainee One", false);
            String t1 = TokensIT.create(somep, "t1", "t1-pass-123", "t");
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"t1\",\"role\":\"trainee\"}"));
            long section = Long.parseLong(group("\"sections\":\\[\\{\"id\":(\\d+)", as(somep, admin, "GET", "/api/course/courses/1", null).body()));

            // the trainer adds a case and a category's collection; settings that name nothing are refused
            long oneCase = activity(somep, admin, section, "The Manchester tweetathon", "{\"case\":\"11\"}");
            long collection = activity(somep, admin, section, "Showing the human side", "{\"category\":\"human-side\"}");
            for (String bad : new String[] {"{}", "{\"case\":\"11\",\"category\":\"human-side\"}", "{\"case\":\"9999\"}", "{\"category\":\"gossip\"}"}) {
                expect(422, as(somep, admin, "POST", "/api/course/courses/1/activities",
                        "{\"sectionId\":" + section + ",\"type\":\"bestpractice\",\"name\":\"Bad\",\"settings\":" + bad + "}"));
            }

            // the trainee sees both on the course page, opens them, and they count as viewed
            String coursePage = expect(200, as(somep, t1, "GET", "/course/1", null)).body();
            assertTrue(coursePage.contains("href=\"/course/activity/" + oneCase + "\"") && coursePage.contains("The Manchester tweetathon")
                    && coursePage.contains("href=\"/course/activity/" + collection + "\""), coursePage);
            assertFalse(completed(somep, t1, oneCase), "not viewed yet");
            HttpResponse<String> open = expect(303, as(somep, t1, "GET", "/course/activity/" + oneCase, null));
            assertEquals("/bestpractice/case/11", open.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", "")).orElse(""));
            String casePage = expect(200, as(somep, t1, "GET", "/bestpractice/case/11", null)).body();
            assertTrue(casePage.contains("bbc.com/news/uk-england-manchester-11549069"), "the case with its sources");
            assertTrue(completed(somep, t1, oneCase), "viewed");
            assertFalse(completed(somep, t1, collection));
            HttpResponse<String> openCollection = expect(303, as(somep, t1, "GET", "/course/activity/" + collection, null));
            assertTrue(openCollection.headers().firstValue("Location").orElse("").endsWith("/bestpractice/category/human-side"));
            assertTrue(expect(200, as(somep, t1, "GET", "/bestpractice/category/human-side", null)).body().contains("data-case=\"9\""));
            assertTrue(completed(somep, t1, collection));

            // the forum runs: the case page offers a discussion, and starting it twice gives one discussion
            assertTrue(casePage.contains("data-testid=\"discussion\"") && casePage.contains("action=\"/bestpractice/case/11/discuss\""), casePage);
            String guest = expect(200, somep.get("/api/bestpractice/cases/11/discussion")).body();
            assertTrue(guest.contains("\"canStart\":false") && !guest.contains("/forum/"), "none yet, and guests may not start one: " + guest);
            expect(401, RegistrationIT.json(somep, "/api/bestpractice/cases/11/discussion", ""));
            String link = group("\"link\":\"(/forum/discussion/\\d+)\"", expect(200, as(somep, t1, "POST", "/api/bestpractice/cases/11/discussion", null)).body());
            assertEquals(link, group("\"link\":\"(/forum/discussion/\\d+)\"", expect(200, as(somep, admin, "POST", "/api/bestpractice/cases/11/discussion", null)).body()));
            assertEquals(link, group("\"link\":\"(/forum/discussion/\\d+)\"", expect(200, somep.get("/api/bestpractice/cases/11/discussion")).body()));
            String discussion = expect(200, somep.get(link)).body();
            assertTrue(discussion.contains("href=\"/bestpractice/case/11\""), "the first post links the case: " + discussion);
            assertTrue(expect(200, somep.get("/bestpractice/case/11")).body().contains("href=\"" + link + "\""), "everyone now sees the discussion");
            expect(404, as(somep, t1, "POST", "/api/bestpractice/cases/9999/discussion", null));

            // two people starting the same case's discussion at once: one discussion
            CompletableFuture<HttpResponse<String>> a = CompletableFuture.supplyAsync(() -> call(somep, t1, "/api/bestpractice/cases/12/discussion"));
            CompletableFuture<HttpResponse<String>> b = CompletableFuture.supplyAsync(() -> call(somep, admin, "/api/bestpractice/cases/12/discussion"));
            String la = group("\"link\":\"(/forum/discussion/\\d+)\"", expect(200, TestSomep.await(a)).body());
            assertEquals(la, group("\"link\":\"(/forum/discussion/\\d+)\"", expect(200, TestSomep.await(b)).body()));
            assertNotEquals(link, la);
            String forums = expect(200, somep.get("/api/forum/forums")).body();
            assertEquals(1, forums.split("Best-practice cases", -1).length - 1, "one forum for the cases: " + forums);

            // from the page, with the CSRF token: the button opens (or starts) the discussion
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            HttpResponse<String> page = browser.get("/bestpractice/case/13");
            assertEquals(403, browser.post("/bestpractice/case/13/discuss", Map.of()).statusCode(), "no token, no discussion");
            HttpResponse<String> started = browser.post("/bestpractice/case/13/discuss", Map.of("_csrf", SecurityIT.Browser.csrf(page)));
            assertEquals(303, started.statusCode(), started.body());
            String l13 = browser.location(started).getPath();
            assertTrue(l13.matches("/forum/discussion/\\d+"), l13);
            assertEquals(l13, browser.location(browser.post("/bestpractice/case/13/discuss", Map.of("_csrf", SecurityIT.Browser.csrf(page)))).getPath());

            // the forum disabled: the viewer works, with no discussion links; enabled again: they are back
            expect(200, somep.adminPost("/api/plugins/forum/disable"));
            String without = expect(200, as(somep, t1, "GET", "/bestpractice/case/11", null)).body();
            assertFalse(without.contains("data-testid=\"discussion\"") || without.contains("/forum/discussion/"), without);
            assertTrue(without.contains("bbc.com/news/uk-england-manchester-11549069"));
            HttpResponse<String> none = expect(404, as(somep, t1, "POST", "/api/bestpractice/cases/11/discussion", null));
            assertTrue(none.body().contains("the forum is not running"), none.body());
            expect(200, somep.get("/api/bestpractice/cases?category=interaction"));
            expect(200, somep.adminPost("/api/plugins/forum/enable"));
            assertTrue(expect(200, somep.get("/bestpractice/case/11")).body().contains("href=\"" + link + "\""), "the same discussion");

            // uninstalled with its data: the tables go, the course and the forum carry on
            assertFalse(Purge.tablesOf(somep.kernel().dataSource(), "bestpractice").isEmpty());
            HttpResponse<String> gone = expect(200, somep.adminDelete("/api/plugins/bestpractice?purge=true"));
            assertTrue(gone.body().contains("Purged"), gone.body());
            assertTrue(Purge.tablesOf(somep.kernel().dataSource(), "bestpractice").isEmpty(), "cases, history and activities are gone");
            expect(404, somep.get("/bestpractice"));
            expect(404, somep.get("/api/bestpractice/cases"));
            expect(200, somep.get("/"));
            expect(200, as(somep, t1, "GET", "/course/1", null));
            expect(200, as(somep, t1, "GET", "/api/course/courses/1", null));
            int orphan = as(somep, t1, "GET", "/course/activity/" + oneCase, null).statusCode();
            assertTrue(orphan == 404 || orphan == 503, "an activity whose type is gone is unavailable, not an error: " + orphan);
            expect(200, somep.get("/forum"));
            expect(200, somep.get(link));
        }
    }

    /** Without the forum installed at all (its bundle gone, the packages refreshed), the viewer runs and offers no discussion. */
    @Test
    void without_the_forum_plugin() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            expect(200, somep.adminDelete("/api/plugins/forum"));
            expect(404, somep.get("/forum"));
            String page = expect(200, somep.get("/bestpractice/case/11")).body();
            assertTrue(page.contains("bbc.com/news/uk-england-manchester-11549069"), page);
            assertFalse(page.contains("data-testid=\"discussion\""), page);
            assertTrue(expect(404, somep.get("/api/bestpractice/cases/11/discussion")).body().contains("the forum is not running"));
            assertEquals(30, BestPracticeIT.cases(somep, ""));
            expect(200, somep.get("/bestpractice/map"));
            assertTrue(expect(200, somep.get("/")).body().contains("/bestpractice/case/"), "the featured case on the home page");
        }
    }

    static HttpResponse<String> call(TestSomep somep, String token, String path) {
        try {
            return as(somep, token, "POST", path, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
