package eu.somep.it;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import static eu.somep.it.QuizIT.expect;
import static eu.somep.it.QuizIT.num;
import static eu.somep.it.QuizIT.save;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Quiz pages on H2 and PostgreSQL: questions per page, sequential navigation (forward only, answers only on the
 * current page, on the API, autosave and the pages) and free navigation; shuffled order fixed per attempt (resume and
 * review show it); the site-wide question bank and who may see, change and use it.
 */
class QuizPagesIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return RegistrationIT.as(somep, token, method, path, body);
    }

    /** The slots of an attempt page's items, in the order shown. */
    static List<Integer> slots(String page) {
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"slot\":(\\d+),\"mark\"").matcher(page);
        while (m.find()) out.add(Integer.parseInt(m.group(1)));
        return out;
    }

    static String move(int page) {
        return "{\"page\":" + page + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void pages_navigation_shuffle_and_the_site_bank(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = QuizIT.site(db)) {
            String admin = somep.adminToken();
            List<String> trainees = List.of("p1", "p2", "p3", "p4", "p5");
            for (String u : trainees) {
                somep.kernel().users().create(u, u + "-pass-123", u.toUpperCase(), false);
                expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"" + u + "\"}"));
            }
            somep.kernel().users().create("tr", "tr-pass-123", "TR", false);
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"tr\",\"role\":\"trainer\"}"));
            String p1 = TokensIT.create(somep, "p1", "p1-pass-123", "t");
            String tr = TokensIT.create(somep, "tr", "tr-pass-123", "t");
            long section = num("\"sections\":\\[\\{\"id\":(\\d+)", as(somep, admin, "GET", "/api/course/courses/1", null).body());
            long cat = num("\"id\":(\\d+)", expect(201, as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Pages\"}")).body());
            List<Long> questions = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                questions.add(QuizIT.question(somep, admin, cat, "{\"type\":\"truefalse\",\"name\":\"S" + i + "\",\"text\":\"Statement " + i + "\",\"answers\":[{\"text\":\"true\"}]}"));
            }

            // the settings: checked, stored, shown by the API
            expect(422, as(somep, admin, "POST", "/api/course/courses/1/activities", "{\"sectionId\":" + section
                    + ",\"type\":\"quiz\",\"name\":\"Bad\",\"settings\":{\"navigation\":\"random\",\"perpage\":\"-1\",\"shuffle\":\"maybe\"}}"));
            HttpResponse<String> act = expect(201, as(somep, admin, "POST", "/api/course/courses/1/activities", "{\"sectionId\":" + section
                    + ",\"type\":\"quiz\",\"name\":\"In order\",\"settings\":{\"perpage\":\"2\",\"navigation\":\"sequential\",\"shuffle\":\"true\"}}"));
            long seq = num("\"link\":\"/quiz/(\\d+)\"", act.body());
            for (long q : questions) expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + seq + "/questions", "{\"questionId\":" + q + "}"));
            assertTrue(as(somep, admin, "GET", "/api/quiz/quizzes/" + seq, null).body().contains("\"perPage\":2,\"navigation\":\"sequential\",\"shuffle\":true"));

            // sequential: page 1 of 3, two questions; the other pages are out of reach
            String a = "/api/quiz/attempts/" + num("\"attempt\":\\{\"id\":(\\d+)", expect(201, as(somep, p1, "POST", "/api/quiz/quizzes/" + seq + "/attempts", null)).body());
            String first = expect(200, as(somep, p1, "GET", a, null)).body();
            assertTrue(first.contains("\"page\":1,\"pages\":3,\"navigation\":\"sequential\""), first);
            List<Integer> page1 = slots(first);
            assertEquals(2, page1.size(), first);
            int later = IntStream.rangeClosed(1, 5).filter(s -> !page1.contains(s)).findFirst().orElseThrow();
            assertTrue(expect(409, as(somep, p1, "PUT", a + "/answers/" + later, save(later, "true", 0))).body().contains("not on the page you are on"));
            assertTrue(expect(409, as(somep, p1, "GET", a + "?page=2", null)).body().contains("only move on to the next page"));
            expect(409, as(somep, p1, "POST", a + "/page", move(3)));
            expect(422, as(somep, p1, "POST", a + "/page", move(9)));
            expect(200, as(somep, p1, "PUT", a + "/answers/" + page1.get(0), save(page1.get(0), "true", 0)));
            String second = expect(200, as(somep, p1, "POST", a + "/page", move(2))).body();
            List<Integer> page2 = slots(second);
            assertTrue(second.contains("\"page\":2,\"pages\":3") && page2.size() == 2 && page2.stream().noneMatch(page1::contains), second);
            // no way back, and no change to the page left behind (API, autosave and the form alike)
            assertTrue(expect(409, as(somep, p1, "POST", a + "/page", move(1))).body().contains("never back"));
            expect(409, as(somep, p1, "GET", a + "?page=1", null));
            expect(409, as(somep, p1, "PUT", a + "/answers/" + page1.get(1), save(page1.get(1), "true", 0)));
            expect(200, as(somep, p1, "PUT", a + "/answers/" + page2.get(0), save(page2.get(0), "false", 0)));
            long attempt = num("attempts/(\\d+)", a);
            HttpResponse<String> back = expect(409, as(somep, p1, "GET", "/quiz/attempt/" + attempt + "?page=1", null));
            assertTrue(back.body().contains("only move on to the next page") && back.body().contains("Page 2 of 3"), back.body());
            // resuming shows the page reached, in the same order
            String resumed = expect(200, as(somep, p1, "POST", "/api/quiz/quizzes/" + seq + "/attempts", null)).body();
            assertEquals(page2, slots(resumed));
            List<Integer> page3 = slots(expect(200, as(somep, p1, "POST", a + "/page", move(3))).body());
            assertEquals(1, page3.size());
            // the review shows every question in the attempt's order, the saved answers kept
            String review = expect(200, as(somep, p1, "POST", a + "/finish", null)).body();
            List<Integer> order = new ArrayList<>(page1);
            order.addAll(page2);
            order.addAll(page3);
            assertEquals(order, slots(review), review);
            assertTrue(review.contains("\"grade\":20.0"), "one right answer of five: " + review);

            // each attempt has its own order (five trainees: all in slot order would be a 1 in 120^4 chance)
            List<List<Integer>> orders = new ArrayList<>();
            orders.add(order);
            for (String u : trainees.subList(1, 5)) {
                String t = TokensIT.create(somep, u, u + "-pass-123", "t");
                String at = "/api/quiz/attempts/" + num("\"attempt\":\\{\"id\":(\\d+)", expect(201, as(somep, t, "POST", "/api/quiz/quizzes/" + seq + "/attempts", null)).body());
                orders.add(slots(expect(200, as(somep, t, "POST", at + "/finish", null)).body()));
            }
            assertTrue(orders.stream().anyMatch(o -> !o.equals(List.of(1, 2, 3, 4, 5))), orders.toString());
            for (List<Integer> o : orders) assertEquals(List.of(1, 2, 3, 4, 5), o.stream().sorted().toList());

            // free navigation, one question a page, in slot order: any page, any answer
            long free = num("\"link\":\"/quiz/(\\d+)\"", expect(201, as(somep, admin, "POST", "/api/course/courses/1/activities", "{\"sectionId\":" + section
                    + ",\"type\":\"quiz\",\"name\":\"Any order\",\"settings\":{\"perpage\":\"1\"}}")).body());
            for (long q : questions.subList(0, 3)) expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + free + "/questions", "{\"questionId\":" + q + "}"));
            long fa = num("\"attempt\":\\{\"id\":(\\d+)", expect(201, as(somep, p1, "POST", "/api/quiz/quizzes/" + free + "/attempts", null)).body());
            String f = "/api/quiz/attempts/" + fa;
            assertEquals(List.of(3), slots(expect(200, as(somep, p1, "POST", f + "/page", move(3))).body()));
            assertEquals(List.of(1), slots(expect(200, as(somep, p1, "POST", f + "/page", move(1))).body()));
            assertEquals(List.of(2), slots(expect(200, as(somep, p1, "GET", f + "?page=2", null)).body()));
            expect(200, as(somep, p1, "PUT", f + "/answers/3", save(3, "true", 0)));
            expect(422, as(somep, p1, "GET", f + "?page=0", null));
            // the pages as a browser: a numbered navigation; moving saves the page's answers
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            expect(303, b.post("/login", Map.of("username", "p1", "password", "p1-pass-123", "_csrf", SecurityIT.Browser.csrf(b.get("/login")))));
            HttpResponse<String> pg = expect(200, b.get("/quiz/attempt/" + fa + "?page=1"));
            assertTrue(pg.body().contains("aria-label=\"Page 3\"") && pg.body().contains("name=\"q1\"") && !pg.body().contains("name=\"q2\""), pg.body());
            HttpResponse<String> moved = expect(303, b.post("/quiz/attempt/" + fa, Map.of("_csrf", SecurityIT.Browser.csrf(pg), "page", "1", "q1", "true", "seq1", "0", "goto", "2")));
            pg = expect(200, b.follow(moved));
            assertTrue(pg.body().contains("name=\"q2\"") && pg.body().contains("Page 2 of 3"), pg.body());
            String done = expect(200, as(somep, p1, "POST", f + "/finish", null)).body();
            assertEquals(List.of(1, 2, 3), slots(done));
            assertTrue(done.contains("\"response\":\"true\",\"sequence\":1") && done.contains("\"grade\":66.66667"), done);

            // settings change through the course API; a running attempt keeps its layout
            long activity = num("\"id\":(\\d+)", act.body());
            expect(200, as(somep, admin, "PUT", "/api/course/activities/" + activity, "{\"settings\":{\"perpage\":\"0\",\"navigation\":\"free\",\"shuffle\":\"false\"}}"));
            assertTrue(as(somep, admin, "GET", "/api/quiz/quizzes/" + seq, null).body().contains("\"perPage\":0,\"navigation\":\"free\",\"shuffle\":false"));

            // the site-wide bank: managed with quiz:managesitebank (the administrator), not by a course's trainer or a trainee
            String siteCat = expect(201, as(somep, admin, "POST", "/api/quiz/site/categories", "{\"name\":\"Law for everyone\"}")).body();
            assertTrue(siteCat.contains("\"courseId\":0") && siteCat.contains("\"site\":true"), siteCat);
            long sc = num("\"id\":(\\d+)", siteCat);
            long sq = QuizIT.question(somep, admin, sc, "{\"type\":\"truefalse\",\"name\":\"Caution\",\"text\":\"A caution is given before questioning.\",\"answers\":[{\"text\":\"true\"}]}");
            expect(403, as(somep, tr, "POST", "/api/quiz/site/categories", "{\"name\":\"Mine\"}"));
            expect(403, as(somep, tr, "GET", "/api/quiz/site/categories", null));
            expect(403, as(somep, tr, "POST", "/api/quiz/categories/" + sc + "/questions", "{\"type\":\"truefalse\",\"name\":\"X\",\"text\":\"X\",\"answers\":[{\"text\":\"true\"}]}"));
            expect(403, as(somep, tr, "PUT", "/api/quiz/questions/" + sq, "{\"type\":\"truefalse\",\"name\":\"X\",\"text\":\"X\",\"answers\":[{\"text\":\"false\"}]}"));
            expect(403, as(somep, p1, "GET", "/api/quiz/site/categories", null));
            expect(401, as(somep, null, "GET", "/api/quiz/site/categories", null));
            expect(403, as(somep, tr, "GET", "/quiz/bank/site", null));
            assertTrue(expect(200, as(somep, admin, "GET", "/quiz/bank/site", null)).body().contains("Law for everyone"));
            // a course's trainer sees and uses it from the course (read only); a trainee does not
            String cats = expect(200, as(somep, tr, "GET", "/api/quiz/courses/1/categories", null)).body();
            assertTrue(cats.contains("\"name\":\"Law for everyone\",\"site\":true"), cats);
            expect(403, as(somep, tr, "GET", "/api/quiz/categories/" + sc + "/questions", null));
            assertTrue(expect(200, as(somep, tr, "GET", "/api/quiz/categories/" + sc + "/questions?course=1", null)).body().contains("A caution is given"));
            expect(404, as(somep, p1, "GET", "/api/quiz/categories/" + sc + "/questions?course=1", null));
            assertTrue(expect(200, as(somep, tr, "GET", "/quiz/bank/1", null)).body().contains("Law for everyone"));
            expect(201, as(somep, tr, "POST", "/api/quiz/quizzes/" + free + "/questions", "{\"questionId\":" + sq + "}"));
            assertTrue(expect(200, as(somep, tr, "GET", "/api/quiz/quizzes/" + free + "/questions", null)).body().contains("A caution is given"));
            expect(403, as(somep, p1, "POST", "/api/quiz/quizzes/" + free + "/questions", "{\"questionId\":" + sq + "}"));
            // the administrator's pages: a new site category and an import into it, with CSRF
            SecurityIT.Browser adm = new SecurityIT.Browser(somep);
            adm.signIn();
            HttpResponse<String> bank = expect(200, adm.get("/quiz/bank/site"));
            expect(403, adm.post("/quiz/bank/site", Map.of("name", "No token")));
            expect(303, adm.post("/quiz/bank/site", Map.of("_csrf", SecurityIT.Browser.csrf(bank), "name", "Traffic")));
            bank = expect(200, adm.get("/quiz/bank/site"));
            long traffic = num("<option value=\"(\\d+)\">Traffic</option>", bank.body());
            HttpResponse<String> imported = expect(200, adm.post("/quiz/bank/site/import", Map.of("_csrf", SecurityIT.Browser.csrf(bank), "category", String.valueOf(traffic),
                    "format", "gift", "content", "::Lights::A red light means stop. {T}")));
            assertTrue(imported.body().contains("Imported 1, skipped 0"), imported.body());
            assertFalse(expect(200, as(somep, admin, "GET", "/api/quiz/courses/1/categories", null)).body().contains("\"name\":\"Traffic\",\"site\":false"));
            assertNotEquals(0, traffic);
        }
    }
}
