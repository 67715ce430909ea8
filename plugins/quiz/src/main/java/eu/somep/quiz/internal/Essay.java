package eu.somep.quiz.internal;

import eu.somep.quiz.spi.QuestionType;
import java.util.List;

/** Essay: free text, graded by a person; its answers, if any, are ignored (the grader's notes go in the general feedback). */
public final class Essay implements QuestionType {
    @Override public String type() { return "essay"; }
    @Override public String input(Question q) { return "essay"; }
    @Override public List<String> validate(Question q) { return List.of(); }
    @Override public boolean manual() { return true; }

    @Override
    public Grade grade(Question q, String state, String response) {
        return new Grade(0, "");
    }
}
