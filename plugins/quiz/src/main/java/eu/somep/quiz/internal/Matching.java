package eu.somep.quiz.internal;

import eu.somep.quiz.spi.QuestionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Matching: each answer with a text (the stem) is matched with its {@code match}; answers without a text are extra
 * wrong choices. The choices are the distinct matches, shuffled per attempt; the response names one choice (by the
 * index of an answer holding it) per stem, and each right pair earns an equal share of the mark.
 */
public final class Matching implements QuestionType {
    @Override public String type() { return "matching"; }
    @Override public String input(Question q) { return "match"; }

    static List<Answer> pairs(Question q) {
        return q.answers().stream().filter(a -> !a.text().isBlank()).toList();
    }

    /** One answer index per distinct match text, in answer order. */
    static List<Integer> distinct(Question q) {
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < q.answers().size(); i++) first.putIfAbsent(q.answers().get(i).match(), i);
        return new ArrayList<>(first.values());
    }

    @Override
    public List<String> validate(Question q) {
        List<String> out = new ArrayList<>();
        if (pairs(q).size() < 2) out.add("quiz.error.matching");
        if (q.answers().stream().anyMatch(a -> a.match().isBlank())) out.add("quiz.error.matching");
        return out;
    }

    @Override
    public String start(Question q, Random random) {
        List<Integer> order = distinct(q);
        if (!"false".equals(q.options().get("shuffle"))) Collections.shuffle(order, random);
        return order.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @Override
    public List<Integer> order(Question q, String state) {
        return Types.parseOrder(state, q.answers().size());
    }

    @Override
    public String choice(Question q, int index) {
        return q.answers().get(index).match();
    }

    @Override
    public List<String> stems(Question q) {
        return pairs(q).stream().map(Answer::text).toList();
    }

    @Override
    public String rightAnswer(Question q) {
        return pairs(q).stream().map(a -> a.text() + " → " + a.match()).collect(Collectors.joining("; "));
    }

    @Override
    public Grade grade(Question q, String state, String response) {
        if (response == null || response.isBlank()) return new Grade(0, "");
        List<Answer> pairs = pairs(q);
        String[] picked = response.split(",", -1);
        int right = 0;
        for (int i = 0; i < pairs.size() && i < picked.length; i++) {
            try {
                int c = Integer.parseInt(picked[i].trim());
                if (c >= 0 && c < q.answers().size() && q.answers().get(c).match().equals(pairs.get(i).match())) right++;
            } catch (NumberFormatException e) {
                // not answered
            }
        }
        return new Grade(pairs.isEmpty() ? 0 : (double) right / pairs.size(), "");
    }
}
