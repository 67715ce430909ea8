package eu.somep.quiz;

import eu.somep.api.web.Problem;
import eu.somep.quiz.exchange.Exported;
import eu.somep.quiz.exchange.Gift;
import eu.somep.quiz.exchange.MoodleXml;
import eu.somep.quiz.exchange.Parsed;
import eu.somep.quiz.internal.Category;
import eu.somep.quiz.internal.Question;
import eu.somep.quiz.internal.QuizStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Import and export of a category's questions in GIFT and Moodle XML; every imported question passes the same checks as one typed in. */
public final class Exchange {
    static final int MAX_CHARS = 2_000_000;
    static final int MAX_QUESTIONS = 2000;

    /** One question of an import: imported (with its id) or skipped, and why. */
    public record Item(String where, String name, String type, boolean imported, String reason, Long questionId) {
    }

    public record Report(int imported, int skipped, List<Item> items) {
    }

    private final QuizApi api;
    private final QuizService s;

    Exchange(QuizApi api) {
        this.api = api;
        this.s = api.s;
    }

    Report read(Category target, String format, String body) {
        if (body == null || body.isBlank()) throw api.invalid(List.of("quiz.import.empty"));
        if (body.length() > MAX_CHARS) throw api.invalid(List.of("quiz.import.toolarge"));
        List<Parsed> parsed;
        if ("gift".equals(format)) {
            parsed = Gift.read(body);
        } else if ("xml".equals(format)) {
            try {
                parsed = MoodleXml.read(body);
            } catch (MoodleXml.Refused e) {
                throw new Problem(422, "Invalid input", s.messages.get(e.getMessage()) + " (" + e.detail + ")");
            }
        } else {
            throw api.invalid(List.of("quiz.import.format"));
        }
        if (parsed.isEmpty()) throw api.invalid(List.of("quiz.import.none"));
        if (parsed.size() > MAX_QUESTIONS) throw api.invalid(List.of("quiz.import.toolarge"));
        Map<String, Long> categories = new HashMap<>();
        for (Category c : s.store.categories(target.courseId)) categories.putIfAbsent(c.name, c.id);
        List<Item> items = new ArrayList<>();
        int imported = 0;
        for (Parsed p : parsed) {
            if (!p.ok()) {
                items.add(new Item(p.where(), p.name(), p.type(), false, reason(p.error()), null));
                continue;
            }
            QuizApi.NewQuestion n = new QuizApi.NewQuestion(p.type(), p.name().length() > 255 ? p.name().substring(0, 255) : p.name(), p.text(),
                    !"false".equals(p.options().get("single")), !"false".equals(p.options().get("shuffle")), "true".equals(p.options().get("case")),
                    p.answers().stream().map(a -> new QuizApi.AnswerIn(a.text(), a.fraction(), a.feedback(), a.tolerance(), a.match())).toList(), p.generalFeedback());
            try {
                long cat = p.category() == null ? target.id
                        : categories.computeIfAbsent(p.category().length() > 255 ? p.category().substring(0, 255) : p.category(), name -> s.store.saveCategory(target.courseId, name).id);
                Question q = api.saveQuestion(null, cat, n);
                items.add(new Item(p.where(), p.name(), p.type(), true, "", q.id));
                imported++;
            } catch (Problem e) {
                items.add(new Item(p.where(), p.name(), p.type(), false, e.getMessage(), null));
            }
        }
        return new Report(imported, items.size() - imported, items);
    }

    private String reason(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? s.messages.get(key) : s.messages.get(key.substring(0, colon)) + " " + key.substring(colon + 1);
    }

    static Exported exported(Category c, Question q) {
        QuizStore.decodeOptions(q.options);
        return new Exported(c.name, q.type, q.name, q.text, QuizStore.decodeOptions(q.options), QuizStore.decodeAnswers(q.answers), q.generalFeedback);
    }

    String write(Category c, String format) {
        List<Exported> qs = s.store.questions(c.id).stream().map(q -> exported(c, q)).toList();
        if ("xml".equals(format)) return MoodleXml.write(qs);
        if (!"gift".equals(format)) throw api.invalid(List.of("quiz.import.format"));
        return "// " + c.name + "\n$CATEGORY: " + c.name.replace("/", "-") + "\n\n" + qs.stream().map(Gift::write).collect(Collectors.joining("\n"));
    }
}
