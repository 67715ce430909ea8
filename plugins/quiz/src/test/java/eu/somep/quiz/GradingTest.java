package eu.somep.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return QuizApi.finalGrade(q, attempts);
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
}
