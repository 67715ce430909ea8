package eu.somep.course;

import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.AccessControl;
import eu.somep.api.security.UserContext;
import eu.somep.api.security.UserDirectory;
import eu.somep.api.web.Problem;
import eu.somep.course.internal.Activity;
import eu.somep.course.internal.Category;
import eu.somep.course.internal.Course;
import eu.somep.course.internal.CourseStore;
import eu.somep.course.internal.Section;
import eu.somep.course.internal.Views;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import eu.somep.course.spi.CourseTracker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The course plugin's logic, shared by its pages and its API: contexts and capability checks, the activity types
 * that plugins register, and the course tracker they report completion and grades to.
 */
@Component(service = {CourseService.class, CourseTracker.class})
public class CourseService implements CourseTracker {
    public static final String VIEW = "course:view";
    public static final String VIEW_HIDDEN = "course:viewhidden";
    public static final String UPDATE = "course:update";
    public static final String CREATE = "course:create";
    public static final String DELETE = "course:delete";
    public static final String ENROL = "course:enrol";
    public static final String PARTICIPANTS = "course:viewparticipants";
    public static final String GRADES = "course:grade";

    final CourseStore store;
    final eu.somep.course.internal.CoursePersonalData personal;
    final AccessControl access;
    final UserDirectory directory;
    final UserContext user;
    final Messages messages;
    private final Map<String, ActivityType> types = new ConcurrentHashMap<>();

    @Activate
    public CourseService(@Reference Database db, @Reference AccessControl access, @Reference UserDirectory directory,
                         @Reference UserContext user, @Reference Messages messages) {
        this.store = new CourseStore(db);
        this.personal = new eu.somep.course.internal.CoursePersonalData(db, store);
        this.access = access;
        this.directory = directory;
        this.user = user;
        this.messages = messages;
        PageType page = new PageType(this);
        types.put(page.type(), page);
        enrolDemoAccounts();
    }

