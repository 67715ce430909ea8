package eu.somep.quiz.internal;

import eu.somep.quiz.spi.QuestionType;
import java.util.List;

/** Description: text shown between questions; nothing to answer, no mark. */
public final class Description implements QuestionType {
    @Override public String type() { return "description"; }
    @Override public String input(Question q) { return "none"; }
    @Override public List<String> validate(Question q) { return List.of(); }
    @Override public boolean graded() { return false; }

    @Override
    public Grade grade(Question q, String state, String response) {
        return new Grade(0, "");
    }
}
