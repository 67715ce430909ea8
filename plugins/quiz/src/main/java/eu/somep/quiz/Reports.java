package eu.somep.quiz;

import eu.somep.quiz.internal.Attempt;
import eu.somep.quiz.internal.Question;
import eu.somep.quiz.internal.Quiz;
import eu.somep.quiz.internal.QuizStore;
import eu.somep.quiz.internal.Response;
import eu.somep.quiz.spi.QuestionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quiz's reports: every response of every attempt, and per-question statistics over finished, fully graded
 * attempts: the facility index (mean score on the question, in percent of its mark) and the discrimination index
 * (correlation, in percent, between the score on the question and the score on the rest of the quiz), with a chart.
 */
public final class Reports {
    public record Cell(int slot, String response, Double fraction) {
    }

    public record Row(long attemptId, String username, int number, String state, Double grade, List<Cell> cells) {
    }

    public record Stat(int slot, String name, String type, int count, Double facility, Double sd, Double discrimination) {
    }

    public record Statistics(int attempts, Double mean, List<Stat> questions) {
    }

    private final QuizService s;
    private final Map<Long, Question> questions = new HashMap<>();

    Reports(QuizService s) {
        this.s = s;
    }

    private Question question(long id) {
        return questions.computeIfAbsent(id, i -> s.store.question(i).orElseThrow());
    }

    /** A response as a person reads it: the chosen answers' texts rather than their indexes. */
    String readable(Response r) {
        if (r.response == null || r.response.isEmpty()) return "";
        Question q = question(r.questionId);
        QuestionType t = s.type(q.type);
        QuestionType.Question d = QuizStore.data(q);
        String input = t.input(d);
        if (!List.of("radio", "checkbox", "match").contains(input)) return r.response;
        List<String> out = new ArrayList<>();
        String[] picked = r.response.split(",", -1);
        List<String> stems = t.stems(d);
        for (int i = 0; i < picked.length; i++) {
            String p = picked[i].trim();
            String text = p;
            try {
                int k = Integer.parseInt(p);
                if (k >= 0 && k < d.answers().size()) text = t.choice(d, k);
            } catch (NumberFormatException e) {
                // kept as sent
            }
            if ("match".equals(input)) {
                if (i < stems.size() && !p.isEmpty()) out.add(stems.get(i) + " → " + text);
            } else if ("truefalse".equals(q.type)) {
                out.add(s.messages.get("quiz." + text));
            } else {
                out.add(text);
            }
        }
        return String.join("; ", out);
    }

    List<Row> responses(Quiz q) {
        List<Row> rows = new ArrayList<>();
        for (Attempt a : s.store.attempts(q.id)) {
            List<Cell> cells = s.store.responses(a.id).stream().map(r -> new Cell(r.slot, readable(r), r.fraction)).toList();
            rows.add(new Row(a.id, s.name(a.userId), a.number, a.state, a.grade, cells));
        }
        return rows;
    }

    Statistics statistics(Quiz q) {
        Map<Integer, List<double[]>> bySlot = new LinkedHashMap<>(); // slot -> [score on it, score on the rest]
        Map<Integer, Response> sample = new LinkedHashMap<>();
        int n = 0;
        double sum = 0;
        for (Attempt a : s.store.attempts(q.id)) {
            if (!Attempts.FINISHED.equals(a.state) || a.grade == null) continue;
            List<Response> rs = s.store.responses(a.id).stream().filter(r -> r.mark > 0 && r.fraction != null).toList();
            double total = rs.stream().mapToDouble(r -> r.fraction * r.mark).sum();
            double max = rs.stream().mapToDouble(r -> r.mark).sum();
            n++;
            sum += a.grade;
            for (Response r : rs) {
                sample.putIfAbsent(r.slot, r);
                double rest = max - r.mark <= 0 ? 0 : (total - r.fraction * r.mark) / (max - r.mark);
                bySlot.computeIfAbsent(r.slot, k -> new ArrayList<>()).add(new double[] {r.fraction, rest});
            }
        }
        List<Stat> stats = new ArrayList<>();
        for (var e : bySlot.entrySet()) {
            List<double[]> v = e.getValue();
            double mean = v.stream().mapToDouble(x -> x[0]).average().orElse(0);
            double sd = Math.sqrt(v.stream().mapToDouble(x -> (x[0] - mean) * (x[0] - mean)).sum() / Math.max(1, v.size() - 1));
            Question qu = question(sample.get(e.getKey()).questionId);
            stats.add(new Stat(e.getKey(), qu.name, qu.type, v.size(), round(mean * 100), v.size() > 1 ? round(sd * 100) : null, correlation(v)));
        }
        return new Statistics(n, n == 0 ? null : round(sum / n), stats);
    }

    /** Pearson's correlation of the pairs, in percent; null when either side does not vary (or fewer than two attempts). */
    static Double correlation(List<double[]> v) {
        if (v.size() < 2) return null;
        double mx = v.stream().mapToDouble(x -> x[0]).average().orElse(0);
        double my = v.stream().mapToDouble(x -> x[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] x : v) {
            sxy += (x[0] - mx) * (x[1] - my);
            sxx += (x[0] - mx) * (x[0] - mx);
            syy += (x[1] - my) * (x[1] - my);
        }
        if (sxx < 1e-12 || syy < 1e-12) return null;
        return round(sxy / Math.sqrt(sxx * syy) * 100);
    }

    static Double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** A bar chart of facility (blue) and discrimination (green) per question; numbers only, so nothing in it needs escaping. */
    static String chart(Statistics st) {
        int w = 60 + st.questions().size() * 50;
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"240\" viewBox=\"0 0 %d 240\">", w, w));
        b.append("<line x1=\"40\" y1=\"210\" x2=\"").append(w - 10).append("\" y2=\"210\" stroke=\"#555\"/><line x1=\"40\" y1=\"10\" x2=\"40\" y2=\"210\" stroke=\"#555\"/>");
        for (int p = 0; p <= 100; p += 50) {
            b.append(String.format(Locale.ROOT, "<text x=\"34\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%d%%</text>", 214 - p * 2, p));
        }
        int x = 50;
        for (Stat q : st.questions()) {
            double f = q.facility() == null ? 0 : Math.max(0, q.facility());
            double d = q.discrimination() == null ? 0 : Math.max(0, q.discrimination());
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"18\" height=\"%.1f\" fill=\"#0d6efd\"><title>facility %.2f%%</title></rect>", x, 210 - f * 2, f * 2, f));
            b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"18\" height=\"%.1f\" fill=\"#198754\"><title>discrimination %.2f%%</title></rect>", x + 20, 210 - d * 2, d * 2, d));
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"228\" font-size=\"11\" text-anchor=\"middle\">Q%d</text>", x + 19, q.slot()));
            x += 50;
        }
        return b.append("</svg>").toString();
    }
}
