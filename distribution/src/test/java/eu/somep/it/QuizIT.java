package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    /** A site on the database; plugins get a minute to start, as this machine is shared and often busy. */
    static TestSomep site(TestDatabases.Db db) throws Exception {
        return TestSomep.builder().database(db).set("somep.plugin.start.timeout.ms", "60000").start();
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
        try (TestSomep somep = site(db)) {
            String admin = somep.adminToken();
            TestClock clock = TestClock.register(somep);
            for (String u : new String[] {"t1", "t2"}) somep.kernel().users().create(u, u + "-pass-123", u.toUpperCase(), false);
            String t1 = TokensIT.create(somep, "t1", "t1-pass-123", "t");
            String t2 = TokensIT.create(somep, "t2", "t2-pass-123", "t");
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"t1\"}"));
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"t2\"}"));
            long section = num("\"sections\":\\[\\{\"id\":(\\d+)", as(somep, admin, "GET", "/api/course/courses/1", null).body());

            // the demo course has a quiz on the nine COMPOSITE categories, written by the project
            String demo = expect(200, as(somep, t1, "GET", "/api/quiz/quizzes/1", null)).body();
            assertTrue(demo.contains("\"name\":\"Quiz: the nine COMPOSITE categories\"") && demo.contains("\"questions\":11"), demo);
            String demoAttempt = expect(201, as(somep, t1, "POST", "/api/quiz/quizzes/1/attempts", null)).body();
            assertTrue(demoAttempt.contains("Which COMPOSITE category does this case belong to?") && demoAttempt.contains("\"input\":\"match\""), demoAttempt);

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
            // responses as people read them; per-question statistics (trainee 2's attempt follows below, so two attempts here)
            String responses = expect(200, as(somep, admin, "GET", "/api/quiz/quizzes/" + quiz + "/responses", null)).body();
            assertTrue(responses.contains("\"response\":\"2\",\"fraction\":0.5") && responses.contains("\"response\":\"False\",\"fraction\":1.0"), responses);
            assertTrue(expect(200, as(somep, admin, "GET", "/api/quiz/quizzes/" + quiz + "/responses.csv", null)).body().startsWith("username,attempt,state,grade,response 1,score 1"));
            expect(403, as(somep, t1, "GET", "/api/quiz/quizzes/" + quiz + "/statistics", null));

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

            // statistics over the three finished attempts: true/false answered right by two of three (facility 66.67%); its
            // score agrees with the rest of the quiz (discrimination √3/2)
            String stats = expect(200, as(somep, admin, "GET", "/api/quiz/quizzes/" + quiz + "/statistics", null)).body();
            assertTrue(stats.startsWith("{\"attempts\":3,") && stats.contains("{\"slot\":2,\"name\":\"Flat\",\"type\":\"truefalse\",\"count\":3,\"facility\":66.67,")
                    && stats.contains("\"discrimination\":86.6}"), stats);
            String statsPage = expect(200, as(somep, admin, "GET", "/quiz/" + quiz + "/statistics", null)).body();
            assertTrue(statsPage.contains("<svg") && statsPage.contains("Facility index") && statsPage.contains("66.67%"), statsPage);
            assertTrue(expect(200, as(somep, admin, "GET", "/api/quiz/quizzes/" + quiz + "/statistics.csv", null)).body().contains("\n2,Flat,truefalse,3,66.67,"));
            assertTrue(expect(200, as(somep, admin, "GET", "/quiz/" + quiz + "/responses", null)).body().contains("karakara"));

            // the server's deadline: after the close date no answer is taken; what was saved is submitted and graded
            String close = clock.instant().plus(1, ChronoUnit.HOURS).toString();
            long timed = quiz(somep, admin, section, "Quick one", "{\"close\":\"" + close + "\",\"maxgrade\":\"10\"}");
            expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + timed + "/questions", "{\"questionId\":" + nu + "}"));
            HttpResponse<String> t2start = expect(201, as(somep, t2, "POST", "/api/quiz/quizzes/" + timed + "/attempts", null));
            long late = num("\"attempt\":\\{\"id\":(\\d+)", t2start.body());
            expect(200, as(somep, t2, "PUT", "/api/quiz/attempts/" + late + "/answers/1", save(1, "3.14", 0)));
            clock.advance(Duration.ofHours(1).plusSeconds(1));
            HttpResponse<String> refused = expect(409, as(somep, t2, "PUT", "/api/quiz/attempts/" + late + "/answers/1", save(1, "1", 1)));
            assertTrue(refused.body().contains("This attempt is finished"), refused.body());
            assertTrue(expect(200, as(somep, t2, "POST", "/api/quiz/attempts/" + late + "/finish", null)).body().contains("\"grade\":10.0"));
            expect(409, as(somep, t2, "POST", "/api/quiz/quizzes/" + timed + "/attempts", null));
        }
    }

    static long enrol(TestSomep somep, String admin, String... users) throws Exception {
        for (String u : users) {
            somep.kernel().users().create(u, u + "-pass-123", u.toUpperCase(), false);
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"" + u + "\"}"));
        }
        return num("\"sections\":\\[\\{\"id\":(\\d+)", as(somep, admin, "GET", "/api/course/courses/1", null).body());
    }

    static long start(TestSomep somep, String token, long quiz) throws Exception {
        return num("\"attempt\":\\{\"id\":(\\d+)", expect(201, as(somep, token, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null)).body());
    }

    static String state(TestSomep somep, String token, long attempt) throws Exception {
        Matcher m = Pattern.compile("\"state\":\"(\\w+)\"").matcher(expect(200, as(somep, token, "GET", "/api/quiz/attempts/" + attempt, null)).body());
        assertTrue(m.find());
        return m.group(1);
    }

    /** Waits until the sweeping task has closed the attempt (it runs every few seconds whether anybody looks or not). */
    static void swept(java.util.concurrent.CompletableFuture<eu.somep.api.event.Event> f, String state) throws Exception {
        assertEquals(state, TestSomep.await(f).get("state"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void matching_essay_description_and_feedback(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = site(db)) {
            String admin = somep.adminToken();
            long section = enrol(somep, admin, "t1");
            String t1 = TokensIT.create(somep, "t1", "t1-pass-123", "t");
            long cat = num("\"id\":(\\d+)", expect(201, as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Types\"}")).body());
            long match = question(somep, admin, cat, "{\"type\":\"matching\",\"name\":\"Capitals\",\"text\":\"Match the capitals.\",\"generalFeedback\":\"Capitals are seats of government.\","
                    + "\"answers\":[{\"text\":\"Rome\",\"match\":\"Italy\"},{\"text\":\"Ankara\",\"match\":\"Turkey\"},{\"text\":\"\",\"match\":\"Spain\"}]}");
            long essay = question(somep, admin, cat, "{\"type\":\"essay\",\"name\":\"Reflect\",\"text\":\"Describe a good post.\"}");
            long desc = question(somep, admin, cat, "{\"type\":\"description\",\"name\":\"Intro\",\"text\":\"Read the case first.\"}");
            long mc = question(somep, admin, cat, "{\"type\":\"multichoice\",\"name\":\"Pick\",\"text\":\"Which two?\",\"single\":false,\"shuffle\":false,"
                    + "\"answers\":[{\"text\":\"A\",\"fraction\":0.5,\"feedback\":\"A is one\"},{\"text\":\"B\",\"fraction\":0.5},{\"text\":\"C\",\"fraction\":-0.5,\"feedback\":\"Not C\"}]}");
            // bad questions: one pair to match, a pair without its match, no right answer
            assertTrue(expect(422, as(somep, admin, "POST", "/api/quiz/categories/" + cat + "/questions",
                    "{\"type\":\"matching\",\"name\":\"One\",\"text\":\"?\",\"answers\":[{\"text\":\"Rome\",\"match\":\"Italy\"}]}")).body().contains("at least two items"));
            expect(422, as(somep, admin, "POST", "/api/quiz/categories/" + cat + "/questions",
                    "{\"type\":\"matching\",\"name\":\"Half\",\"text\":\"?\",\"answers\":[{\"text\":\"Rome\",\"match\":\"Italy\"},{\"text\":\"Paris\"}]}"));
            assertTrue(expect(422, as(somep, admin, "POST", "/api/quiz/categories/" + cat + "/questions",
                    "{\"type\":\"shortanswer\",\"name\":\"None\",\"text\":\"?\",\"answers\":[{\"text\":\"x\",\"fraction\":0.5}]}")).body().contains("full mark"));

            // no right answers in the review; overall feedback by band
            long quiz = quiz(somep, admin, section, "Types", "{\"reviewanswers\":\"never\",\"feedback\":\"0 | Keep practising\\n50 | Well done\"}");
            expect(422, as(somep, admin, "POST", "/api/course/courses/1/activities",
                    "{\"sectionId\":" + section + ",\"type\":\"quiz\",\"name\":\"Bad\",\"settings\":{\"feedback\":\"lots | great\",\"overdue\":\"later\",\"reviewmarks\":\"soon\"}}"));
            for (long q : new long[] {desc, match, mc}) expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/questions", "{\"questionId\":" + q + "}"));
            long attempt = start(somep, t1, quiz);
            String a = "/api/quiz/attempts/" + attempt;
            String page = expect(200, as(somep, t1, "GET", a, null)).body();
            assertTrue(page.contains("\"input\":\"none\"") && page.contains("\"stems\":[\"Rome\",\"Ankara\"]") && page.contains("\"text\":\"Spain\""), page);
            assertTrue(expect(422, as(somep, t1, "PUT", a + "/answers/1", save(1, "x", 0))).body().contains("takes no answer"));
            expect(404, as(somep, t1, "PUT", a + "/answers/9", save(9, "x", 0)));
            expect(200, as(somep, t1, "PUT", a + "/answers/2", save(2, "0,2", 0)));   // Rome-Italy right, Ankara-Spain wrong
            expect(200, as(somep, t1, "PUT", a + "/answers/3", save(3, "0,1", 0)));
            String done = expect(200, as(somep, t1, "POST", a + "/finish", null)).body();
            // (0.5 of 1 + 1 of 1) / 2 marks = 75%; the description counts nothing
            assertTrue(done.contains("\"grade\":75.0") && done.contains("\"overall\":\"Well done\""), done);
            assertTrue(done.contains("Capitals are seats of government.") && done.contains("\"feedback\":\"A is one\"") && !done.contains("\"rightAnswer\":\"A; B\""), done);
            String review = expect(200, as(somep, t1, "GET", "/quiz/attempt/" + attempt + "/review", null)).body();
            assertTrue(review.contains("Rome → <strong>Italy") && review.contains("Well done") && !review.contains("The right answer"), review);
            // the trainer sees the right answers
            assertTrue(as(somep, admin, "GET", a, null).body().contains("\"rightAnswer\":\"A; B\""));

            // an essay: finished, not graded until a person grades it; the gradebook waits
            long q2 = quiz(somep, admin, section, "Essay", "{}");
            expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + q2 + "/questions", "{\"questionId\":" + essay + "}"));
            long e = start(somep, t1, q2);
            expect(200, as(somep, t1, "PUT", "/api/quiz/attempts/" + e + "/answers/1", save(1, "Short, factual, kind.", 0)));
            String finished = expect(200, as(somep, t1, "POST", "/api/quiz/attempts/" + e + "/finish", null)).body();
            assertTrue(finished.contains("\"state\":\"finished\"") && finished.contains("\"grade\":null"), finished);
            assertTrue(expect(200, as(somep, t1, "GET", "/quiz/attempt/" + e + "/review", null)).body().contains("Not graded yet"));
            assertTrue(!as(somep, admin, "GET", "/api/course/courses/1/grades", null).body().contains("50.0"), "no grade reported yet");

            // grading by hand: the grader's list, a bad mark refused, the grade reaches the attempt and the gradebook
            expect(403, as(somep, t1, "PUT", "/api/quiz/attempts/" + e + "/grades/1", "{\"mark\":1}"));
            expect(403, as(somep, t1, "GET", "/api/quiz/quizzes/" + q2 + "/grading", null));
            assertTrue(expect(200, as(somep, admin, "GET", "/api/quiz/quizzes/" + q2 + "/grading", null)).body().contains("Short, factual, kind."));
            assertTrue(expect(200, as(somep, admin, "GET", "/quiz/" + q2 + "/grading", null)).body().contains("Short, factual, kind."));
            assertTrue(expect(422, as(somep, admin, "PUT", "/api/quiz/attempts/" + e + "/grades/1", "{\"mark\":2}")).body().contains("from 0 to the question"));
            expect(422, as(somep, admin, "PUT", "/api/quiz/attempts/" + e + "/grades/1", "{\"comment\":\"no mark\"}"));
            expect(404, as(somep, admin, "PUT", "/api/quiz/attempts/" + e + "/grades/7", "{\"mark\":1}"));
            String graded = expect(200, as(somep, admin, "PUT", "/api/quiz/attempts/" + e + "/grades/1", "{\"mark\":0.5,\"comment\":\"Good start\"}")).body();
            assertTrue(graded.contains("\"grade\":50.0") && graded.contains("\"feedback\":\"Good start\""), graded);
            assertTrue(as(somep, admin, "GET", "/api/course/courses/1/grades", null).body().contains("50.0"), "the gradebook has the essay's grade");
            assertTrue(expect(200, as(somep, admin, "GET", "/quiz/" + q2 + "/grading", null)).body().contains("Nothing waits for grading"));
            assertTrue(as(somep, t1, "GET", "/quiz/attempt/" + e + "/review", null).body().contains("Good start"));

            // a question corrected (C is right too: a third each), then regraded: 0,1 now earns two thirds, (0.5 + 2/3) / 2 of 100
            expect(200, as(somep, admin, "PUT", "/api/quiz/questions/" + mc, "{\"type\":\"multichoice\",\"name\":\"Pick\",\"text\":\"Which three?\",\"single\":false,\"shuffle\":false,"
                    + "\"answers\":[{\"text\":\"A\",\"fraction\":0.3333333333},{\"text\":\"B\",\"fraction\":0.3333333333},{\"text\":\"C\",\"fraction\":0.3333333333}]}"));
            expect(403, as(somep, t1, "POST", "/api/quiz/quizzes/" + quiz + "/regrade", null));
            assertTrue(expect(200, as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/regrade", null)).body().contains("\"changed\":1"));
            String regraded = as(somep, admin, "GET", a, null).body();
            assertTrue(regraded.contains("\"grade\":58.33333") && regraded.contains("Which three?"), regraded);
            assertTrue(expect(200, as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/regrade", null)).body().contains("\"changed\":0"), "nothing changes twice");

            // the attempt page shows each input
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            expect(303, b.post("/login", Map.of("username", "t1", "password", "t1-pass-123", "_csrf", SecurityIT.Browser.csrf(b.get("/login")))));
            long q3 = quiz(somep, admin, section, "Pages", "{}");
            for (long q : new long[] {desc, match, essay}) expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + q3 + "/questions", "{\"questionId\":" + q + "}"));
            HttpResponse<String> go = expect(303, b.post("/quiz/" + q3 + "/start", Map.of("_csrf", SecurityIT.Browser.csrf(b.get("/quiz/" + q3)))));
            String attemptPath = b.location(go).getPath();
            HttpResponse<String> form = expect(200, b.get(attemptPath));
            assertTrue(form.body().contains("<select") && form.body().contains("<textarea") && form.body().contains("Read the case first."), form.body());
            expect(303, b.post(attemptPath, Map.of("_csrf", SecurityIT.Browser.csrf(form), "q3", "My essay", "seq3", "0")));
            assertTrue(expect(200, b.get(attemptPath)).body().contains(">My essay</textarea>"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void time_limits_overdue_rules_and_review_options(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = site(db)) {
            String admin = somep.adminToken();
            TestClock clock = TestClock.register(somep);
            long section = enrol(somep, admin, "t1", "t2", "t3");
            String t1 = TokensIT.create(somep, "t1", "t1-pass-123", "t");
            String t2 = TokensIT.create(somep, "t2", "t2-pass-123", "t");
            String t3 = TokensIT.create(somep, "t3", "t3-pass-123", "t");
            long cat = num("\"id\":(\\d+)", expect(201, as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Timed\"}")).body());
            long tf = question(somep, admin, cat, "{\"type\":\"truefalse\",\"name\":\"Flat\",\"text\":\"The earth is flat.\",\"answers\":[{\"text\":\"false\"}]}");
            String close = clock.instant().plus(1, ChronoUnit.DAYS).toString();

            // submitted automatically when time is up, by the sweeping task; marks shown only once the quiz closes
            long auto = quiz(somep, admin, section, "Auto", "{\"timelimit\":\"10\",\"close\":\"" + close + "\",\"reviewmarks\":\"closed\",\"feedback\":\"0 | Practise\\n100 | Perfect\"}");
            long grace = quiz(somep, admin, section, "Grace", "{\"timelimit\":\"10\",\"overdue\":\"graceperiod\",\"grace\":\"5\"}");
            long abandon = quiz(somep, admin, section, "Abandon", "{\"timelimit\":\"10\",\"overdue\":\"autoabandon\"}");
            for (long q : new long[] {auto, grace, abandon}) expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + q + "/questions", "{\"questionId\":" + tf + "}"));

            long a1 = start(somep, t1, auto);
            long g2 = start(somep, t2, grace);
            long g3 = start(somep, t3, grace);
            long x2 = start(somep, t2, abandon);
            for (String[] p : new String[][] {{t1, "" + a1}, {t2, "" + g2}, {t3, "" + g3}, {t2, "" + x2}}) {
                expect(200, as(somep, p[0], "PUT", "/api/quiz/attempts/" + p[1] + "/answers/1", save(1, "false", 0)));
            }
            var autoSwept = somep.nextEvent("quiz/attempt/swept", ev -> ((Number) ev.get("attempt")).longValue() == a1);
            var abandonSwept = somep.nextEvent("quiz/attempt/swept", ev -> ((Number) ev.get("attempt")).longValue() == x2);
            clock.advance(Duration.ofMinutes(10).plusSeconds(1));
            swept(autoSwept, "finished");
            swept(abandonSwept, "abandoned");

            // autosubmit: graded with what was saved in time; a late save is refused; marks hidden until the quiz closes
            expect(409, as(somep, t1, "PUT", "/api/quiz/attempts/" + a1 + "/answers/1", save(1, "true", 1)));
            String hidden = expect(200, as(somep, t1, "GET", "/api/quiz/attempts/" + a1, null)).body();
            assertTrue(hidden.contains("\"state\":\"finished\"") && hidden.contains("\"grade\":null") && hidden.contains("\"fraction\":null") && hidden.contains("\"overall\":\"\""), hidden);
            assertTrue(as(somep, admin, "GET", "/api/quiz/attempts/" + a1, null).body().contains("\"grade\":100.0"), "the trainer sees the grade");
            assertTrue(as(somep, admin, "GET", "/api/course/courses/1/grades", null).body().contains("100.0"), "reported to the gradebook");

            // grace period: overdue, no more answers, but submitting counts
            assertEquals("overdue", state(somep, t2, g2));
            assertTrue(expect(409, as(somep, t2, "PUT", "/api/quiz/attempts/" + g2 + "/answers/1", save(1, "true", 1))).body().contains("no longer taken"));
            assertTrue(expect(200, as(somep, t2, "POST", "/api/quiz/attempts/" + g2 + "/finish", null)).body().contains("\"grade\":100.0"));
            // after the grace period: abandoned, never graded
            clock.advance(Duration.ofMinutes(5));
            assertTrue(expect(409, as(somep, t3, "POST", "/api/quiz/attempts/" + g3 + "/finish", null)).body().contains("closed without a grade"));
            assertEquals("abandoned", state(somep, t3, g3));
            // abandoned: the answer saved in time does not count
            assertTrue(expect(200, as(somep, t2, "GET", "/api/quiz/attempts/" + x2, null)).body().contains("\"grade\":null"));
            assertTrue(expect(409, as(somep, t2, "POST", "/api/quiz/attempts/" + x2 + "/finish", null)).body().contains("closed without a grade"));

            // once the quiz closes, the marks and the overall feedback show
            clock.advance(Duration.ofDays(1));
            String shown = expect(200, as(somep, t1, "GET", "/api/quiz/attempts/" + a1, null)).body();
            assertTrue(shown.contains("\"grade\":100.0") && shown.contains("\"overall\":\"Perfect\""), shown);
            assertTrue(expect(200, as(somep, t1, "GET", "/quiz/attempt/" + a1 + "/review", null)).body().contains("Perfect"));
            assertTrue(expect(409, as(somep, t2, "POST", "/api/quiz/quizzes/" + auto + "/attempts", null)).body().contains("closed"));
        }
    }

    static HttpResponse<String> upload(TestSomep somep, String token, String path, String type, String body) throws Exception {
        return somep.send(java.net.http.HttpRequest.newBuilder(somep.uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", type)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static String file(String name) throws Exception {
        return java.nio.file.Files.readString(java.nio.file.Path.of("../plugins/quiz/src/test/resources/exchange", name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void import_and_export_gift_and_moodle_xml(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = site(db)) {
            String admin = somep.adminToken();
            long section = enrol(somep, admin, "t1");
            String t1 = TokensIT.create(somep, "t1", "t1-pass-123", "t");
            long cat = num("\"id\":(\\d+)", expect(201, as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Imports\"}")).body());
            String imp = "/api/quiz/categories/" + cat + "/import?format=";

            // every type from GIFT, into the category the file names
            String gift = expect(200, upload(somep, admin, imp + "gift", "text/plain", file("all-types.gift"))).body();
            assertTrue(gift.startsWith("{\"imported\":10,\"skipped\":0"), gift);
            String cats = as(somep, admin, "GET", "/api/quiz/courses/1/categories", null).body();
            long media = num("\"id\":(\\d+),\"courseId\":1,\"name\":\"Social media basics\"", cats);
            String bank = as(somep, admin, "GET", "/api/quiz/categories/" + media + "/questions", null).body();
            assertTrue(bank.contains("\"type\":\"matching\"") && bank.contains("\"type\":\"essay\"") && bank.contains("\"type\":\"description\"")
                    && bank.contains("Is 2 = 2 {always}: yes or no?"), bank);

            // malformed GIFT: the good question is imported, each other one skipped with its reason
            String bad = expect(200, upload(somep, admin, imp + "gift", "text/plain", file("malformed.gift"))).body();
            assertTrue(bad.startsWith("{\"imported\":1,\"skipped\":5"), bad);
            assertTrue(bad.contains("a { has no }") && bad.contains("full mark") && bad.contains("not a number") && bad.contains("not closed with ::"), bad);

            // Moodle XML: the unsupported type and the question without a right answer are skipped
            String xml = expect(200, upload(somep, admin, imp + "xml", "application/xml", file("all-types.xml"))).body();
            assertTrue(xml.startsWith("{\"imported\":7,\"skipped\":2") && xml.contains("not supported: calculated"), xml);
            // refused whole: a bomb, an external entity, broken XML, an unknown format, nothing
            assertTrue(expect(422, upload(somep, admin, imp + "xml", "application/xml", file("bomb.xml"))).body().contains("DOCTYPE"));
            String xxe = expect(422, upload(somep, admin, imp + "xml", "application/xml", file("xxe.xml"))).body();
            assertTrue(xxe.contains("DOCTYPE") && !xxe.contains("root:"), xxe);
            assertTrue(expect(422, upload(somep, admin, imp + "xml", "application/xml", file("malformed.xml"))).body().contains("not well-formed"));
            expect(422, upload(somep, admin, imp + "doc", "text/plain", "x"));
            expect(422, upload(somep, admin, imp + "gift", "text/plain", " "));
            expect(404, upload(somep, t1, imp + "gift", "text/plain", file("all-types.gift")));

            // export, then import again: the same ten questions
            HttpResponse<String> out = expect(200, as(somep, admin, "GET", "/api/quiz/categories/" + media + "/export?format=gift", null));
            assertTrue(out.body().contains("::Platforms::") && out.headers().firstValue("Content-Disposition").orElse("").contains("attachment"), out.body());
            long again = num("\"id\":(\\d+)", expect(201, as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Again\"}")).body());
            String back = expect(200, upload(somep, admin, "/api/quiz/categories/" + again + "/import?format=gift", "text/plain", out.body().replace("$CATEGORY: Social media basics", ""))).body();
            assertTrue(back.startsWith("{\"imported\":10,\"skipped\":0"), back);
            String xmlOut = expect(200, as(somep, admin, "GET", "/api/quiz/categories/" + media + "/export?format=xml", null)).body();
            assertTrue(xmlOut.contains("<question type=\"matching\">"), xmlOut);
            assertTrue(expect(200, upload(somep, admin, "/api/quiz/categories/" + again + "/import?format=xml", "application/xml", xmlOut)).body().startsWith("{\"imported\":10,"));
            expect(404, as(somep, t1, "GET", "/api/quiz/categories/" + media + "/export?format=gift", null));
            // the bank's page: every category with its questions; not for trainees
            String bankPage = expect(200, as(somep, admin, "GET", "/quiz/bank/1", null)).body();
            assertTrue(bankPage.contains("Social media basics") && bankPage.contains("Platforms") && bankPage.contains("Again"), bankPage);
            expect(404, as(somep, t1, "GET", "/quiz/bank/1", null));

            // the page: paste, import into the bank and the quiz, see the report
            long quiz = quiz(somep, admin, section, "Imported quiz", "{}");
            SecurityIT.Browser b = new SecurityIT.Browser(somep);
            expect(303, b.post("/login", Map.of("username", "admin", "password", TestSomep.ADMIN_PASSWORD, "_csrf", SecurityIT.Browser.csrf(b.get("/login")))));
            HttpResponse<String> form = expect(200, b.get("/quiz/" + quiz + "/import"));
            String report = expect(200, b.post("/quiz/" + quiz + "/import", Map.of("_csrf", SecurityIT.Browser.csrf(form), "format", "gift", "content", file("malformed.gift"), "add", "1"))).body();
            assertTrue(report.contains("Imported 1, skipped 5.") && report.contains("a { has no }"), report);
            assertTrue(as(somep, t1, "GET", "/api/quiz/quizzes/" + quiz, null).body().contains("\"questions\":1"));
            assertTrue(expect(422, b.post("/quiz/" + quiz + "/import", Map.of("_csrf", SecurityIT.Browser.csrf(form), "format", "xml", "content", file("bomb.xml")))).body().contains("DOCTYPE"));
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
