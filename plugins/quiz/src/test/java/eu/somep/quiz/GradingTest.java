package eu.somep.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import eu.somep.quiz.internal.Attempt;
import eu.somep.quiz.internal.Quiz;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quiz grade from finished attempts by each grading method; unfinished attempts do not count. */
class GradingTest {
    static Attempt attempt(String state, Double grade) {
        Attempt a = new Attempt();
        a.state = state;
        a.grade = grade;
        return a;
    }

    static Double grade(String method, List<Attempt> attempts) {
        Quiz q = new Quiz();
        q.grading = method;
        return Attempts.finalGrade(q, attempts);
    }

    @Test
    void each_method() {
        List<Attempt> as = List.of(attempt("finished", 40.0), attempt("finished", 90.0), attempt("finished", 50.0), attempt("inprogress", null));
        assertEquals(90.0, grade("highest", as));
        assertEquals(60.0, grade("average", as));
        assertEquals(40.0, grade("first", as));
        assertEquals(50.0, grade("last", as));
        assertNull(grade("highest", List.of(attempt("inprogress", null))));
    }

    @Test
    void overall_feedback_by_band() {
        Quiz q = new Quiz();
        q.maxGrade = 10;
        q.feedback = "0 | Keep going\n50 | Good\n90 | Excellent";
        assertEquals("Keep going", QuizApi.overall(q, 4.9));
        assertEquals("Good", QuizApi.overall(q, 5.0));
        assertEquals("Excellent", QuizApi.overall(q, 10.0));
        assertEquals("", QuizApi.overall(q, null));
        assertTrue(QuizType.bands(q.feedback));
        assertFalse(QuizType.bands("high | x"));
        assertFalse(QuizType.bands("120 | x"));
        assertFalse(QuizType.bands("50 |"));
    }
}