    /**
     * Once: when the demo accounts exist (SOMEP_DEMO), enrol {@code trainer} as trainer and {@code trainee} as trainee
     * in the demo course, so that trying SOMEP out shows a course with people in it.
     */
    private void enrolDemoAccounts() {
        if (!"no".equals(store.setting("demo.enrolled"))) return;
        var trainer = directory.byUsername("trainer");
        var trainee = directory.byUsername("trainee");
        var demo = store.courses().stream().filter(c -> "SMP101".equals(c.shortname)).findFirst();
        if (trainer.isEmpty() || trainee.isEmpty() || demo.isEmpty()) return;
        enrol(demo.get(), trainer.get().id(), "trainer", "manual");
        enrol(demo.get(), trainee.get().id(), "trainee", "manual");
        store.setSetting("demo.enrolled", "yes");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addType(ActivityType t) {
        types.putIfAbsent(t.type(), t);
    }

    void removeType(ActivityType t) {
        types.remove(t.type(), t);
    }

    Optional<ActivityType> type(String type) {
        return Optional.ofNullable(types.get(type));
    }

    List<Views.TypeView> types() {
        return types.values().stream().map(t -> new Views.TypeView(t.type(), t.name(messages.locale()), t.description(messages.locale()), t.icon()))
                .sorted(Comparator.comparing(Views.TypeView::name)).toList();
    }

    // ---- contexts

    long categoryContext(long categoryId) {
        return access.context(AccessControl.CATEGORY, categoryId, AccessControl.SITE);
    }

    long courseContext(Course c) {
        return access.findContext(AccessControl.COURSE, c.id).orElseGet(() -> access.context(AccessControl.COURSE, c.id, categoryContext(c.categoryId)));
    }

    long activityContext(Activity a, Course c) {
        return access.context(AccessControl.ACTIVITY, a.id, courseContext(c));
    }

    // ---- lookups that answer 404 to those who may not know the object exists

    Course course(long id) {
        return store.course(id).filter(this::canSee).orElseThrow(() -> Problem.notFound(messages.get("course.error.notfound")));
    }

    /** The course page is for participants (and those who may view every course); a hidden course only for its staff. */
    boolean canSee(Course c) {
        long ctx = courseContext(c);
        return (c.visible || access.can(VIEW_HIDDEN, ctx)) && (access.can(VIEW, ctx) || c.visible);
    }

    /** Whether the current user may open the course's content (not just its summary and enrolment). */
    boolean canEnter(Course c) {
        long ctx = courseContext(c);
        if (c.visible) return access.can(VIEW, ctx);
        return access.can(VIEW_HIDDEN, ctx);
    }

    void require(String capability, Course c) {
        access.require(capability, courseContext(c));
    }

    long me() {
        return user.userId().orElseThrow(() -> new Problem(401, "Unauthorized", messages.get("course.error.signin")));
    }

    // ---- the course page

    List<Views.SectionView> contents(Course c) {
        boolean staff = access.can(VIEW_HIDDEN, courseContext(c));
        Set<Long> done = user.userId().map(u -> store.completed(c.id, u)).orElse(Set.of());
        List<Activity> all = store.activities(c.id);
        List<Views.SectionView> out = new ArrayList<>();
        for (Section s : store.sections(c.id)) {
            List<Views.ActivityView> acts = new ArrayList<>();
            for (Activity a : all) {
                if (a.sectionId != s.id || (a.hidden && !staff)) continue;
                acts.add(view(a, c, done.contains(a.id)));
            }
            acts.sort(Comparator.comparingInt(Views.ActivityView::position));
            out.add(new Views.SectionView(s.id, s.position, s.title, s.summary, acts));
        }
        return out;
    }

    Views.ActivityView view(Activity a, Course c, boolean completed) {
        ActivityType t = types.get(a.type);
        ActivityInstance inst = new ActivityInstance(a.id, a.courseId, a.instanceId, 0, a.name);
        return new Views.ActivityView(a.id, a.sectionId, a.position, a.type, t == null ? a.type : t.name(messages.locale()), t == null ? "?" : t.icon(),
                a.name, a.hidden, a.tracked, t == null ? null : t.link(inst), completed, t != null);
    }

    /** Progress in percent over the tracked, visible activities (0 when none are tracked). */
    int[] progress(long courseId, Set<Long> done) {
        int total = 0, complete = 0;
        for (Activity a : store.activities(courseId)) {
            if (!a.tracked || a.hidden) continue;
            total++;
            if (done.contains(a.id)) complete++;
        }
        return new int[] {total == 0 ? 0 : Math.round(100f * complete / total), complete, total};
    }

    List<Views.MyCourse> myCourses(long userId) {
        List<Views.MyCourse> out = new ArrayList<>();
        for (long id : store.coursesOf(userId)) {
            store.course(id).filter(c -> c.visible || access.can(VIEW_HIDDEN, courseContext(c))).ifPresent(c -> {
                int[] p = progress(c.id, store.completed(c.id, userId));
                out.add(new Views.MyCourse(Views.CourseView.of(c), p[0], p[1], p[2]));
            });
        }
        return out;
    }

    List<Views.Recent> recent(long userId) {
        List<Views.Recent> out = new ArrayList<>();
        for (long id : store.recent(userId, 5)) {
            store.activity(id).ifPresent(a -> store.course(a.courseId).filter(this::canEnter).ifPresent(c -> {
                Views.ActivityView v = view(a, c, false);
                if (!a.hidden && v.available()) out.add(new Views.Recent(a.id, c.id, c.fullname, a.name, v.icon(), v.link()));
            }));
        }
        return out;
    }

    // ---- enrolment

    /** Enrols a user with a course role (trainer or trainee): an enrolment row and a role assignment in the course context. */
    void enrol(Course c, long userId, String role, String method) {
        store.enrol(c.id, userId, method);
        access.assign(userId, role, courseContext(c));
    }

    void unenrol(Course c, long userId) {
        store.unenrol(c.id, userId);
        long ctx = courseContext(c);
        for (String r : access.rolesOf(userId, ctx)) access.unassign(userId, r, ctx);
    }

    List<Views.Participant> participants(Course c) {
        Map<Long, String> enrolled = store.enrolments(c.id);
        Map<Long, Set<Long>> done = store.completedByUser(c.id);
        long ctx = courseContext(c);
        List<Views.Participant> out = new ArrayList<>();
        for (UserDirectory.Person p : directory.byIds(enrolled.keySet())) {
            out.add(new Views.Participant(p.id(), p.username(), p.displayName(), access.rolesOf(p.id(), ctx), enrolled.get(p.id()),
                    progress(c.id, done.getOrDefault(p.id(), Set.of()))[0]));
        }
        out.sort(Comparator.comparing(Views.Participant::displayName, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    // ---- grades

    List<Views.GradeColumn> gradeColumns(Course c) {
        var grades = store.grades(c.id);
        List<Views.GradeColumn> cols = new ArrayList<>();
        for (Activity a : store.activities(c.id)) {
            ActivityType t = types.get(a.type);
            boolean any = grades.keySet().stream().anyMatch(k -> k.get(0) == a.id.longValue());
            if ((t != null && t.graded()) || any) {
                double max = grades.entrySet().stream().filter(e -> e.getKey().get(0) == a.id.longValue()).mapToDouble(e -> e.getValue()[1]).max().orElse(100);
                cols.add(new Views.GradeColumn(a.id, a.name, max));
            }
        }
        return cols;
    }

    List<Views.GradeRow> gradeRows(Course c, List<Views.GradeColumn> cols, Long onlyUser) {
        var grades = store.grades(c.id);
        List<Views.GradeRow> rows = new ArrayList<>();
        Set<Long> ids = onlyUser == null ? store.enrolments(c.id).keySet() : Set.of(onlyUser);
        for (UserDirectory.Person p : directory.byIds(ids)) {
            List<Double> g = new ArrayList<>();
            double sum = 0, max = 0;
            boolean any = false;
            for (Views.GradeColumn col : cols) {
                double[] v = grades.get(List.of(col.activityId(), p.id()));
                g.add(v == null ? null : v[0]);
                if (v != null) {
                    sum += v[0];
                    max += v[1];
                    any = true;
                }
            }
            rows.add(new Views.GradeRow(p.id(), p.username(), p.displayName(), g, any && max > 0 ? Math.round(1000 * sum / max) / 10.0 : null));
        }
        rows.sort(Comparator.comparing(Views.GradeRow::displayName, String.CASE_INSENSITIVE_ORDER));
        return rows;
    }

    // ---- the tracker activity plugins report to

    @Override
    public Optional<ActivityInstance> activity(String type, long instanceId) {
        return store.activity(type, instanceId).flatMap(a -> activity(a.id));
    }

    @Override
    public Optional<ActivityInstance> activity(long activityId) {
        return store.activity(activityId).flatMap(a -> store.course(a.courseId).map(c ->
                new ActivityInstance(a.id, c.id, a.instanceId, activityContext(a, c), a.name)));
    }

    @Override
    public boolean canView(long activityId) {
        return store.activity(activityId).flatMap(a -> store.course(a.courseId).map(c ->
                canEnter(c) && (!a.hidden || access.can(VIEW_HIDDEN, courseContext(c))))).orElse(false);
    }

    @Override
    public boolean canView(long activityId, long userId) {
        return store.activity(activityId).flatMap(a -> store.course(a.courseId).map(c -> {
            long ctx = courseContext(c);
            boolean enter = c.visible ? access.can(userId, VIEW, ctx) : access.can(userId, VIEW_HIDDEN, ctx);
            return enter && (!a.hidden || access.can(userId, VIEW_HIDDEN, ctx));
        })).orElse(false);
    }

    @Override
    public void completed(long activityId, long userId, String how) {
        store.complete(activityId, userId, how);
    }

    @Override
    public void uncompleted(long activityId, long userId, String how) {
        store.uncomplete(activityId, userId, how);
    }

    @Override
    public void graded(long activityId, long userId, double grade, double max) {
        if (max <= 0 || grade < 0 || grade > max) throw new IllegalArgumentException("A grade is between 0 and a positive maximum.");
        store.grade(activityId, userId, grade, max);
    }

    /** Opening an activity: remembered for "recently accessed", and "viewed" completion for types that report it. */
    void opened(Activity a) {
        user.userId().ifPresent(u -> {
            store.accessed(u, a.id);
            ActivityType t = types.get(a.type);
            if (t != null && t.completions().contains("viewed")) store.complete(a.id, u, "viewed");
        });
    }

    Category category(long id) {
        return store.category(id).orElseThrow(() -> Problem.notFound(messages.get("course.error.category")));
    }
}
