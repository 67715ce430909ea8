package eu.somep.quiz.spi;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of question. Questions are stored as text, options and a list of answers; the type gives them meaning.
 * Types are stateless: everything an attempt needs is in the question and the state {@link #start} returned.
 */
@ConsumerType
public interface QuestionType {
    /** One answer of a question: its text (or value), the fraction of the mark it earns, feedback, and a tolerance (numerical). */
    record Answer(String text, double fraction, String feedback, double tolerance) {
    }

    /** A question as a type sees it. {@code options} hold type-specific flags such as {@code single}, {@code shuffle}, {@code case}. */
    record Question(String text, Map<String, String> options, List<Answer> answers) {
        public boolean flag(String name) {
            return "true".equals(options.get(name));
        }
    }

    /** The result of grading: a fraction of the mark in [0, 1] and feedback for the response. */
    record Grade(double fraction, String feedback) {
    }

    /** The type's id, such as {@code multichoice}. */
    String type();

    /** The input the attempt page shows: {@code radio}, {@code checkbox} or {@code text}. */
    String input(Question q);

    /** Message keys (or messages) for what is wrong with a question; empty when it can be saved. */
    List<String> validate(Question q);

    /** The per-attempt state, such as the shuffled order of answers ("2,0,1"); empty when the type needs none. */
    default String start(Question q, Random random) {
        return "";
    }

    /** The answer indexes to show, in order, for choice inputs (from the state of {@link #start}); empty for text inputs. */
    default List<Integer> order(Question q, String state) {
        return List.of();
    }

    /** Grades a response (null or blank: not answered, fraction 0). */
    Grade grade(Question q, String state, String response);
}
