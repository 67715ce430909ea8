package eu.somep.quiz.internal;

import eu.somep.quiz.spi.QuestionType;
import eu.somep.quiz.spi.QuestionType.Answer;
import eu.somep.quiz.spi.QuestionType.Grade;
import eu.somep.quiz.spi.QuestionType.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The shipped question types, written against the SPI like any other type. */
public final class Types {
    private Types() {
    }

    public static final List<QuestionType> SHIPPED = List.of(new MultiChoice(), new TrueFalse(), new ShortAnswer(), new Numerical(),
            new Matching(), new Essay(), new Description());

    static boolean full(List<Answer> as) {
        return as.stream().anyMatch(a -> a.fraction() >= 0.999);
    }

    /** The texts of the answers earning the full mark (or, failing that, the best one), for a review showing the right answer. */
    static String best(List<Answer> as) {
        List<String> full = as.stream().filter(a -> a.fraction() >= 0.999).map(Answer::text).toList();
        if (!full.isEmpty()) return String.join("; ", full);
        return as.stream().filter(a -> a.fraction() > 0).map(Answer::text).collect(Collectors.joining("; "));
    }

    static List<Integer> parseOrder(String state, int n) {
        if (state == null || state.isBlank()) return IntStream.range(0, n).boxed().toList();
        List<Integer> out = new ArrayList<>();
        for (String p : state.split(",")) {
            int i = Integer.parseInt(p.trim());
            if (i >= 0 && i < n) out.add(i);
        }
        return out;
    }

    /** Multiple choice: one answer (radio) or several (checkboxes); fractions may be partial, negative for wrong picks. */
    public static final class MultiChoice implements QuestionType {
        @Override public String type() { return "multichoice"; }
        @Override public String input(Question q) { return q.flag("single") ? "radio" : "checkbox"; }

        @Override
        public List<String> validate(Question q) {
            List<String> out = new ArrayList<>();
            if (q.answers().size() < 2) out.add("quiz.error.twoanswers");
            if (q.flag("single") && !full(q.answers())) out.add("quiz.error.nofull");
            if (!q.flag("single") && q.answers().stream().filter(a -> a.fraction() > 0).mapToDouble(Answer::fraction).sum() < 0.999) out.add("quiz.error.nofull");
            if (q.answers().stream().anyMatch(a -> a.fraction() > 1 || a.fraction() < -1)) out.add("quiz.error.fraction");
            return out;
        }

        @Override
        public String start(Question q, Random random) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, q.answers().size()).boxed().toList());
            if (!"false".equals(q.options().get("shuffle"))) Collections.shuffle(order, random);
            return order.stream().map(String::valueOf).collect(Collectors.joining(","));
        }

        @Override
        public List<Integer> order(Question q, String state) {
            return parseOrder(state, q.answers().size());
        }

        @Override
        public String rightAnswer(Question q) {
            return q.flag("single") ? best(q.answers()) : q.answers().stream().filter(a -> a.fraction() > 0).map(Answer::text).collect(Collectors.joining("; "));
        }

        @Override
        public Grade grade(Question q, String state, String response) {
            if (response == null || response.isBlank()) return new Grade(0, "");
            TreeSet<Integer> picked = new TreeSet<>();
            for (String p : response.split(",")) {
                try {
                    int i = Integer.parseInt(p.trim());
                    if (i >= 0 && i < q.answers().size()) picked.add(i);
                } catch (NumberFormatException e) {
                    // ignored: not an answer
                }
            }
            if (q.flag("single") && picked.size() > 1) return new Grade(0, "");
            double f = 0;
            List<String> feedback = new ArrayList<>();
            for (int i : picked) {
                f += q.answers().get(i).fraction();
                if (!q.answers().get(i).feedback().isBlank()) feedback.add(q.answers().get(i).feedback());
            }
            return new Grade(Math.max(0, Math.min(1, f)), String.join(" ", feedback));
        }
    }

    /** True or false: answers[0] is "true", answers[1] is "false"; the right one has fraction 1. */
    public static final class TrueFalse implements QuestionType {
        @Override public String type() { return "truefalse"; }
        @Override public String input(Question q) { return "radio"; }

        @Override
        public List<String> validate(Question q) {
            if (q.answers().size() != 2 || !full(q.answers())) return List.of("quiz.error.truefalse");
            return List.of();
        }

        @Override
        public List<Integer> order(Question q, String state) {
            return List.of(0, 1);
        }

        @Override
        public String rightAnswer(Question q) {
            return q.answers().get(0).fraction() >= 0.999 ? "true" : "false";
        }

        @Override
        public Grade grade(Question q, String state, String response) {
            if (response == null || response.isBlank()) return new Grade(0, "");
            int i = switch (response.trim()) {
                case "0", "true" -> 0;
                case "1", "false" -> 1;
                default -> -1;
            };
            if (i < 0) return new Grade(0, "");
            Answer a = q.answers().get(i);
            return new Grade(Math.max(0, a.fraction()), a.feedback());
        }
    }

    /** Short answer: the first answer that matches ({@code *} matches anything; case-insensitive unless {@code case}). */
    public static final class ShortAnswer implements QuestionType {
        @Override public String type() { return "shortanswer"; }
        @Override public String input(Question q) { return "text"; }

        @Override
        public List<String> validate(Question q) {
            if (q.answers().isEmpty() || !full(q.answers())) return List.of("quiz.error.nofull");
            return List.of();
        }

        @Override
        public String rightAnswer(Question q) {
            return best(q.answers());
        }

        static Pattern pattern(String answer, boolean caseSensitive) {
            String re = Arrays.stream(answer.trim().split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
            return Pattern.compile(re, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }

        @Override
        public Grade grade(Question q, String state, String response) {
            if (response == null || response.isBlank()) return new Grade(0, "");
            String r = response.trim().replaceAll("\\s+", " ");
            for (Answer a : q.answers()) {
                if (pattern(a.text(), q.flag("case")).matcher(r).matches()) return new Grade(Math.max(0, a.fraction()), a.feedback());
            }
            return new Grade(0, "");
        }
    }

    /** Numerical: the first answer whose value is within its tolerance of the response. */
    public static final class Numerical implements QuestionType {
        @Override public String type() { return "numerical"; }
        @Override public String input(Question q) { return "text"; }

        @Override
        public String rightAnswer(Question q) {
            return q.answers().stream().filter(a -> a.fraction() >= 0.999).map(a -> a.tolerance() > 0 ? a.text() + " ± " + a.tolerance() : a.text())
                    .collect(Collectors.joining("; "));
        }

        static BigDecimal number(String s) {
            try {
                return new BigDecimal(s.trim().replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public List<String> validate(Question q) {
            List<String> out = new ArrayList<>();
            if (q.answers().isEmpty() || !full(q.answers())) out.add("quiz.error.nofull");
            if (q.answers().stream().anyMatch(a -> number(a.text()) == null || a.tolerance() < 0)) out.add("quiz.error.number");
            return out;
        }

        @Override
        public Grade grade(Question q, String state, String response) {
            if (response == null || response.isBlank()) return new Grade(0, "");
            BigDecimal r = number(response);
            if (r == null) return new Grade(0, "");
            for (Answer a : q.answers()) {
                BigDecimal v = number(a.text());
                if (v != null && r.subtract(v).abs().compareTo(BigDecimal.valueOf(a.tolerance())) <= 0) return new Grade(Math.max(0, a.fraction()), a.feedback());
            }
            return new Grade(0, "");
        }
    }
}
