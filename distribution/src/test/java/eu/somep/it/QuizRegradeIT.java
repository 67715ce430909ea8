package eu.somep.it;

import static eu.somep.it.QuizIT.as;
import static eu.somep.it.QuizIT.expect;
import static eu.somep.it.QuizIT.num;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A regrade follows the new grade both ways: a trainee who passed on a wrong answer key and falls below the pass grade
 * once the key is corrected is no longer "passed" in the course, and passes again when the key is set back. Through
 * the REST API, on H2 and PostgreSQL.
 */
class QuizRegradeIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_regrade_below_the_pass_grade_withdraws_passed(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = QuizIT.site(db)) {
            String admin = somep.adminToken();
            long section = QuizIT.enrol(somep, admin, "t1");
            String t1 = TokensIT.create(somep, "t1", "t1-pass-123", "t");
            long quiz = QuizIT.quiz(somep, admin, section, "Radio codes", "{\"passgrade\":\"5\",\"maxgrade\":\"10\"}");
            long cat = num("\"id\":(\\d+)", expect(201, as(somep, admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Codes\"}")).body());
            long question = QuizIT.question(somep, admin, cat, key("A"));
            expect(201, as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/questions", "{\"questionId\":" + question + "}"));

            // the trainee answers A, which the key (wrongly) says is right: 10 of 10, passed
            long attempt = QuizIT.start(somep, t1, quiz);
            expect(200, as(somep, t1, "PUT", "/api/quiz/attempts/" + attempt + "/answers/1", QuizIT.save(1, "0", 0)));
            assertTrue(expect(200, as(somep, t1, "POST", "/api/quiz/attempts/" + attempt + "/finish", null)).body().contains("\"grade\":10.0"));
            assertTrue(passed(somep, t1, quiz), "10 of 10 passes");

            // the key is corrected (B is right) and the quiz regraded: 0 of 10, not passed any more, 0 in the gradebook
            expect(200, as(somep, admin, "PUT", "/api/quiz/questions/" + question, key("B")));
            assertTrue(expect(200, as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/regrade", null)).body().contains("\"changed\":1"));
            assertTrue(expect(200, as(somep, t1, "GET", "/api/quiz/attempts/" + attempt, null)).body().contains("\"grade\":0.0"));
            assertTrue(!passed(somep, t1, quiz), "a regrade below the pass grade withdraws passed");
            String grades = expect(200, as(somep, admin, "GET", "/api/course/courses/1/grades", null)).body();
            assertTrue(grades.contains("\"username\":\"t1\",\"displayName\":\"T1\",\"grades\":[null,0.0]"), grades);

            // set back: passed again
            expect(200, as(somep, admin, "PUT", "/api/quiz/questions/" + question, key("A")));
            expect(200, as(somep, admin, "POST", "/api/quiz/quizzes/" + quiz + "/regrade", null));
            assertTrue(passed(somep, t1, quiz), "a regrade above the pass grade passes again");
        }
    }

    /** A single-choice question whose key says {@code right} is the right answer. */
    private static String key(String right) {
        return "{\"type\":\"multichoice\",\"name\":\"Code\",\"text\":\"Which code means 'officer needs help'?\",\"single\":true,\"shuffle\":false,"
                + "\"answers\":[{\"text\":\"A\",\"fraction\":" + ("A".equals(right) ? 1 : 0) + "},{\"text\":\"B\",\"fraction\":" + ("B".equals(right) ? 1 : 0) + "}]}";
    }

    /** Whether the course shows the trainee the quiz as completed. */
    private static boolean passed(TestSomep somep, String token, long quiz) throws Exception {
        String course = expect(200, as(somep, token, "GET", "/api/course/courses/1", null)).body();
        String at = "\"link\":\"/quiz/" + quiz + "\",\"completed\":";
        int i = course.indexOf(at);
        assertTrue(i >= 0, course);
        return course.startsWith("true", i + at.length());
    }
}
