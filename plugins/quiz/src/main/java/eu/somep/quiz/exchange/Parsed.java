package eu.somep.quiz.exchange;

import eu.somep.quiz.spi.QuestionType.Answer;
import java.util.List;
import java.util.Map;

/**
 * One question read from a file, or why it could not be read. {@code where} names it for the import report (a line
 * number or a position); {@code category} is the category the file put it in (null: the one imported into).
 */
public record Parsed(String where, String category, String type, String name, String text, Map<String, String> options, List<Answer> answers,
                     String generalFeedback, String error) {
    static Parsed failed(String where, String name, String error) {
        return new Parsed(where, null, null, name, null, Map.of(), List.of(), "", error);
    }

    public boolean ok() {
        return error == null;
    }
}
