package eu.somep.quiz.exchange;

import eu.somep.quiz.spi.QuestionType.Answer;
import java.util.List;
import java.util.Map;

/** A bank question as the writers see it. */
public record Exported(String category, String type, String name, String text, Map<String, String> options, List<Answer> answers, String generalFeedback) {
}
