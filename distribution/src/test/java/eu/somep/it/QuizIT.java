package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quiz plugin on H2 and PostgreSQL: a question bank of each shipped type, a quiz activity, attempts that resume,
 * saves with sequence numbers, the server's deadline, one grade for a double finish, privacy of attempts, and the
 * grade in the course gradebook.
 */
class QuizIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return RegistrationIT.as(somep, token, method, path, body);
    }

    static long num(String regex, String body) {
        Matcher m = Pattern.compile(regex).matcher(body);
        assertTrue(m.find(), regex + " in " + body);
        return Long.parseLong(m.group(1));
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    static long quiz(TestSomep somep, String admin, long section, String name, String settings) throws Exception {
        HttpResponse<String> act = expect(201, as(somep, admin, "POST", "/api/course/courses/1/activities",
                "{\"sectionId\":" + section + ",\"type\":\"quiz\",\"name\":\"" + name + "\",\"settings\":" + settings + "}"));
        return num("\"link\":\"/quiz/(\\d+)\"", act.body());
    }

    static long question(TestSomep somep, String admin, long category, String json) throws Exception {
        return num("\"id\":(\\d+)", expect(201, as(somep, admin, "POST", "/api/quiz/categories/" + category + "/questions", json)).body());
    }

    static String save(int slot, String response, int seq) {
        return "{\"response\":\"" + response + "\",\"sequence\":" + seq + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void questions_attempts_deadlines_and_grades(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            String admin = somep.adminToken();
            for (String u : new String[] {"t1", "t2"}) somep.kernel().users().create(u, u + "-pass-123", u.toUpperCase(), false);
            String t1 = TokensIT.create(somep, "t1", "t1-pass-123", "t");
            String t2 = TokensIT.create(somep, "t2", "t2-pass-123", "t");
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"t1\"}"));
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"t2\"}"));
            long section = num("\"sections\":\\[\\{\"id\":(\\d+)", as(somep, admin, "GET", "/api/course/courses/1", null).body());

            // the activity: two attempts, the highest counts, 50 of 100 passes
            long quiz = quiz(somep, admin, section, "Week one check", "{\"intro\":\"Four questions\",\"attempts\":\"2\",\"grading\":\"highest\",\"passgrade\":\"50\",\"maxgrade\":\"100\"}");
            expect(422, as(somep, admin, "POST", "/api/course/courses/1/activities",
                    "{\"sectionId\":" + section + ",\"type\":\"quiz\",\"name\":\"Bad\",\"settings\":{\"grading\":\"best\"}}"));

            // the bank: one question of each type; trainees may not touch it
            expect(404, as(somep, t1, "GET", "/api/quiz/courses/1/categories", null));
            long cat = num("\"id\":(\\d+)", expect(201, as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Week 1\"}")).body());
            long mc = question(somep, admin, cat, "{\"type\":\"multichoice\",\"name\":\"Primes\",\"text\":\"Which are prime?\",\"single\":false,"
                    + "\"answers\":[{\"text\":\"2\",\"fraction\":0.5,\"feedback\":\"2 is prime\"},{\"text\":\"3\",\"fraction\":0.5},{\"text\":\"4\",\"fraction\":-1}]}");
            long tf = question(somep, admin, cat, "{\"type\":\"truefalse\",\"name\":\"Flat\",\"text\":\"The earth is flat.\",\"answers\":[{\"text\":\"false\",\"feedback\":\"Right\"}]}");
            long sa = question(somep, admin, cat, "{\"type\":\"shortanswer\",\"name\":\"Capital\",\"text\":\"The capital of Turkey?\","
                    + "\"answers\":[{\"text\":\"Ankara\",\"fraction\":1},{\"text\":\"*kara*\",\"fraction\":0.5,\"feedback\":\"Close\"}]}");
            long nu = question(somep, admin, cat, "{\"type\":\"numerical\",\"name\":\"Pi\",\"text\":\"Pi to two decimals?\",\"answers\":[{\"text\":\"3.14\",\"fraction\":1,\"tolerance\":0.005}]}");
            HttpResponse<String> bad = expect(422, as(somep, admin, "POST", "/api/quiz/categories/" + cat + "/questions",
                    "{\"type\":\"multichoice\",\"name\":\"Half\",\"text\":\"?\",\"single\":true,\"answers\":[{\"text\":\"a\",\"fraction\":0.5},{\"text\":\"b\"}]}"));
            assertTrue(bad.body().contains("full mark"), bad.body());
            for (long q : new long[] {mc, tf, sa, nu}) expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/questions", "{\"questionId\":" + q + "}"));
            assertTrue(as(somep, t1, "GET", "/api/quiz/quizzes/" + quiz, null).body().contains("\"questions\":4"));

            // start, then start again: the same attempt resumes
            HttpResponse<String> started = expect(201, as(somep, t1, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null));
            long attempt = num("\"attempt\":\\{\"id\":(\\d+)", started.body());
            assertEquals(attempt, num("\"attempt\":\\{\"id\":(\\d+)", expect(200, as(somep, t1, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null)).body()));
            String a = "/api/quiz/attempts/" + attempt;

            // saves: the sequence seen; a replayed or stale one is refused
            expect(200, as(somep, t1, "PUT", a + "/answers/1", save(1, "0", 0)));
            expect(409, as(somep, t1, "PUT", a + "/answers/1", save(1, "0,1", 0)));
            expect(409, as(somep, t1, "PUT", a + "/answers/1", save(1, "0,1", 7)));
            expect(200, as(somep, t1, "PUT", a + "/answers/2", save(2, "false", 0)));
            expect(200, as(somep, t1, "PUT", a + "/answers/3", save(3, "karakara", 0)));
            expect(200, as(somep, t1, "PUT", a + "/answers/4", save(4, "3.141", 0)));
            expect(200, as(somep, t1, "PUT", a + "/answers/4", save(4, "3,141", 1)));
            assertTrue(as(somep, t1, "GET", a, null).body().contains("\"response\":\"3,141\",\"sequence\":2"), "resumed with the saved answers");

            // another user's attempt does not exist for them
            expect(404, as(somep, t2, "GET", a, null));
            expect(404, as(somep, t2, "PUT", a + "/answers/1", save(1, "1", 1)));
            expect(404, as(somep, t2, "POST", a + "/finish", null));
            expect(404, as(somep, t2, "GET", "/quiz/attempt/" + attempt, null));

            // editing a question makes a new version; the attempt in progress keeps the one it started with (with *kara*)
            expect(200, as(somep, admin, "PUT", "/api/quiz/questions/" + sa, "{\"type\":\"shortanswer\",\"name\":\"Capital\",\"text\":\"The capital of Turkey?\","
                    + "\"caseSensitive\":true,\"answers\":[{\"text\":\"Ankara\",\"fraction\":1}]}"));

            assertTrue(as(somep, t1, "GET", "/api/course/my", null).body().contains("\"done\":0"), "not completed before finishing");
            // two simultaneous finishes: one grade (0.5 + 1 + 0.5 + 1 of 4 = 75)
            CompletableFuture<HttpResponse<String>> f1 = CompletableFuture.supplyAsync(() -> call(somep, t1, a + "/finish"));
            CompletableFuture<HttpResponse<String>> f2 = CompletableFuture.supplyAsync(() -> call(somep, t1, a + "/finish"));
            for (HttpResponse<String> r : new HttpResponse[] {f1.get(), f2.get()}) {
                expect(200, r);
                assertTrue(r.body().contains("\"grade\":75.0"), r.body());
            }
            String review = as(somep, t1, "GET", a, null).body();
            assertTrue(review.contains("\"fraction\":0.5,\"feedback\":\"2 is prime\"") && review.contains("\"feedback\":\"Close\"") && review.contains("\"feedback\":\"Right\""), review);
            String overview = expect(200, as(somep, admin, "GET", "/api/quiz/quizzes/" + quiz + "/attempts", null)).body();
            assertEquals(1, overview.split("\"number\":").length - 1, overview);
            assertTrue(overview.contains("\"state\":\"finished\""), overview);
            expect(409, as(somep, t1, "PUT", a + "/answers/1", save(1, "0,1", 1)));
            String grades = expect(200, as(somep, admin, "GET", "/api/course/courses/1/grades", null)).body();
            assertTrue(grades.contains("75.0"), grades);
            String dash = as(somep, t1, "GET", "/api/course/my", null).body();
            assertTrue(dash.contains("\"done\":1"), "reaching the pass grade completed the quiz: " + dash);

            // a second attempt uses the new version (case-sensitive, no wildcard); the highest grade stays
            long second = num("\"attempt\":\\{\"id\":(\\d+)", expect(201, as(somep, t1, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null)).body());
            expect(200, as(somep, t1, "PUT", "/api/quiz/attempts/" + second + "/answers/3", save(3, "ankara", 0)));
            assertTrue(expect(200, as(somep, t1, "POST", "/api/quiz/attempts/" + second + "/finish", null)).body().contains("\"grade\":0.0"));
            assertTrue(as(somep, admin, "GET", "/api/course/courses/1/grades", null).body().contains("75.0"));
            assertTrue(expect(409, as(somep, t1, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null)).body().contains("every attempt"));

            // the trainer's overview and CSV; not for trainees
            HttpResponse<String> csv = expect(200, as(somep, admin, "GET", "/api/quiz/quizzes/" + quiz + "/attempts.csv", null));
            assertTrue(csv.body().startsWith("username,attempt,state") && csv.body().contains("\nt1,1,finished,"), csv.body());
            expect(403, as(somep, t1, "GET", "/api/quiz/quizzes/" + quiz + "/attempts.csv", null));

            // pages
            assertTrue(expect(200, as(somep, t1, "GET", "/quiz/" + quiz, null)).body().contains("Week one check"));
            assertTrue(expect(200, as(somep, t1, "GET", "/quiz/attempt/" + attempt + "/review", null)).body().contains("The capital of Turkey?"));
            assertTrue(expect(200, as(somep, admin, "GET", "/quiz/" + quiz + "/attempts", null)).body().contains("attempts.csv"));
            assertTrue(expect(200, as(somep, admin, "GET", "/quiz/" + quiz + "/edit", null)).body().contains("Primes"));

            // the pages, as a browser: start with the form (CSRF required), answer, finish, see the review
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            expect(303, b.post("/login", Map.of("username", "t2", "password", "t2-pass-123", "_csrf", SecurityIT.Browser.csrf(b.get("/login")))));
            HttpResponse<String> quizPage = expect(200, b.get("/quiz/" + quiz));
            assertTrue(quizPage.body().contains("Start an attempt"), quizPage.body());
            expect(403, b.post("/quiz/" + quiz + "/start", Map.of()));
            HttpResponse<String> go = expect(303, b.post("/quiz/" + quiz + "/start", Map.of("_csrf", SecurityIT.Browser.csrf(quizPage))));
            String attemptPath = b.location(go).getPath();
            HttpResponse<String> attemptPage = expect(200, b.get(attemptPath));
            assertTrue(attemptPage.body().contains("name=\"q2\"") && attemptPage.body().contains("name=\"seq2\" value=\"0\""), attemptPage.body());
            HttpResponse<String> saved = expect(303, b.post(attemptPath, Map.of("_csrf", SecurityIT.Browser.csrf(attemptPage), "q2", "false", "seq2", "0", "q4", "3.14", "seq4", "0")));
            attemptPage = expect(200, b.get(b.location(saved).getPath()));
            assertTrue(attemptPage.body().contains("name=\"seq2\" value=\"1\""), "the page shows the new sequence");
            expect(409, b.post(attemptPath, Map.of("_csrf", SecurityIT.Browser.csrf(attemptPage), "q2", "true", "seq2", "0")));
            HttpResponse<String> done = expect(303, b.post(attemptPath, Map.of("_csrf", SecurityIT.Browser.csrf(attemptPage), "finish", "1")));
            assertTrue(expect(200, b.get(b.location(done).getPath())).body().contains("50 / 100"), "review with the grade");

            // the server's deadline: after the close date no answer is taken; finishing still grades what was saved
            String close = Instant.now().plus(4, ChronoUnit.SECONDS).toString();
            long timed = quiz(somep, admin, section, "Quick one", "{\"close\":\"" + close + "\",\"maxgrade\":\"10\"}");
            expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + timed + "/questions", "{\"questionId\":" + nu + "}"));
            HttpResponse<String> t2start = expect(201, as(somep, t2, "POST", "/api/quiz/quizzes/" + timed + "/attempts", null));
            long late = num("\"attempt\":\\{\"id\":(\\d+)", t2start.body());
            expect(200, as(somep, t2, "PUT", "/api/quiz/attempts/" + late + "/answers/1", save(1, "3.14", 0)));
            while (Instant.now().isBefore(Instant.parse(close).plusMillis(300))) Thread.sleep(200);
            HttpResponse<String> refused = expect(409, as(somep, t2, "PUT", "/api/quiz/attempts/" + late + "/answers/1", save(1, "1", 1)));
            assertTrue(refused.body().contains("time for this attempt is over"), refused.body());
            assertTrue(expect(200, as(somep, t2, "POST", "/api/quiz/attempts/" + late + "/finish", null)).body().contains("\"grade\":10.0"));
            expect(409, as(somep, t2, "POST", "/api/quiz/quizzes/" + timed + "/attempts", null));
        }
    }

    static HttpResponse<String> call(TestSomep somep, String token, String path) {
        try {
            return as(somep, token, "POST", path, null);
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }
}
