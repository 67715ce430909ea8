package eu.somep.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.quiz.internal.Description;
import eu.somep.quiz.internal.Essay;
import eu.somep.quiz.internal.Matching;
import eu.somep.quiz.internal.QuizStore;
import eu.somep.quiz.internal.Types;
import eu.somep.quiz.spi.QuestionType.Answer;
import eu.somep.quiz.spi.QuestionType.Question;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shipped question types grade as documented; a question's answers survive their encoding. */
class TypesTest {
    static Question q(Map<String, String> options, Answer... answers) {
        return new Question("?", options, List.of(answers));
    }

    @Test
    void multiple_choice_gives_partial_credit_and_shuffles() {
        var t = new Types.MultiChoice();
        Question multi = q(Map.of("single", "false"), new Answer("a", 0.5, "A!", 0), new Answer("b", 0.5, "", 0), new Answer("c", -1, "no", 0));
        assertEquals(0.5, t.grade(multi, "", "0").fraction(), 1e-9);
        assertEquals(1.0, t.grade(multi, "", "0,1").fraction(), 1e-9);
        assertEquals(0.0, t.grade(multi, "", "0,2").fraction(), 1e-9);
        assertEquals("A!", t.grade(multi, "", "0").feedback());
        Question single = q(Map.of("single", "true"), new Answer("a", 1, "", 0), new Answer("b", 0.25, "", 0));
        assertEquals(0.25, t.grade(single, "", "1").fraction(), 1e-9);
        assertEquals(0.0, t.grade(single, "", "0,1").fraction(), 1e-9, "one answer only");
        String state = t.start(single, new Random(1));
        assertEquals(2, t.order(single, state).size());
        assertTrue(t.validate(q(Map.of("single", "true"), new Answer("a", 0.5, "", 0), new Answer("b", 0, "", 0))).contains("quiz.error.nofull"));
    }

    @Test
    void short_answer_wildcards_and_case() {
        var t = new Types.ShortAnswer();
        Question q = q(Map.of("case", "false"), new Answer("Ankara", 1, "", 0), new Answer("*kara*", 0.5, "close", 0));
        assertEquals(1.0, t.grade(q, "", " ankara ").fraction());
        assertEquals(0.5, t.grade(q, "", "Karakara!").fraction());
        assertEquals(0.0, t.grade(q, "", "Izmir").fraction());
        Question cs = q(Map.of("case", "true"), new Answer("SOMEP", 1, "", 0));
        assertEquals(0.0, t.grade(cs, "", "somep").fraction());
        assertEquals(0.0, t.grade(q(Map.of(), new Answer("a.b", 1, "", 0)), "", "axb").fraction(), "only * is special");
    }

    @Test
    void numerical_tolerance_and_true_false() {
        var n = new Types.Numerical();
        Question q = q(Map.of(), new Answer("3.14", 1, "", 0.01), new Answer("3", 0.5, "", 0.2));
        assertEquals(1.0, n.grade(q, "", "3,141").fraction());
        assertEquals(0.5, n.grade(q, "", "2.9").fraction());
        assertEquals(0.0, n.grade(q, "", "pi").fraction());
        var tf = new Types.TrueFalse();
        Question t = q(Map.of(), new Answer("true", 0, "", 0), new Answer("false", 1, "Right", 0));
        assertEquals(1.0, tf.grade(t, "", "false").fraction());
        assertEquals(0.0, tf.grade(t, "", "0").fraction());
        assertFalse(tf.validate(t).size() > 0);
    }

    @Test
    void answers_survive_encoding() {
        List<Answer> as = List.of(new Answer("tab\there\nnew \\ line", 0.5, "fb\t", 0.1));
        assertEquals(as, QuizStore.decodeAnswers(QuizStore.encodeAnswers(as)));
        assertEquals(Map.of("a\tb", "c\nd"), QuizStore.decodeOptions(QuizStore.encodeOptions(Map.of("a\tb", "c\nd"))));
    }

    @Test
    void matching_scores_each_pair_and_offers_extra_choices() {
        var t = new Matching();
        Question q = q(Map.of(), new Answer("Rome", 0, "", 0, "Italy"), new Answer("Ankara", 0, "", 0, "Turkey"), new Answer("", 0, "", 0, "Spain"));
        assertEquals(List.of("Rome", "Ankara"), t.stems(q));
        List<Integer> order = t.order(q, t.start(q, new Random(3)));
        assertEquals(3, order.size(), "the extra choice is offered");
        assertEquals(1.0, t.grade(q, "", "0,1").fraction(), 1e-9);
        assertEquals(0.5, t.grade(q, "", "0,2").fraction(), 1e-9);
        assertEquals(0.0, t.grade(q, "", "x,").fraction(), 1e-9);
        assertEquals("Turkey", t.choice(q, 1));
        assertTrue(t.validate(q(Map.of(), new Answer("Rome", 0, "", 0, "Italy"))).contains("quiz.error.matching"));
        assertTrue(t.validate(q).isEmpty());
    }

    @Test
    void essay_waits_for_a_person_and_description_earns_nothing() {
        assertTrue(new Essay().manual());
        assertTrue(new Essay().validate(q(Map.of())).isEmpty());
        assertFalse(new Description().graded());
        assertEquals("none", new Description().input(q(Map.of())));
        assertEquals("Ankara", new Types.ShortAnswer().rightAnswer(q(Map.of(), new Answer("Ankara", 1, "", 0), new Answer("*", 0.1, "", 0))));
        assertEquals("false", new Types.TrueFalse().rightAnswer(q(Map.of(), new Answer("true", 0, "", 0), new Answer("false", 1, "", 0))));
    }

    @Test
    void matches_survive_encoding() {
        List<Answer> as = List.of(new Answer("stem", 0, "", 0, "match\tx"), new Answer("", 0, "", 0, "extra"));
        assertEquals(as, QuizStore.decodeAnswers(QuizStore.encodeAnswers(as)));
        assertEquals("", QuizStore.decodeAnswers("1.0\t0.0\told\tformat\n").get(0).match(), "answers saved before matching existed");
    }
}
