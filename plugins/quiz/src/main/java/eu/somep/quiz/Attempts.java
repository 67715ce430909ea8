package eu.somep.quiz;

import eu.somep.quiz.internal.Attempt;
import eu.somep.quiz.internal.Question;
import eu.somep.quiz.internal.Quiz;
import eu.somep.quiz.internal.QuizStore;
import eu.somep.quiz.internal.Response;
import eu.somep.quiz.spi.QuestionType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An attempt's life on the server's clock: in progress, overdue (time up, grace period running), finished or
 * abandoned. Every path (pages, API, autosave, the sweeping task) settles an attempt first, so a deadline holds
 * whether or not anybody is looking; every change is one conditional update, so racing requests change it once.
 */
final class Attempts {
    static final String IN_PROGRESS = "inprogress";
    static final String OVERDUE = "overdue";
    static final String FINISHED = "finished";
    static final String ABANDONED = "abandoned";

    private final QuizService s;

    Attempts(QuizService s) {
        this.s = s;
    }

    static boolean open(Attempt a) {
        return open(a.state);
    }

    static boolean open(String state) {
        return IN_PROGRESS.equals(state) || OVERDUE.equals(state);
    }

    /** Applies the quiz's overdue rule if the deadline has passed; returns the attempt as it now is. */
    Attempt settle(Attempt a, Quiz q) {
        if (!open(a) || a.deadline == null) return a;
        Instant now = s.now();
        if (!now.isAfter(a.deadline)) return a;
        switch (q.overdue) {
            case "graceperiod" -> {
                if (now.isAfter(a.deadline.plusSeconds(q.grace))) {
                    s.store.abandon(a.id, now);
                } else if (IN_PROGRESS.equals(a.state)) {
                    s.store.overdue(a.id);
                }
            }
            case "autoabandon" -> s.store.abandon(a.id, now);
            default -> finish(a, q, a.deadline); // what was saved in time is submitted
        }
        return s.store.attempt(a.id).orElseThrow();
    }

    /** Grades and finishes an open attempt; false when it was not open any more (another request finished it first). */
    boolean finish(Attempt a, Quiz q, Instant at) {
        Map<Integer, QuestionType.Grade> grades = new LinkedHashMap<>();
        List<Response> rs = s.store.responses(a.id);
        for (Response r : rs) {
            Question qu = s.version(r.questionId);
            QuestionType t = s.type(qu.type);
            if (!t.graded() || t.manual()) continue; // a description earns nothing; an essay waits for its grader
            QuestionType.Grade g = t.grade(QuizStore.data(qu), r.state, r.response);
            grades.put(r.slot, g);
            r.fraction = g.fraction();
        }
        if (!s.store.finish(a.id, at, total(q, rs), grades)) return false;
        s.events.publish("quiz/attempt/finished", Map.of("attempt", a.id, "quiz", q.id, "user", a.userId));
        report(q, a.userId);
        return true;
    }

    /** An attempt's grade out of the quiz's max grade from its responses' fractions; null while a graded response has none (an essay to grade). */
    static Double total(Quiz q, List<Response> rs) {
        double got = 0;
        double total = 0;
        for (Response r : rs) {
            if (r.mark <= 0) continue;
            if (r.fraction == null) return null;
            got += r.fraction * r.mark;
            total += r.mark;
        }
        return total == 0 ? 0.0 : Math.round(got / total * q.maxGrade * 100000) / 100000.0;
    }

    /**
     * The user's quiz grade by the grading method, to the course gradebook, and "passed" while it reaches the pass
     * grade: a regrade or a hand grade that takes it below withdraws "passed" again.
     */
    void report(Quiz q, long userId) {
        Double g = finalGrade(q, s.store.attempts(q.id, userId));
        if (g == null || q.activityId == null) return;
        s.courses.graded(q.activityId, userId, g, q.maxGrade);
        if (g >= q.passGrade) s.courses.completed(q.activityId, userId, "passed");
        else s.courses.uncompleted(q.activityId, userId, "passed");
    }

    static Double finalGrade(Quiz q, List<Attempt> attempts) {
        List<Double> grades = attempts.stream().filter(a -> FINISHED.equals(a.state) && a.grade != null).map(a -> a.grade).toList();
        if (grades.isEmpty()) return null;
        return switch (q.grading) {
            case "average" -> {
                OptionalDouble avg = grades.stream().mapToDouble(Double::doubleValue).average();
                yield Math.round(avg.orElse(0) * 100000) / 100000.0;
            }
            case "first" -> grades.get(0);
            case "last" -> grades.get(grades.size() - 1);
            default -> grades.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        };
    }

    /**
     * Regrades every finished attempt of a quiz after a question was corrected: a response moves to the question's
     * latest version when that version is compatible (same type, same number of answers, so the attempt's state
     * still fits), and is graded again; grades set by a person stay. Returns how many responses changed their mark.
     */
    int regrade(Quiz q) {
        int changed = 0;
        java.util.Set<Long> users = new java.util.TreeSet<>();
        for (Attempt a : s.store.attempts(q.id)) {
            if (!FINISHED.equals(a.state)) continue;
            Map<Integer, Long> versions = new LinkedHashMap<>();
            Map<Integer, Double> fractions = new LinkedHashMap<>();
            Map<Integer, String> feedback = new LinkedHashMap<>();
            for (Response r : s.store.responses(a.id)) {
                Question used = s.store.question(r.questionId).orElseThrow();
                Question latest = s.store.latest(used.familyId).orElse(used);
                if (!latest.id.equals(used.id) && compatible(used, latest)) {
                    versions.put(r.slot, latest.id);
                    used = latest;
                }
                QuestionType t = s.type(used.type);
                if (!t.graded() || t.manual() || r.mark <= 0) continue;
                QuestionType.Grade g = t.grade(QuizStore.data(used), r.state, r.response);
                if (r.fraction == null || Math.abs(r.fraction - g.fraction()) > 1e-9) changed++;
                fractions.put(r.slot, g.fraction());
                feedback.put(r.slot, g.feedback());
            }
            s.store.regrade(a.id, versions, fractions, feedback, rs -> total(q, rs));
            users.add(a.userId);
        }
        users.forEach(u -> report(q, u));
        return changed;
    }

    static boolean compatible(Question used, Question latest) {
        return used.type.equals(latest.type) && QuizStore.decodeAnswers(used.answers).size() == QuizStore.decodeAnswers(latest.answers).size();
    }
}
