package eu.somep.quiz;

import eu.somep.api.event.EventBus;
import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.AccessControl;
import eu.somep.api.security.UserContext;
import eu.somep.api.security.UserDirectory;
import eu.somep.api.web.Problem;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.CourseTracker;
import eu.somep.quiz.internal.Attempt;
import eu.somep.quiz.internal.Category;
import eu.somep.quiz.internal.Question;
import eu.somep.quiz.internal.Quiz;
import eu.somep.quiz.internal.QuizStore;
import eu.somep.quiz.internal.Types;
import eu.somep.quiz.spi.QuestionType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The quiz's rules, shared by its pages and API: who may see, attempt, manage and review, in the activity's context. */
@Component(service = QuizService.class)
public class QuizService {
    public static final String VIEW = "quiz:view";
    public static final String ATTEMPT = "quiz:attempt";
    public static final String MANAGE = "quiz:manage";
    public static final String REPORTS = "quiz:viewreports";
    public static final String QUESTIONS = "quiz:questions";
    public static final String GRADE = "quiz:grade";
    /** Managing the site-wide question categories, which every course's quizzes may use. */
    public static final String SITEBANK = "quiz:managesitebank";
    /** The course id of a site-wide category. */
    public static final long SITE_BANK = 0;

    final QuizStore store;
    final eu.somep.quiz.internal.QuizPersonalData personal;
    final AccessControl access;
    final UserDirectory directory;
    final UserContext user;
    final Messages messages;
    final CourseTracker courses;
    final EventBus events;
    final Attempts attempts;
    /**
     * The server's clock for deadlines. Tests register a {@link Clock} service with the property
     * {@code somep.clock=test} to move time; without one, the system clock.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, target = "(somep.clock=test)")
    volatile Clock clock;
    /** Activity id to its context: it never changes, and the autosave should not ask the course plugin each time. */
    private final Map<Long, Long> contexts = new ConcurrentHashMap<>();
    /** Question versions by id: a version never changes once saved (only its "latest" flag, which attempts do not read). */
    private final Map<Long, Question> versions = new ConcurrentHashMap<>();
    /** Question types: the shipped ones, and those other plugins register as services. */
    private final Map<String, QuestionType> types = new ConcurrentHashMap<>();

    @Activate
    public QuizService(@Reference Database db, @Reference AccessControl access, @Reference UserDirectory directory, @Reference UserContext user,
                       @Reference Messages messages, @Reference CourseTracker courses, @Reference EventBus events) {
        this.store = new QuizStore(db);
        this.personal = new eu.somep.quiz.internal.QuizPersonalData(db);
        this.access = access;
        this.directory = directory;
        this.user = user;
        this.messages = messages;
        this.courses = courses;
        this.events = events;
        this.attempts = new Attempts(this);
        for (QuestionType t : Types.SHIPPED) types.put(t.type(), t);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addType(QuestionType t) {
        types.putIfAbsent(t.type(), t);
    }

    void removeType(QuestionType t) {
        types.remove(t.type(), t);
    }

    QuestionType type(String name) {
        QuestionType t = types.get(name);
        if (t == null) throw new Problem(422, "Invalid input", messages.get("quiz.error.type"));
        return t;
    }

    List<String> typeNames() {
        return types.keySet().stream().sorted().toList();
    }

    Instant now() {
        Clock c = clock;
        return c == null ? Instant.now() : c.instant();
    }

    long me() {
        return user.userId().orElseThrow(() -> new Problem(401, "Unauthorized", messages.get("quiz.error.signin")));
    }

    Problem notFound() {
        return Problem.notFound(messages.get("quiz.error.notfound"));
    }

    ActivityInstance activity(Quiz q) {
        if (q.activityId == null) throw notFound();
        return courses.activity(q.activityId).orElseThrow(this::notFound);
    }

    /** The quiz, for those who may see it; 404 for everyone else. */
    Quiz quiz(long id) {
        Quiz q = store.quiz(id).orElseThrow(this::notFound);
        ActivityInstance a = activity(q);
        if (!courses.canView(a.activityId()) || !access.can(VIEW, a.context())) throw notFound();
        return q;
    }

    long context(Quiz q) {
        return activity(q).context();
    }

    /** The quiz's context, remembered: for the hot paths of an attempt (autosave, pages). */
    long attemptContext(Quiz q) {
        if (q.activityId == null) throw notFound();
        return contexts.computeIfAbsent(q.activityId, id -> activity(q).context());
    }

    /** A question version as an attempt uses it, from memory after the first read. */
    Question version(long id) {
        Question q = versions.get(id);
        if (q != null) return q;
        q = store.question(id).orElseThrow(this::notFound);
        if (versions.size() > 20_000) versions.clear(); // a bound, far above any real bank
        versions.put(id, q);
        return q;
    }

    /** The attempt, for its owner (who may still see the quiz) or those who see reports; 404 otherwise. */
    Attempt attempt(long id) {
        Attempt a = store.attempt(id).orElseThrow(this::notFound);
        Quiz q = store.quiz(a.quizId).orElseThrow(this::notFound);
        access.requireOwnerOr(a.userId, VIEW, REPORTS, context(q));
        return a;
    }

    /** The course context for bank operations; 404 when there is no such course. */
    long courseContext(long courseId) {
        long ctx = access.findContext(AccessControl.COURSE, courseId).orElseThrow(this::notFound);
        if (!access.can(QUESTIONS, ctx)) {
            if (user.userId().isEmpty()) throw new Problem(401, "Unauthorized", messages.get("quiz.error.signin"));
            throw notFound();
        }
        return ctx;
    }

    /** Managing the site's bank needs its site capability: 401 for a guest, 403 for others (the site bank is no secret). */
    void requireSiteBank() {
        access.require(SITEBANK, AccessControl.SITE);
    }

    /**
     * A category to change (add, edit, import questions): a course's for those who manage that course's bank, a
     * site-wide one for those who manage the site's bank.
     */
    Category category(long id) {
        Category c = store.category(id).orElseThrow(this::notFound);
        if (c.courseId == SITE_BANK) requireSiteBank();
        else courseContext(c.courseId);
        return c;
    }

    /**
     * A category to read: as {@link #category(long)}, and a site-wide one also for those who manage the bank of the
     * course they read it from ({@code course}), since any course's quiz may use it.
     */
    Category category(long id, Long course) {
        Category c = store.category(id).orElseThrow(this::notFound);
        if (c.courseId != SITE_BANK || course == null || access.can(SITEBANK, AccessControl.SITE)) return category(id);
        courseContext(course);
        return c;
    }

    Question question(long id) {
        Question q = store.question(id).orElseThrow(this::notFound);
        category(q.categoryId);
        return q;
    }

    Question question(long id, Long course) {
        Question q = store.question(id).orElseThrow(this::notFound);
        category(q.categoryId, course);
        return q;
    }

    String name(long userId) {
        return directory.byId(userId).map(u -> u.username()).orElse("#" + userId);
    }
}
