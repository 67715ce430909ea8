package eu.somep.quiz;

import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import eu.somep.quiz.internal.Quiz;
import eu.somep.quiz.internal.Slot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The quiz as a course activity. Settings: intro, open and close (ISO date-time, UTC, e.g. 2026-05-01T09:00, or an
 * instant), timelimit (minutes, 0 none), overdue (autosubmit, graceperiod, autoabandon) and grace (minutes),
 * attempts (0 unlimited), grading (highest, average, first, last), passgrade and maxgrade, when a trainee may review
 * responses, marks, feedback and right answers (reviewresponses, reviewmarks, reviewfeedback, reviewanswers: after,
 * closed, never), feedback (overall feedback by grade band, one a line: lowest percentage | text), perpage (questions a
 * page, 0 all on one), navigation (free or sequential) and shuffle (true: each attempt its own question order). Grades go to the course gradebook; reaching the pass grade counts as "passed".
 */
@Component(service = ActivityType.class)
public class QuizType implements ActivityType {
    private final QuizService s;

    @Activate
    public QuizType(@Reference QuizService s) {
        this.s = s;
    }

    @Override public String type() { return "quiz"; }
    @Override public String name(Locale l) { return s.messages.get(l, "quiz.activity.name"); }
    @Override public String description(Locale l) { return s.messages.get(l, "quiz.activity.description"); }
    @Override public String icon() { return "❓"; }
    @Override public Set<String> completions() { return Set.of("passed"); }
    @Override public boolean graded() { return true; }

    @Override
    public List<Setting> settings(Locale l) {
        return List.of(new Setting("intro", s.messages.get(l, "quiz.form.intro"), true, false),
                new Setting("open", s.messages.get(l, "quiz.form.open"), false, false),
                new Setting("close", s.messages.get(l, "quiz.form.close"), false, false),
                new Setting("timelimit", s.messages.get(l, "quiz.form.timelimit"), false, false),
                new Setting("overdue", s.messages.get(l, "quiz.form.overdue"), false, false),
                new Setting("grace", s.messages.get(l, "quiz.form.grace"), false, false),
                new Setting("attempts", s.messages.get(l, "quiz.form.attempts"), false, false),
                new Setting("grading", s.messages.get(l, "quiz.form.grading"), false, false),
                new Setting("passgrade", s.messages.get(l, "quiz.form.passgrade"), false, false),
                new Setting("maxgrade", s.messages.get(l, "quiz.form.maxgrade"), false, false),
                new Setting("reviewresponses", s.messages.get(l, "quiz.form.reviewresponses"), false, false),
                new Setting("reviewmarks", s.messages.get(l, "quiz.form.reviewmarks"), false, false),
                new Setting("reviewfeedback", s.messages.get(l, "quiz.form.reviewfeedback"), false, false),
                new Setting("reviewanswers", s.messages.get(l, "quiz.form.reviewanswers"), false, false),
                new Setting("perpage", s.messages.get(l, "quiz.form.perpage"), false, false),
                new Setting("navigation", s.messages.get(l, "quiz.form.navigation"), false, false),
                new Setting("shuffle", s.messages.get(l, "quiz.form.shuffle"), false, false),
                new Setting("feedback", s.messages.get(l, "quiz.form.feedback"), true, false));
    }

