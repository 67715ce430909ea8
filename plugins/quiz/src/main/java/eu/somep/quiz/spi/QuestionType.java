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
    /**
     * One answer of a question: its text (or value), the fraction of the mark it earns, feedback, a tolerance
     * (numerical) and, for matching, the item its text (the stem) is matched with.
     */
    record Answer(String text, double fraction, String feedback, double tolerance, String match) {
        public Answer {
            match = match == null ? "" : match;
        }

        public Answer(String text, double fraction, String feedback, double tolerance) {
            this(text, fraction, feedback, tolerance, "");
        }
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

    /**
     * The input the attempt page shows: {@code radio}, {@code checkbox}, {@code text}, {@code essay} (a text area),
     * {@code match} (one choice per {@link #stems stem}) or {@code none} (nothing to answer).
     */
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

    /** The text shown for choice {@code index} of {@link #order}. */
    default String choice(Question q, int index) {
        return q.answers().get(index).text();
    }

    /** For {@code match} inputs: the items to match, in order; the response has one choice index per stem, comma-separated. */
    default List<String> stems(Question q) {
        return List.of();
    }

    /** Whether the question earns marks at all (a description does not). */
    default boolean graded() {
        return true;
    }

    /** Whether a person grades the response ({@link #grade} then gives no fraction until then). */
    default boolean manual() {
        return false;
    }

    /** The right answer, for a review that may show it; empty when there is no single one. */
    default String rightAnswer(Question q) {
        return "";
    }

    /** Grades a response (null or blank: not answered, fraction 0). */
    Grade grade(Question q, String state, String response);
}
