package eu.somep.quiz;

import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.quiz.internal.Attempt;
import eu.somep.quiz.internal.Category;
import eu.somep.quiz.internal.Question;
import eu.somep.quiz.internal.Quiz;
import eu.somep.quiz.internal.QuizStore;
import eu.somep.quiz.internal.Response;
import eu.somep.quiz.internal.Slot;
import eu.somep.quiz.spi.QuestionType;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The quiz REST API under {@code /api/quiz}; the pages call the same methods. */
@Component(service = {WebResource.class, QuizApi.class})
@Path("api/quiz")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuizApi implements WebResource {
    final QuizService s;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public QuizApi(@Reference QuizService s) {
        this.s = s;
    }

    public record NewCategory(String name) {
    }

    public record AnswerIn(String text, Double fraction, String feedback, Double tolerance, String match) {
        public AnswerIn(String text, Double fraction, String feedback, Double tolerance) {
            this(text, fraction, feedback, tolerance, null);
        }
    }

    public record NewQuestion(String type, String name, String text, Boolean single, Boolean shuffle, Boolean caseSensitive, List<AnswerIn> answers,
                              String generalFeedback) {
        public NewQuestion(String type, String name, String text, Boolean single, Boolean shuffle, Boolean caseSensitive, List<AnswerIn> answers) {
            this(type, name, text, single, shuffle, caseSensitive, answers, null);
        }
    }

    public record NewSlot(Long questionId, Double mark) {
    }

    public record Save(String response, Integer sequence) {
    }

    /** {@code site}: a site-wide category (course id 0), usable from every course's quizzes. */
    public record CategoryView(long id, long courseId, String name, boolean site) {
        CategoryView(Category c) {
            this(c.id, c.courseId, c.name, c.courseId == QuizService.SITE_BANK);
        }
    }

    public record AnswerView(String text, double fraction, String feedback, double tolerance, String match) {
    }

    public record QuestionView(long id, long familyId, int version, long categoryId, String type, String name, String text, Map<String, String> options, List<AnswerView> answers,
                               String generalFeedback) {
    }

    public record SlotView(int slot, double mark, QuestionView question) {
    }

    public record QuizView(long id, long activityId, String name, String intro, Instant openAt, Instant closeAt, int timeLimit, int attempts, String grading,
                           double passGrade, double maxGrade, int questions, String overdue, int grace, int perPage, String navigation, boolean shuffle) {
    }

    public record AttemptView(long id, long quizId, long userId, String username, int number, String state, Instant startedAt, Instant deadline,
                              Instant finishedAt, Double grade, double maxGrade) {
    }

    public record Choice(int index, String text) {
    }

    /**
     * A question in an attempt: what to show, what was answered; after finishing also the result, as far as the review
     * options allow ({@code graded} false: a description; {@code manual}: graded by a person, {@code fraction} null until then).
     */
    public record Item(int slot, double mark, long questionId, String type, String input, String text, List<Choice> choices, List<String> stems,
                       String response, int sequence, Double fraction, String feedback, String rightAnswer, String generalFeedback, boolean graded, boolean manual) {
    }

    /**
     * {@code overall}: the quiz's feedback for the grade band reached; {@code review}: what the viewer may see of a closed
     * attempt. An open attempt shows one {@code page} (from 1) of {@code pages}; a closed one every question ({@code page} 0).
     * {@code navigation}: free (any page) or sequential (forward only).
     */
    public record AttemptPage(AttemptView attempt, List<Item> items, String overall, Review review, Instant now, int page, int pages, String navigation) {
    }

    public record Move(Integer page) {
    }

    /** What of a closed attempt its viewer may see: the responses, the marks, the feedback and the right answers. */
    public record Review(boolean responses, boolean marks, boolean feedback, boolean answers) {
        static final Review ALL = new Review(true, true, true, true);
    }

    public record QuizPage(QuizView quiz, List<AttemptView> attempts, Double grade, boolean canAttempt, boolean canManage, boolean canReports, String state) {
    }

    // ---- views

    QuestionView view(Question q) {
        List<AnswerView> as = QuizStore.decodeAnswers(q.answers).stream().map(a -> new AnswerView(a.text(), a.fraction(), a.feedback(), a.tolerance(), a.match())).toList();
        return new QuestionView(q.id, q.familyId, q.version, q.categoryId, q.type, q.name, q.text, QuizStore.decodeOptions(q.options), as, q.generalFeedback);
    }

    QuizView view(Quiz q) {
        ActivityInstance a = s.activity(q);
        return new QuizView(q.id, a.activityId(), a.name(), q.intro, q.openAt, q.closeAt, q.timeLimit, q.attempts, q.grading, q.passGrade, q.maxGrade,
                s.store.slots(q.id).size(), q.overdue, q.grace, q.perPage, q.navigation, q.shuffle);
    }

    AttemptView view(Attempt a, Quiz q) {
        return view(a, q, true);
    }

    AttemptView view(Attempt a, Quiz q, boolean marks) {
        return new AttemptView(a.id, a.quizId, a.userId, s.name(a.userId), a.number, a.state, a.startedAt, a.deadline, a.finishedAt, marks ? a.grade : null, q.maxGrade);
    }

    /** Everything for those who see reports; for the trainee, what the quiz's review options allow now. */
    Review review(Attempt a, Quiz q) {
        if (s.user.userId().orElse(-1L) != a.userId || s.access.can(QuizService.REPORTS, s.context(q))) return Review.ALL;
        boolean closed = q.closeAt != null && !s.now().isBefore(q.closeAt);
        return new Review(allowed(q.reviewResponses, closed), allowed(q.reviewMarks, closed), allowed(q.reviewFeedback, closed), allowed(q.reviewAnswers, closed));
    }

    static boolean allowed(String when, boolean closed) {
        return "after".equals(when) || "closed".equals(when) && closed;
    }

    /** The overall feedback of the highest band ("percent | text" lines) the grade reaches. */
    static String overall(Quiz q, Double grade) {
        if (grade == null || q.feedback == null || q.feedback.isBlank()) return "";
        double pct = grade / q.maxGrade * 100;
        double best = -1;
        String text = "";
        for (String line : q.feedback.split("\r?\n")) {
            int bar = line.indexOf('|');
            if (bar < 0) continue;
            try {
                double min = Double.parseDouble(line.substring(0, bar).trim());
                if (pct + 1e-9 >= min && min > best) {
                    best = min;
                    text = line.substring(bar + 1).trim();
                }
            } catch (NumberFormatException e) {
                // checked when saved
            }
        }
        return text;
    }

    // ---- bank

    /** The course's categories, then the site-wide ones (which its quizzes may use too). */
    @GET
    @Path("courses/{id}/categories")
    @ContextCapability(QuizService.QUESTIONS)
    public List<CategoryView> categories(@PathParam("id") long courseId) {
        s.courseContext(courseId);
        List<CategoryView> out = new ArrayList<>(s.store.categories(courseId).stream().map(CategoryView::new).toList());
        out.addAll(s.store.categories(QuizService.SITE_BANK).stream().map(CategoryView::new).toList());
        return out;
    }

    @POST
    @Path("courses/{id}/categories")
    @ContextCapability(QuizService.QUESTIONS)
    public jakarta.ws.rs.core.Response addCategory(@PathParam("id") long courseId, NewCategory n) {
        s.courseContext(courseId);
        return jakarta.ws.rs.core.Response.status(201).entity(newCategory(courseId, n)).build();
    }

    private CategoryView newCategory(long courseId, NewCategory n) {
        if (n == null || n.name() == null || n.name().isBlank() || n.name().length() > 255) throw invalid(List.of("quiz.error.name"));
        return new CategoryView(s.store.saveCategory(courseId, n.name().trim()));
    }

    /** The site-wide categories, for those who manage the site's bank. */
    @GET
    @Path("site/categories")
    @ContextCapability(QuizService.SITEBANK)
    public List<CategoryView> siteCategories() {
        s.requireSiteBank();
        return s.store.categories(QuizService.SITE_BANK).stream().map(CategoryView::new).toList();
    }

    @POST
    @Path("site/categories")
    @ContextCapability(QuizService.SITEBANK)
    public jakarta.ws.rs.core.Response addSiteCategory(NewCategory n) {
        s.requireSiteBank();
        return jakarta.ws.rs.core.Response.status(201).entity(newCategory(QuizService.SITE_BANK, n)).build();
    }

    /** A category's questions; a site-wide category's also for those who manage the bank of {@code course}. */
    @GET
    @Path("categories/{id}/questions")
    @ContextCapability({QuizService.QUESTIONS, QuizService.SITEBANK})
    public List<QuestionView> questions(@PathParam("id") long categoryId, @QueryParam("course") Long course) {
        return s.store.questions(s.category(categoryId, course).id).stream().map(this::view).toList();
    }

    @POST
    @Path("categories/{id}/questions")
    @ContextCapability({QuizService.QUESTIONS, QuizService.SITEBANK})
    public jakarta.ws.rs.core.Response addQuestion(@PathParam("id") long categoryId, NewQuestion n) {
        Category c = s.category(categoryId);
        Question q = saveQuestion(null, c.id, n);
        return jakarta.ws.rs.core.Response.status(201).entity(view(q)).build();
    }

    @GET
    @Path("questions/{id}")
    @ContextCapability({QuizService.QUESTIONS, QuizService.SITEBANK})
    public QuestionView question(@PathParam("id") long id, @QueryParam("course") Long course) {
        return view(s.question(id, course));
    }

    /** Editing saves a new version; attempts that used an older one keep it. */
    @PUT
    @Path("questions/{id}")
    @ContextCapability({QuizService.QUESTIONS, QuizService.SITEBANK})
    public QuestionView editQuestion(@PathParam("id") long id, NewQuestion n) {
        Question old = s.question(id);
        Question latest = s.store.latest(old.familyId).orElse(old);
        return view(saveQuestion(latest, old.categoryId, n));
    }

    Question saveQuestion(Question previous, long categoryId, NewQuestion n) {
        if (n == null) throw Problem.badRequest("Send a JSON object with type, name, text and answers.");
        List<String> bad = new ArrayList<>();
        String type = n.type() == null ? "" : n.type().trim();
        QuestionType t = s.type(type);
        if (n.name() == null || n.name().isBlank() || n.name().length() > 255) bad.add("quiz.error.name");
        if (n.text() == null || n.text().isBlank() || n.text().length() > 20000) bad.add("quiz.error.text");
        Map<String, String> options = new LinkedHashMap<>();
        options.put("single", String.valueOf(n.single() == null || n.single()));
        options.put("shuffle", String.valueOf(n.shuffle() == null || n.shuffle()));
        options.put("case", String.valueOf(n.caseSensitive() != null && n.caseSensitive()));
        List<QuestionType.Answer> answers = new ArrayList<>();
        if ("truefalse".equals(type) && n.answers() != null && n.answers().size() == 1) {
            // a true/false question may give just the right answer: "true" or "false"
            boolean right = "true".equalsIgnoreCase(Objects.toString(n.answers().get(0).text(), "").trim());
            String fb = Objects.toString(n.answers().get(0).feedback(), "");
            answers.add(new QuestionType.Answer("true", right ? 1 : 0, right ? fb : "", 0));
            answers.add(new QuestionType.Answer("false", right ? 0 : 1, right ? "" : fb, 0));
        } else if (n.answers() != null) {
            boolean matching = "matching".equals(type);
            for (AnswerIn a : n.answers()) {
                String match = a == null ? "" : Objects.toString(a.match(), "").trim();
                // a matching question's extra wrong choices have a match and no text
                boolean blankOk = matching && !match.isEmpty();
                if (a == null || a.text() == null && !blankOk || a.text() != null && (a.text().isBlank() && !blankOk || a.text().length() > 2000) || match.length() > 2000) {
                    bad.add("quiz.error.answer");
                    continue;
                }
                double f = a.fraction() == null ? 0 : a.fraction();
                double tol = a.tolerance() == null ? 0 : a.tolerance();
                if (Double.isNaN(f) || Double.isNaN(tol) || Double.isInfinite(f) || Double.isInfinite(tol)) bad.add("quiz.error.fraction");
                answers.add(new QuestionType.Answer(Objects.toString(a.text(), "").trim(), f, Objects.toString(a.feedback(), "").trim(), tol, match));
            }
        }
        if (answers.size() > 50) bad.add("quiz.error.answer");
        if (bad.isEmpty()) bad.addAll(t.validate(new QuestionType.Question(n.text(), options, answers)));
        String general = Objects.toString(n.generalFeedback(), "").trim();
        if (general.length() > 20000) bad.add("quiz.error.text");
        if (!bad.isEmpty()) throw invalid(bad);
        return s.store.saveQuestion(previous, categoryId, type, n.name().trim(), n.text(), options, answers, general);
    }

    /** Imports GIFT ({@code format=gift}) or Moodle XML ({@code format=xml}) into the category; answers what was imported and what was skipped, and why. */
    @POST
    @Path("categories/{id}/import")
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML, MediaType.TEXT_XML, MediaType.APPLICATION_OCTET_STREAM})
    @ContextCapability({QuizService.QUESTIONS, QuizService.SITEBANK})
    public Exchange.Report importQuestions(@PathParam("id") long categoryId, @QueryParam("format") String format, String body) {
        return new Exchange(this).read(s.category(categoryId), format, body);
    }

    /** The category's questions (latest versions) as GIFT or Moodle XML. */
    @GET
    @Path("categories/{id}/export")
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML})
    @ContextCapability({QuizService.QUESTIONS, QuizService.SITEBANK})
    public jakarta.ws.rs.core.Response exportQuestions(@PathParam("id") long categoryId, @QueryParam("format") String format, @QueryParam("course") Long course) {
        Category c = s.category(categoryId, course);
        String f = format == null ? "gift" : format;
        String body = new Exchange(this).write(c, f);
        String type = "xml".equals(f) ? "application/xml; charset=UTF-8" : "text/plain; charset=UTF-8";
        return jakarta.ws.rs.core.Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"questions-" + c.id + ("xml".equals(f) ? ".xml" : ".gift.txt") + "\"").build();
    }

    // ---- quizzes

    @GET
    @Path("quizzes/{id}")
    @ContextCapability(QuizService.VIEW)
    public QuizPage quiz(@PathParam("id") long id) {
        Quiz q = s.quiz(id);
        long ctx = s.context(q);
        List<Attempt> own = s.user.userId().map(u -> s.store.attempts(q.id, u).stream().map(a -> s.attempts.settle(a, q)).toList()).orElse(List.of());
        Review review = own.isEmpty() ? Review.ALL : review(own.get(0), q);
        List<AttemptView> mine = own.stream().map(a -> view(a, q, review.marks())).toList();
        Double grade = review.marks() ? finalGrade(q, own) : null;
        Instant now = s.now();
        String state = q.openAt != null && now.isBefore(q.openAt) ? "notopen" : q.closeAt != null && !now.isBefore(q.closeAt) ? "closed" : "open";
        return new QuizPage(view(q), mine, grade, s.access.can(QuizService.ATTEMPT, ctx), s.access.can(QuizService.MANAGE, ctx), s.access.can(QuizService.REPORTS, ctx), state);
    }

    @GET
    @Path("quizzes/{id}/questions")
    @ContextCapability(QuizService.MANAGE)
    public List<SlotView> slots(@PathParam("id") long id) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.MANAGE, s.context(q));
        List<SlotView> out = new ArrayList<>();
        for (Slot sl : s.store.slots(q.id)) s.store.latest(sl.familyId).ifPresent(qu -> out.add(new SlotView(sl.slot, sl.mark, view(qu))));
        return out;
    }

    /** Adds a question of the course's bank to the quiz. */
    @POST
    @Path("quizzes/{id}/questions")
    @ContextCapability(QuizService.MANAGE)
    public jakarta.ws.rs.core.Response addSlot(@PathParam("id") long id, NewSlot n) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.MANAGE, s.context(q));
        if (n == null || n.questionId() == null) throw invalid(List.of("quiz.error.question"));
        Question question = s.store.question(n.questionId()).orElseThrow(() -> invalid(List.of("quiz.error.question")));
        Category c = s.store.category(question.categoryId).orElseThrow();
        if (c.courseId == QuizService.SITE_BANK) {
            // a site-wide question: for those who manage the bank of the quiz's course
            if (!s.access.can(QuizService.QUESTIONS, s.access.findContext(eu.somep.api.security.AccessControl.COURSE, s.activity(q).courseId()).orElseThrow(s::notFound))) {
                throw invalid(List.of("quiz.error.question"));
            }
        } else if (c.courseId != s.activity(q).courseId()) {
            throw invalid(List.of("quiz.error.question"));
        }
        double mark = n.mark() == null ? 1 : n.mark();
        if (!(mark > 0 && mark <= 1000)) throw invalid(List.of("quiz.error.mark"));
        Slot sl = s.store.addSlot(q.id, question.familyId, mark);
        return jakarta.ws.rs.core.Response.status(201).entity(Map.of("slot", sl.slot)).build();
    }

    @DELETE
    @Path("quizzes/{id}/questions/{slot}")
    @ContextCapability(QuizService.MANAGE)
    public jakarta.ws.rs.core.Response removeSlot(@PathParam("id") long id, @PathParam("slot") int slot) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.MANAGE, s.context(q));
        s.store.removeSlot(q.id, slot);
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    // ---- attempts

    /** Starts an attempt, or resumes the caller's unfinished one (200 then, 201 for a new one). */
    @POST
    @Path("quizzes/{id}/attempts")
    @ContextCapability(QuizService.ATTEMPT)
    public jakarta.ws.rs.core.Response start(@PathParam("id") long id) {
        long me = s.me();
        Quiz q = s.quiz(id);
        s.access.require(QuizService.ATTEMPT, s.attemptContext(q)); // remembered: 500 trainees may start at once
        List<Attempt> mine = s.store.attempts(q.id, me);
        for (Attempt a : mine) {
            if (Attempts.open(s.attempts.settle(a, q))) return jakarta.ws.rs.core.Response.ok(page(s.store.attempt(a.id).orElseThrow(), q)).build();
        }
        Instant now = s.now();
        if (q.openAt != null && now.isBefore(q.openAt)) throw new Problem(409, "Conflict", s.messages.get("quiz.error.notopen"));
        if (q.closeAt != null && !now.isBefore(q.closeAt)) throw new Problem(409, "Conflict", s.messages.get("quiz.error.closed"));
        if (q.attempts > 0 && mine.size() >= q.attempts) throw new Problem(409, "Conflict", s.messages.get("quiz.error.noattempts"));
        List<QuizStore.SlotQuestion> slots = s.store.slotsWithLatest(q.id);
        if (slots.isEmpty()) throw new Problem(409, "Conflict", s.messages.get("quiz.error.empty"));
        List<Response> rs = new ArrayList<>();
        for (QuizStore.SlotQuestion sq : slots) {
            Slot sl = sq.slot();
            Question qu = sq.question();
            Response r = new Response();
            r.slot = sl.slot;
            r.questionId = qu.id;
            QuestionType t = s.type(qu.type);
            r.mark = t.graded() ? sl.mark : 0;
            r.state = t.start(QuizStore.data(qu), random);
            rs.add(r);
        }
        Instant deadline = q.closeAt;
        if (q.timeLimit > 0) {
            Instant limit = now.plusSeconds(q.timeLimit);
            if (deadline == null || limit.isBefore(deadline)) deadline = limit;
        }
        String layout = Layout.start(rs.stream().map(r -> r.slot).toList(), q.perPage, q.shuffle, random).stored();
        Attempt a;
        try {
            a = s.store.startAttempt(q.id, me, mine.size() + 1, now, deadline, layout, rs);
        } catch (RuntimeException e) {
            // a simultaneous start took the number: resume that one
            a = s.store.attempts(q.id, me).stream().filter(Attempts::open).findFirst().orElseThrow(() -> e);
            return jakarta.ws.rs.core.Response.ok(page(a, q)).build();
        }
        // the responses just stored, not read back: nothing else can have changed a brand-new attempt yet
        return jakarta.ws.rs.core.Response.status(201).entity(page(a, q, null, rs)).build();
    }

    static boolean sequential(Quiz q) {
        return "sequential".equals(q.navigation);
    }

    AttemptPage page(Attempt a, Quiz q) {
        return page(a, q, null);
    }

    /**
     * An attempt as its viewer may see it: an open one at the page asked for ({@code wanted}, null: the page it is on;
     * sequential navigation allows only that one), a closed one whole; in the attempt's own order either way.
     */
    AttemptPage page(Attempt a, Quiz q, Integer wanted) {
        return page(a, q, wanted, s.store.responses(a.id));
    }

    private AttemptPage page(Attempt a, Quiz q, Integer wanted, List<Response> responses) {
        boolean closed = !Attempts.open(a);
        Review rv = closed ? review(a, q) : Review.ALL;
        Map<Integer, Response> bySlot = new LinkedHashMap<>();
        for (Response r : responses) bySlot.put(r.slot, r);
        Layout layout = Layout.of(a.layout, List.copyOf(bySlot.keySet()));
        int current = Math.min(Math.max(1, a.currentPage), layout.count());
        int page = 0;
        List<Integer> shown = layout.order();
        if (!closed) {
            page = wanted == null ? current : wanted;
            if (page < 1 || page > layout.count()) throw invalid(List.of("quiz.error.page"));
            if (sequential(q) && page != current) throw new Problem(409, "Conflict", s.messages.get("quiz.error.sequential"));
            shown = layout.pages().get(page - 1);
        }
        List<Item> items = new ArrayList<>();
        for (int slot : shown) {
            Response r = bySlot.get(slot);
            if (r == null) continue;
            Question qu = s.version(r.questionId);
            QuestionType t = s.type(qu.type);
            QuestionType.Question d = QuizStore.data(qu);
            List<Choice> choices = t.order(d, r.state).stream().map(i -> new Choice(i, t.choice(d, i))).toList();
            items.add(new Item(r.slot, r.mark, qu.id, qu.type, t.input(d), qu.text, choices, t.stems(d), rv.responses() ? r.response : null, r.seq,
                    closed && rv.marks() ? r.fraction : null, closed && rv.feedback() ? r.feedback : null, closed && rv.answers() ? t.rightAnswer(d) : null,
                    closed && rv.feedback() ? qu.generalFeedback : null, t.graded(), t.manual()));
        }
        return new AttemptPage(view(a, q, rv.marks()), items, closed && rv.feedback() && rv.marks() ? overall(q, a.grade) : "", rv, s.now(), page, layout.count(),
                q.navigation);
    }

    @GET
    @Path("attempts/{id}")
    @ContextCapability({QuizService.VIEW, QuizService.REPORTS})
    public AttemptPage attempt(@PathParam("id") long id, @QueryParam("page") Integer page) {
        Attempt a = s.attempt(id);
        Quiz q = s.store.quiz(a.quizId).orElseThrow();
        return page(s.attempts.settle(a, q), q, page);
    }

    AttemptPage attempt(long id) {
        return attempt(id, null);
    }

    /**
     * Moves an attempt in progress to another page. Free navigation: any page. Sequential: only the next one (staying is
     * allowed); going back or skipping ahead is a 409, and two racing moves move it once.
     */
    @POST
    @Path("attempts/{id}/page")
    @ContextCapability(QuizService.ATTEMPT)
    public AttemptPage move(@PathParam("id") long id, Move body) {
        long me = s.me();
        Attempt a = s.attempt(id);
        if (a.userId != me) throw s.notFound();
        if (body == null || body.page() == null) throw Problem.badRequest("Send a JSON object with page.");
        Quiz q = s.store.quiz(a.quizId).orElseThrow();
        a = s.attempts.settle(a, q);
        if (!Attempts.IN_PROGRESS.equals(a.state)) throw closedProblem(a);
        int pages = Layout.of(a.layout, s.store.responses(a.id).stream().map(r -> r.slot).toList()).count();
        int to = body.page();
        if (to < 1 || to > pages) throw invalid(List.of("quiz.error.page"));
        if (sequential(q)) {
            if (to != a.currentPage && to != a.currentPage + 1) throw new Problem(409, "Conflict", s.messages.get("quiz.error.sequential"));
            if (to != a.currentPage && !s.store.movePage(a.id, a.currentPage, to)) throw new Problem(409, "Conflict", s.messages.get("quiz.error.sequential"));
        } else {
            s.store.movePage(a.id, null, to);
        }
        return page(s.store.attempt(a.id).orElseThrow(), q, to);
    }

    Problem closedProblem(Attempt a) {
        return new Problem(409, "Conflict", s.messages.get(Attempts.OVERDUE.equals(a.state) ? "quiz.error.overdue" : "quiz.error." + a.state));
    }

    /** Saves the answer to one question (autosave). {@code sequence} is the sequence the client last saw; a stale or replayed one is a 409. */
    @PUT
    @Path("attempts/{id}/answers/{slot}")
    @ContextCapability(QuizService.ATTEMPT)
    public Map<String, Object> save(@PathParam("id") long id, @PathParam("slot") int slot, Save body) {
        long me = s.me();
        if (body == null || body.sequence() == null) throw Problem.badRequest("Send a JSON object with response and sequence.");
        if (body.response() != null && body.response().length() > 5000) throw invalid(List.of("quiz.error.answer"));
        // the hot path: one read (attempt and quiz), the context from memory, one conditional update
        Object[] aq = s.store.attemptAndQuiz(id).orElseThrow(s::notFound);
        Attempt a = (Attempt) aq[0];
        Quiz q = (Quiz) aq[1];
        if (a.userId != me || !s.access.can(QuizService.ATTEMPT, s.attemptContext(q))) throw s.notFound();
        a = s.attempts.settle(a, q);
        if (!Attempts.IN_PROGRESS.equals(a.state)) throw closedProblem(a);
        Integer page = null;
        if (sequential(q) && a.layout != null) {
            page = a.currentPage;
            int on = Layout.of(a.layout, List.of()).pageOf(slot);
            if (on != 0 && on != page) throw new Problem(409, "Conflict", s.messages.get("quiz.error.notonpage"));
        }
        if (s.store.saveResponse(a.id, slot, body.sequence(), body.response(), s.now(), page)) return Map.of("slot", slot, "sequence", body.sequence() + 1);
        // refused: find out why, for a clear answer (the slow path, only on failure)
        Response target = s.store.responses(a.id).stream().filter(r -> r.slot == slot).findFirst().orElseThrow(s::notFound);
        if (target.mark <= 0) throw invalid(List.of("quiz.error.noanswer"));
        Attempt now = s.store.attempt(a.id).orElseThrow(s::notFound);
        if (!Attempts.IN_PROGRESS.equals(now.state)) throw closedProblem(now);
        if (page != null && now.currentPage != page) throw new Problem(409, "Conflict", s.messages.get("quiz.error.notonpage"));
        throw new Problem(409, "Conflict", s.messages.get("quiz.error.stale"));
    }

    /** Finishes and grades an attempt; a second finish (even a simultaneous one) changes nothing and answers the same result. */
    @POST
    @Path("attempts/{id}/finish")
    @ContextCapability(QuizService.ATTEMPT)
    public AttemptPage finish(@PathParam("id") long id) {
        long me = s.me();
        Attempt a = s.attempt(id);
        if (a.userId != me) throw s.notFound();
        Quiz q = s.store.quiz(a.quizId).orElseThrow();
        a = s.attempts.settle(a, q);
        if (Attempts.ABANDONED.equals(a.state)) throw new Problem(409, "Conflict", s.messages.get("quiz.error.abandoned"));
        if (Attempts.open(a)) s.attempts.finish(a, q, s.now());
        return page(s.store.attempt(a.id).orElseThrow(), q);
    }

    static Double finalGrade(Quiz q, List<Attempt> attempts) {
        return Attempts.finalGrade(q, attempts);
    }

    // ---- grading by hand, regrading

    public record ManualGrade(Double mark, String comment) {
    }

    public record ToGrade(long attemptId, String username, int number, int slot, String question, String text, String response, double mark) {
    }

    /** Responses waiting for a person's grade (essays of finished attempts). */
    @GET
    @Path("quizzes/{id}/grading")
    @ContextCapability(QuizService.GRADE)
    public List<ToGrade> toGrade(@PathParam("id") long id) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.GRADE, s.context(q));
        List<ToGrade> out = new ArrayList<>();
        for (Response r : s.store.toGrade(q.id)) {
            Attempt a = s.store.attempt(r.attemptId).orElseThrow();
            Question qu = s.store.question(r.questionId).orElseThrow();
            out.add(new ToGrade(a.id, s.name(a.userId), a.number, r.slot, qu.name, qu.text, r.response, r.mark));
        }
        return out;
    }

    /** A person's mark (0 to the slot's mark) and comment for one response of a finished attempt; the attempt's grade and the gradebook follow. */
    @PUT
    @Path("attempts/{id}/grades/{slot}")
    @ContextCapability(QuizService.GRADE)
    public AttemptPage gradeResponse(@PathParam("id") long id, @PathParam("slot") int slot, ManualGrade g) {
        Attempt a = s.attempt(id);
        Quiz q = s.store.quiz(a.quizId).orElseThrow();
        s.access.require(QuizService.GRADE, s.context(q));
        Response r = s.store.responses(a.id).stream().filter(x -> x.slot == slot).findFirst().orElseThrow(s::notFound);
        if (r.mark <= 0) throw invalid(List.of("quiz.error.noanswer"));
        if (g == null || g.mark() == null || g.mark().isNaN() || g.mark() < 0 || g.mark() > r.mark) throw invalid(List.of("quiz.error.manualmark"));
        String comment = Objects.toString(g.comment(), "").trim();
        if (comment.length() > 5000) throw invalid(List.of("quiz.error.comment"));
        if (!s.store.grade(a.id, slot, g.mark() / r.mark, comment, rs -> Attempts.total(q, rs))) {
            throw new Problem(409, "Conflict", s.messages.get("quiz.error.notfinished"));
        }
        s.attempts.report(q, a.userId);
        return page(s.store.attempt(a.id).orElseThrow(), q);
    }

    /** Regrades the quiz's finished attempts (after a question was corrected); answers how many marks changed. */
    @POST
    @Path("quizzes/{id}/regrade")
    @ContextCapability(QuizService.MANAGE)
    public Map<String, Object> regrade(@PathParam("id") long id) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.MANAGE, s.context(q));
        return Map.of("changed", s.attempts.regrade(q));
    }

    // ---- reports

    @GET
    @Path("quizzes/{id}/attempts")
    @ContextCapability(QuizService.REPORTS)
    public List<AttemptView> attempts(@PathParam("id") long id) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.REPORTS, s.context(q));
        return s.store.attempts(q.id).stream().map(a -> view(a, q)).toList();
    }

    @GET
    @Path("quizzes/{id}/attempts.csv")
    @Produces("text/csv")
    @ContextCapability(QuizService.REPORTS)
    public jakarta.ws.rs.core.Response attemptsCsv(@PathParam("id") long id) {
        StringBuilder b = new StringBuilder("username,attempt,state,started,finished,grade,max\n");
        for (AttemptView a : attempts(id)) {
            b.append(csv(a.username())).append(',').append(a.number()).append(',').append(a.state()).append(',').append(a.startedAt()).append(',')
                    .append(a.finishedAt() == null ? "" : a.finishedAt()).append(',').append(a.grade() == null ? "" : a.grade()).append(',').append(a.maxGrade()).append('\n');
        }
        return jakarta.ws.rs.core.Response.ok(b.toString(), "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"quiz-" + id + "-attempts.csv\"").build();
    }

    /** Every attempt with each response as a person reads it and its score. */
    @GET
    @Path("quizzes/{id}/responses")
    @ContextCapability(QuizService.REPORTS)
    public List<Reports.Row> responses(@PathParam("id") long id) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.REPORTS, s.context(q));
        return new Reports(s).responses(q);
    }

    @GET
    @Path("quizzes/{id}/responses.csv")
    @Produces("text/csv")
    @ContextCapability(QuizService.REPORTS)
    public jakarta.ws.rs.core.Response responsesCsv(@PathParam("id") long id) {
        List<Reports.Row> rows = responses(id);
        int slots = rows.stream().mapToInt(r -> r.cells().size()).max().orElse(0);
        StringBuilder b = new StringBuilder("username,attempt,state,grade");
        for (int i = 1; i <= slots; i++) b.append(",response ").append(i).append(",score ").append(i);
        b.append('\n');
        for (Reports.Row r : rows) {
            b.append(csv(r.username())).append(',').append(r.number()).append(',').append(r.state()).append(',').append(r.grade() == null ? "" : r.grade());
            for (Reports.Cell c : r.cells()) b.append(',').append(csv(c.response())).append(',').append(c.fraction() == null ? "" : c.fraction());
            b.append('\n');
        }
        return csvResponse(b, "quiz-" + id + "-responses.csv");
    }

    /** Facility and discrimination index per question over finished, graded attempts. */
    @GET
    @Path("quizzes/{id}/statistics")
    @ContextCapability(QuizService.REPORTS)
    public Reports.Statistics statistics(@PathParam("id") long id) {
        Quiz q = s.quiz(id);
        s.access.require(QuizService.REPORTS, s.context(q));
        return new Reports(s).statistics(q);
    }

    @GET
    @Path("quizzes/{id}/statistics.csv")
    @Produces("text/csv")
    @ContextCapability(QuizService.REPORTS)
    public jakarta.ws.rs.core.Response statisticsCsv(@PathParam("id") long id) {
        StringBuilder b = new StringBuilder("slot,question,type,attempts,facility,sd,discrimination\n");
        for (Reports.Stat st : statistics(id).questions()) {
            b.append(st.slot()).append(',').append(csv(st.name())).append(',').append(st.type()).append(',').append(st.count()).append(',')
                    .append(st.facility() == null ? "" : st.facility()).append(',').append(st.sd() == null ? "" : st.sd()).append(',')
                    .append(st.discrimination() == null ? "" : st.discrimination()).append('\n');
        }
        return csvResponse(b, "quiz-" + id + "-statistics.csv");
    }

    static jakarta.ws.rs.core.Response csvResponse(StringBuilder b, String name) {
        return jakarta.ws.rs.core.Response.ok(b.toString(), "text/csv; charset=UTF-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    static String csv(String v) {
        String t = v;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) t = "'" + t; // no formulas in spreadsheets
        return t.contains(",") || t.contains("\"") || t.contains("\n") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }

    Problem invalid(List<String> keys) {
        return new Problem(422, "Invalid input", String.join(" ", keys.stream().distinct().map(k -> k.startsWith("quiz.") ? s.messages.get(k) : k).toList()));
    }
}