    static Instant instant(String v) {
        if (v == null || v.isBlank()) return null;
        String t = v.trim();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    private static int integer(Map<String, String> m, String k, int dflt) {
        String v = m.getOrDefault(k, "");
        return v.isBlank() ? dflt : Integer.parseInt(v.trim());
    }

    private static double number(Map<String, String> m, String k, double dflt) {
        String v = m.getOrDefault(k, "");
        return v.isBlank() ? dflt : Double.parseDouble(v.trim());
    }

    @Override
    public List<String> validate(Map<String, String> settings, Locale l) {
        List<String> out = new ArrayList<>();
        if (settings.getOrDefault("intro", "").length() > 20000) out.add(s.messages.get(l, "quiz.error.intro"));
        Instant open = null;
        Instant close = null;
        try {
            open = instant(settings.get("open"));
            close = instant(settings.get("close"));
        } catch (DateTimeParseException e) {
            out.add(s.messages.get(l, "quiz.error.date"));
        }
        if (open != null && close != null && !close.isAfter(open)) out.add(s.messages.get(l, "quiz.error.dates"));
        try {
            if (integer(settings, "timelimit", 0) < 0 || integer(settings, "attempts", 0) < 0 || integer(settings, "grace", 0) < 0
                    || integer(settings, "timelimit", 0) > 100_000 || integer(settings, "grace", 0) > 100_000) out.add(s.messages.get(l, "quiz.error.number"));
            int perPage = integer(settings, "perpage", 0);
            if (perPage < 0 || perPage > 1000) out.add(s.messages.get(l, "quiz.error.perpage"));
            double max = number(settings, "maxgrade", 100);
            double pass = number(settings, "passgrade", 0);
            if (!(max > 0 && max <= 10000) || pass < 0 || pass > max) out.add(s.messages.get(l, "quiz.error.grade"));
        } catch (NumberFormatException e) {
            out.add(s.messages.get(l, "quiz.error.number"));
        }
        String g = settings.getOrDefault("grading", "");
        if (!g.isBlank() && !Quiz.GRADING.contains(g.trim())) out.add(s.messages.get(l, "quiz.error.grading"));
        String o = settings.getOrDefault("overdue", "");
        if (!o.isBlank() && !Quiz.OVERDUE.contains(o.trim())) out.add(s.messages.get(l, "quiz.error.overduesetting"));
        for (String k : REVIEW) {
            String w = settings.getOrDefault(k, "");
            if (!w.isBlank() && !Quiz.WHEN.contains(w.trim())) out.add(s.messages.get(l, "quiz.error.review"));
        }
        String n = settings.getOrDefault("navigation", "");
        if (!n.isBlank() && !Quiz.NAVIGATION.contains(n.trim())) out.add(s.messages.get(l, "quiz.error.navigation"));
        if (flag(settings.get("shuffle")) == null) out.add(s.messages.get(l, "quiz.error.shuffle"));
        String fb = settings.getOrDefault("feedback", "");
        if (fb.length() > 20000 || !bands(fb)) out.add(s.messages.get(l, "quiz.error.feedback"));
        return out;
    }

    static final List<String> REVIEW = List.of("reviewresponses", "reviewmarks", "reviewfeedback", "reviewanswers");

    /** Whether every non-blank line is "percentage | text" with a percentage from 0 to 100. */
    static boolean bands(String feedback) {
        for (String line : feedback.split("\\r?\\n")) {
            if (line.isBlank()) continue;
            int bar = line.indexOf('|');
            if (bar < 0 || line.substring(bar + 1).isBlank()) return false;
            try {
                double p = Double.parseDouble(line.substring(0, bar).trim());
                if (!(p >= 0 && p <= 100)) return false;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** A yes/no setting: true, yes, on, 1 or false, no, off, 0 (blank: no); null when it is neither. */
    static Boolean flag(String v) {
        String t = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
        if (List.of("true", "yes", "on", "1").contains(t)) return true;
        if (List.of("", "false", "no", "off", "0").contains(t)) return false;
        return null;
    }

    private static String choice(Map<String, String> m, String k, String dflt) {
        String v = m.getOrDefault(k, "").trim();
        return v.isEmpty() ? dflt : v;
    }

    private static void apply(Quiz q, Map<String, String> m) {
        q.intro = m.getOrDefault("intro", "");
        q.openAt = instant(m.get("open"));
        q.closeAt = instant(m.get("close"));
        q.timeLimit = integer(m, "timelimit", 0) * 60;
        q.attempts = integer(m, "attempts", 0);
        String g = m.getOrDefault("grading", "").trim();
        q.grading = g.isEmpty() ? "highest" : g;
        q.maxGrade = number(m, "maxgrade", 100);
        q.passGrade = number(m, "passgrade", 0);
        q.overdue = choice(m, "overdue", "autosubmit");
        q.grace = integer(m, "grace", 0) * 60;
        q.reviewResponses = choice(m, "reviewresponses", "after");
        q.reviewMarks = choice(m, "reviewmarks", "after");
        q.reviewFeedback = choice(m, "reviewfeedback", "after");
        q.reviewAnswers = choice(m, "reviewanswers", "after");
        q.feedback = m.getOrDefault("feedback", "").trim();
        q.perPage = integer(m, "perpage", 0);
        q.navigation = choice(m, "navigation", "free");
        q.shuffle = Boolean.TRUE.equals(flag(m.get("shuffle")));
    }

    @Override
    public long create(ActivityInstance a, Map<String, String> settings) {
        Quiz q = new Quiz();
        q.activityId = a.activityId();
        apply(q, settings);
        return s.store.saveQuiz(q).id;
    }

    @Override
    public Map<String, String> load(ActivityInstance a) {
        return s.store.quiz(a.instanceId()).map(QuizType::settings).orElse(Map.of());
    }

    static Map<String, String> settings(Quiz q) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("intro", q.intro);
        m.put("open", q.openAt == null ? "" : q.openAt.toString());
        m.put("close", q.closeAt == null ? "" : q.closeAt.toString());
        m.put("timelimit", String.valueOf(q.timeLimit / 60));
        m.put("attempts", String.valueOf(q.attempts));
        m.put("grading", q.grading);
        m.put("passgrade", String.valueOf(q.passGrade));
        m.put("maxgrade", String.valueOf(q.maxGrade));
        m.put("overdue", q.overdue);
        m.put("grace", String.valueOf(q.grace / 60));
        m.put("reviewresponses", q.reviewResponses);
        m.put("reviewmarks", q.reviewMarks);
        m.put("reviewfeedback", q.reviewFeedback);
        m.put("reviewanswers", q.reviewAnswers);
        m.put("feedback", q.feedback);
        m.put("perpage", String.valueOf(q.perPage));
        m.put("navigation", q.navigation);
        m.put("shuffle", String.valueOf(q.shuffle));
        return m;
    }

    @Override
    public void update(ActivityInstance a, Map<String, String> settings) {
        s.store.quiz(a.instanceId()).ifPresent(q -> {
            Map<String, String> m = new LinkedHashMap<>(settings(q));
            m.putAll(settings);
            apply(q, m);
            s.store.saveQuiz(q);
        });
    }

    @Override
    public String link(ActivityInstance a) {
        return "/quiz/" + a.instanceId();
    }

    /** A copy has the settings and the questions (the same bank questions), not the attempts. */
    @Override
    public long duplicate(ActivityInstance source, ActivityInstance copy) {
        Quiz q = s.store.quiz(source.instanceId()).orElseThrow(() -> new IllegalArgumentException("the quiz is gone"));
        Quiz c = new Quiz();
        c.activityId = copy.activityId();
        apply(c, settings(q));
        long id = s.store.saveQuiz(c).id;
        for (Slot sl : s.store.slots(q.id)) s.store.addSlot(id, sl.familyId, sl.mark);
        return id;
    }

    @Override
    public void delete(ActivityInstance a) {
        s.store.deleteQuiz(a.instanceId());
    }

    /** The settings, the questions (Moodle XML, latest versions) and their marks, as properties text. */
    @Override
    public java.util.Optional<String> export(ActivityInstance a) {
        return s.store.quiz(a.instanceId()).map(q -> {
            java.util.Properties p = new java.util.Properties();
            settings(q).forEach((k, v) -> p.setProperty("setting." + k, v == null ? "" : v));
            List<eu.somep.quiz.exchange.Exported> qs = new ArrayList<>();
            int n = 0;
            for (Slot sl : s.store.slots(q.id)) {
                var qu = s.store.latest(sl.familyId).orElse(null);
                if (qu == null) continue;
                var cat = s.store.category(qu.categoryId).orElseThrow();
                qs.add(Exchange.exported(cat, qu));
                p.setProperty("mark." + n++, String.valueOf(sl.mark));
            }
            p.setProperty("questions", eu.somep.quiz.exchange.MoodleXml.write(qs));
            java.io.StringWriter w = new java.io.StringWriter();
            try {
                p.store(w, "SOMEP quiz");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return w.toString();
        });
    }

    /** A quiz from {@link #export}: its questions go to a new category of the course's bank named after the quiz. */
    @Override
    public long restore(ActivityInstance a, java.util.Optional<String> data) {
        java.util.Properties p = new java.util.Properties();
        try {
            if (data.isPresent()) p.load(new java.io.StringReader(data.get()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the quiz data cannot be read");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String k : p.stringPropertyNames()) if (k.startsWith("setting.")) settings.put(k.substring(8), p.getProperty(k));
        if (!validate(settings, Locale.ENGLISH).isEmpty()) throw new IllegalArgumentException(String.join(" ", validate(settings, Locale.ENGLISH)));
        long id = create(a, settings);
        String xml = p.getProperty("questions", "");
        if (xml.isBlank()) return id;
        List<eu.somep.quiz.exchange.Parsed> parsed;
        try {
            parsed = eu.somep.quiz.exchange.MoodleXml.read(xml);
        } catch (eu.somep.quiz.exchange.MoodleXml.Refused e) {
            throw new IllegalArgumentException("the quiz's questions cannot be read");
        }
        long cat = s.store.saveCategory(a.courseId(), a.name().length() > 255 ? a.name().substring(0, 255) : a.name()).id;
        int n = 0;
        for (var q : parsed) {
            String mark = p.getProperty("mark." + n++, "1");
            if (!q.ok() || !s.type(q.type()).validate(new eu.somep.quiz.spi.QuestionType.Question(q.text(), q.options(), q.answers())).isEmpty()) continue;
            var saved = s.store.saveQuestion(null, cat, q.type(), q.name(), q.text(), q.options(), q.answers(), q.generalFeedback());
            double m;
            try {
                m = Double.parseDouble(mark);
            } catch (NumberFormatException e) {
                m = 1;
            }
            s.store.addSlot(id, saved.familyId, m > 0 && m <= 1000 ? m : 1);
        }
        return id;
    }
}
