package eu.somep.course.internal;

import eu.somep.api.persistence.Database;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every query of the course plugin. Positions of sections and activities are kept dense (0, 1, 2, ...).
 *
 * <p>The course page is read far more often than a course changes (like Moodle's "modinfo" cache): each course's
 * structure (the course, its sections and activities) is kept as an immutable snapshot that every write to the
 * course drops, and each user's completed activities likewise. A page view then needs no query at all.
 * (A cluster will need these drops sent to the other nodes: the cluster issue.)
 */
public final class CourseStore {
    private final Database db;

    /** A course's structure as read in one transaction. The entities in it are detached and must not be changed. */
    record Snapshot(Course course, List<Section> sections, List<Activity> activities) {
    }

    private final Map<Long, Optional<Snapshot>> snapshots = new ConcurrentHashMap<>();
    private final Map<Long, Map<Long, Set<Long>>> completions = new ConcurrentHashMap<>();
    private volatile List<Course> allCourses;

    public CourseStore(Database db) {
        this.db = db;
    }

    private Optional<Snapshot> snapshot(long courseId) {
        return snapshots.computeIfAbsent(courseId, id -> db.inTransaction(em -> {
            Course c = em.find(Course.class, id);
            if (c == null) return Optional.<Snapshot>empty();
            List<Section> sections = em.createQuery("select s from Section s where s.courseId = :c order by s.position", Section.class)
                    .setParameter("c", id).getResultList();
            List<Activity> activities = em.createQuery("select a from Activity a where a.courseId = :c order by a.sectionId, a.position", Activity.class)
                    .setParameter("c", id).getResultList();
            return Optional.of(new Snapshot(c, List.copyOf(sections), List.copyOf(activities)));
        }));
    }

    private void changed(long courseId) {
        snapshots.remove(courseId);
        allCourses = null;
        onChange.run();
    }

    private volatile Runnable onChange = () -> { };

    /** Called after every change of what is cached here (the other nodes of a cluster drop theirs). */
    public void onChange(Runnable r) {
        onChange = r;
    }

    /** Another node of a cluster changed courses or completion: drop everything cached. */
    public void changedElsewhere() {
        snapshots.clear();
        completions.clear();
        allCourses = null;
    }

    // ---- the plugin's flags

    public String setting(String name) {
        return db.inTransaction(em -> {
            List<?> rows = em.createNativeQuery("SELECT setting_value FROM course_setting WHERE name = ?").setParameter(1, name).getResultList();
            return rows.isEmpty() ? null : String.valueOf(rows.get(0));
        });
    }

    public void setSetting(String name, String value) {
        db.run(em -> {
            em.createNativeQuery("DELETE FROM course_setting WHERE name = ?").setParameter(1, name).executeUpdate();
            em.createNativeQuery("INSERT INTO course_setting (name, setting_value) VALUES (?, ?)").setParameter(1, name).setParameter(2, value).executeUpdate();
        });
    }

    // ---- categories

    public List<Category> categories() {
        return db.inTransaction(em -> em.createQuery("select c from Category c order by c.sortOrder, c.name", Category.class).getResultList());
    }

    public Optional<Category> category(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Category.class, id)));
    }

    public Category createCategory(String name, String description) {
        return db.inTransaction(em -> {
            Category c = new Category();
            c.name = name;
            c.description = description == null ? "" : description;
            Number max = (Number) em.createQuery("select coalesce(max(c.sortOrder), 0) from Category c").getSingleResult();
            c.sortOrder = max.intValue() + 1;
            em.persist(c);
            return c;
        });
    }

    // ---- courses

    public List<Course> courses() {
        List<Course> all = allCourses;
        if (all == null) {
            all = List.copyOf(db.inTransaction(em -> em.createQuery("select c from Course c order by c.fullname", Course.class).getResultList()));
            allCourses = all;
        }
        return all;
    }

    public Optional<Course> course(long id) {
        return snapshot(id).map(Snapshot::course);
    }

    public boolean shortnameTaken(String shortname, Long except) {
        return db.inTransaction(em -> em.createQuery("select count(c) from Course c where lower(c.shortname) = lower(:s) and c.id <> :e", Long.class)
                .setParameter("s", shortname).setParameter("e", except == null ? -1L : except).getSingleResult() > 0);
    }

    public Course saveCourse(Long id, CourseInput in) {
        Course saved = db.inTransaction(em -> {
            Course c = id == null ? new Course() : em.find(Course.class, id);
            c.categoryId = in.categoryId();
            c.fullname = in.fullname();
            c.shortname = in.shortname();
            c.summary = in.summary();
            c.lang = in.lang();
            c.visible = in.visible();
            c.startDate = in.startDate();
            c.endDate = in.endDate();
            c.selfEnrol = in.selfEnrol();
            if (in.enrolKey() != null) c.enrolKey = in.enrolKey().isEmpty() ? null : in.enrolKey();
            if (id == null) {
                c.createdAt = Instant.now();
                em.persist(c);
            }
            return c;
        });
        changed(saved.id);
        return saved;
    }

    public void deleteCourse(long id) {
        db.run(em -> {
            Course c = em.find(Course.class, id);
            if (c != null) em.remove(c); // sections, activities, enrolments, completion and grades cascade in the database
        });
        changed(id);
        completions.clear();
        onChange.run();
    }

    // ---- the course image

    /** Stores (or with null bytes, removes) the course's image. */
    public void setImage(long courseId, String type, byte[] bytes) {
        db.run(em -> {
            em.createNativeQuery("DELETE FROM course_image WHERE course_id = ?").setParameter(1, courseId).executeUpdate();
            if (bytes != null) {
                em.createNativeQuery("INSERT INTO course_image (course_id, bytes) VALUES (?, ?)").setParameter(1, courseId).setParameter(2, bytes).executeUpdate();
            }
            em.find(Course.class, courseId).imageType = bytes == null ? null : type;
        });
        changed(courseId);
    }

    public Optional<byte[]> image(long courseId) {
        return db.inTransaction(em -> {
            List<?> rows = em.createNativeQuery("SELECT bytes FROM course_image WHERE course_id = ?").setParameter(1, courseId).getResultList();
            return rows.isEmpty() ? Optional.<byte[]>empty() : Optional.of((byte[]) rows.get(0));
        });
    }

    // ---- sections

    public List<Section> sections(long courseId) {
        return snapshot(courseId).map(Snapshot::sections).orElse(List.of());
    }

    public Optional<Section> section(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Section.class, id)));
    }

    public Section addSection(long courseId, String title, String summary) {
        Section section = db.inTransaction(em -> {
            Section s = new Section();
            s.courseId = courseId;
            s.title = title;
            s.summary = summary == null ? "" : summary;
            s.position = ((Number) em.createQuery("select count(s) from Section s where s.courseId = :c").setParameter("c", courseId).getSingleResult()).intValue();
            em.persist(s);
            return s;
        });
        changed(courseId);
        return section;
    }

    public void updateSection(long id, String title, String summary) {
        changed(db.inTransaction(em -> {
            Section s = em.find(Section.class, id);
            s.title = title;
            s.summary = summary == null ? "" : summary;
            return s.courseId;
        }));
    }

    /** Moves a section to a position (0 first), shifting the others. */
    public void moveSection(long courseId, long sectionId, int to) {
        db.run(em -> {
            List<Section> all = new ArrayList<>(em.createQuery("select s from Section s where s.courseId = :c order by s.position", Section.class)
                    .setParameter("c", courseId).getResultList());
            Section moving = all.stream().filter(s -> s.id == sectionId).findFirst().orElseThrow();
            all.remove(moving);
            all.add(Math.max(0, Math.min(to, all.size())), moving);
            for (int i = 0; i < all.size(); i++) all.get(i).position = i;
        });
        changed(courseId);
    }

    public void deleteSection(long courseId, long sectionId) {
        db.run(em -> {
            Section s = em.find(Section.class, sectionId);
            if (s != null) em.remove(s);
            em.flush();
            List<Section> rest = em.createQuery("select s from Section s where s.courseId = :c order by s.position", Section.class)
                    .setParameter("c", courseId).getResultList();
            for (int i = 0; i < rest.size(); i++) rest.get(i).position = i;
        });
        changed(courseId);
    }

    // ---- activities

    public List<Activity> activities(long courseId) {
        return snapshot(courseId).map(Snapshot::activities).orElse(List.of());
    }

    public Optional<Activity> activity(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(Activity.class, id)));
    }

    public Optional<Activity> activity(String type, long instanceId) {
        return db.inTransaction(em -> em.createQuery("select a from Activity a where a.type = :t and a.instanceId = :i", Activity.class)
                .setParameter("t", type).setParameter("i", instanceId).getResultStream().findFirst());
    }

    /** A new activity at the end of its section; its instance id is set once its type created the data. */
    public Activity addActivity(long courseId, long sectionId, String type, String name, boolean tracked) {
        Activity activity = db.inTransaction(em -> {
            Activity a = new Activity();
            a.courseId = courseId;
            a.sectionId = sectionId;
            a.type = type;
            a.name = name;
            a.tracked = tracked;
            a.position = count(em, sectionId);
            em.persist(a);
            return a;
        });
        changed(courseId);
        return activity;
    }

    private static int count(EntityManager em, long sectionId) {
        return ((Number) em.createQuery("select count(a) from Activity a where a.sectionId = :s").setParameter("s", sectionId).getSingleResult()).intValue();
    }

    public void setInstance(long activityId, long instanceId) {
        changed(db.inTransaction(em -> {
            Activity a = em.find(Activity.class, activityId);
            a.instanceId = instanceId;
            return a.courseId;
        }));
    }

    public void updateActivity(long id, String name, boolean tracked) {
        changed(db.inTransaction(em -> {
            Activity a = em.find(Activity.class, id);
            a.name = name;
            a.tracked = tracked;
            return a.courseId;
        }));
    }

    public void setHidden(long id, boolean hidden) {
        changed(db.inTransaction(em -> {
            Activity a = em.find(Activity.class, id);
            a.hidden = hidden;
            return a.courseId;
        }));
    }

    /** Moves an activity to a section and position (0 first), keeping both sections' positions dense. */
    public void moveActivity(long id, long sectionId, int to) {
        changed(db.inTransaction(em -> {
            Activity a = em.find(Activity.class, id);
            long from = a.sectionId;
            a.sectionId = sectionId;
            List<Activity> target = new ArrayList<>(em.createQuery("select a from Activity a where a.sectionId = :s and a.id <> :i order by a.position", Activity.class)
                    .setParameter("s", sectionId).setParameter("i", id).getResultList());
            target.add(Math.max(0, Math.min(to, target.size())), a);
            for (int i = 0; i < target.size(); i++) target.get(i).position = i;
            if (from != sectionId) {
                List<Activity> old = em.createQuery("select a from Activity a where a.sectionId = :s and a.id <> :i order by a.position", Activity.class)
                        .setParameter("s", from).setParameter("i", id).getResultList();
                for (int i = 0; i < old.size(); i++) old.get(i).position = i;
            }
            return a.courseId;
        }));
    }

    public void deleteActivity(long id) {
        Long course = db.inTransaction(em -> {
            Activity a = em.find(Activity.class, id);
            if (a == null) return null;
            long section = a.sectionId;
            em.remove(a);
            em.flush();
            List<Activity> rest = em.createQuery("select a from Activity a where a.sectionId = :s order by a.position", Activity.class)
                    .setParameter("s", section).getResultList();
            for (int i = 0; i < rest.size(); i++) rest.get(i).position = i;
            return a.courseId;
        });
        if (course != null) changed(course);
        completions.clear();
        onChange.run();
    }

    // ---- the built-in page type

    public long savePage(Long id, String body) {
        return db.inTransaction(em -> {
            PageContent p = id == null ? new PageContent() : em.find(PageContent.class, id);
            p.body = body;
            if (id == null) em.persist(p);
            return p.id;
        });
    }

    public Optional<String> page(long id) {
        return Optional.ofNullable(db.inTransaction(em -> em.find(PageContent.class, id))).map(p -> p.body);
    }

    public void deletePage(long id) {
        db.run(em -> {
            PageContent p = em.find(PageContent.class, id);
            if (p != null) em.remove(p);
        });
    }

    // ---- enrolment

    public boolean enrol(long courseId, long userId, String method) {
        return db.inTransaction(em -> {
            long n = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM course_enrolment WHERE course_id = ? AND user_id = ?")
                    .setParameter(1, courseId).setParameter(2, userId).getSingleResult()).longValue();
            if (n > 0) return false;
            em.createNativeQuery("INSERT INTO course_enrolment (course_id, user_id, method, created_at) VALUES (?,?,?,?)")
                    .setParameter(1, courseId).setParameter(2, userId).setParameter(3, method).setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
            return true;
        });
    }

    public boolean unenrol(long courseId, long userId) {
        return db.inTransaction(em -> em.createNativeQuery("DELETE FROM course_enrolment WHERE course_id = ? AND user_id = ?")
                .setParameter(1, courseId).setParameter(2, userId).executeUpdate() > 0);
    }

    public boolean enrolled(long courseId, long userId) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM course_enrolment WHERE course_id = ? AND user_id = ?")
                .setParameter(1, courseId).setParameter(2, userId).getSingleResult()).longValue() > 0);
    }

    /** user id → enrolment method, in enrolment order. */
    public Map<Long, String> enrolments(long courseId) {
        return db.inTransaction(em -> {
            Map<Long, String> out = new java.util.LinkedHashMap<>();
            for (Object row : em.createNativeQuery("SELECT user_id, method FROM course_enrolment WHERE course_id = ? ORDER BY created_at, user_id")
                    .setParameter(1, courseId).getResultList()) {
                Object[] r = (Object[]) row;
                out.put(((Number) r[0]).longValue(), (String) r[1]);
            }
            return out;
        });
    }

    public List<Long> coursesOf(long userId) {
        return db.inTransaction(em -> {
            List<Long> out = new ArrayList<>();
            for (Object id : em.createNativeQuery("SELECT e.course_id FROM course_enrolment e JOIN course_course c ON c.id = e.course_id WHERE e.user_id = ? ORDER BY c.fullname")
                    .setParameter(1, userId).getResultList()) out.add(((Number) id).longValue());
            return out;
        });
    }

    // ---- completion, grades, recent

    /** Drops what is cached about a person (after their data was erased). */
    public void forget(long userId) {
        completions.remove(userId);
        onChange.run();
    }

    public void complete(long activityId, long userId, String how) {
        completions.remove(userId);
        try {
            record(activityId, userId, how);
        } finally {
            completions.remove(userId); // again after the commit: a view that raced it loaded the old state
            onChange.run();
        }
    }

    /** Forgets a completion recorded with {@code how} (what earned it no longer holds). */
    public void uncomplete(long activityId, long userId, String how) {
        completions.remove(userId);
        try {
            db.run(em -> em.createNativeQuery("DELETE FROM course_completion WHERE activity_id = ? AND user_id = ? AND how = ?")
                    .setParameter(1, activityId).setParameter(2, userId).setParameter(3, how).executeUpdate());
        } finally {
            completions.remove(userId); // again after the commit, as for complete
            onChange.run();
        }
    }

    private void record(long activityId, long userId, String how) {
        db.run(em -> {
            long n = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM course_completion WHERE activity_id = ? AND user_id = ?")
                    .setParameter(1, activityId).setParameter(2, userId).getSingleResult()).longValue();
            if (n == 0) {
                em.createNativeQuery("INSERT INTO course_completion (activity_id, user_id, how, completed_at) VALUES (?,?,?,?)")
                        .setParameter(1, activityId).setParameter(2, userId).setParameter(3, how).setParameter(4, Timestamp.from(Instant.now())).executeUpdate();
            }
        });
    }

    /** The activities of a course the user completed (cached per user until they complete another). */
    public Set<Long> completed(long courseId, long userId) {
        if (completions.size() > 20_000) completions.clear(); // a crude bound; entries come back on the next view
        return completions.computeIfAbsent(userId, u -> new ConcurrentHashMap<>()).computeIfAbsent(courseId, c -> loadCompleted(c, userId));
    }

    private Set<Long> loadCompleted(long courseId, long userId) {
        return db.inTransaction(em -> {
            Set<Long> out = new HashSet<>();
            for (Object id : em.createNativeQuery("SELECT x.activity_id FROM course_completion x JOIN course_activity a ON a.id = x.activity_id WHERE a.course_id = ? AND x.user_id = ?")
                    .setParameter(1, courseId).setParameter(2, userId).getResultList()) out.add(((Number) id).longValue());
            return Set.copyOf(out);
        });
    }

    /** user id → completed activity ids, for a whole course at once (participants page). */
    public Map<Long, Set<Long>> completedByUser(long courseId) {
        return db.inTransaction(em -> {
            Map<Long, Set<Long>> out = new HashMap<>();
            for (Object row : em.createNativeQuery("SELECT x.user_id, x.activity_id FROM course_completion x JOIN course_activity a ON a.id = x.activity_id WHERE a.course_id = ?")
                    .setParameter(1, courseId).getResultList()) {
                Object[] r = (Object[]) row;
                out.computeIfAbsent(((Number) r[0]).longValue(), k -> new HashSet<>()).add(((Number) r[1]).longValue());
            }
            return out;
        });
    }

    public void grade(long activityId, long userId, double grade, double max) {
        db.run(em -> {
            em.createNativeQuery("DELETE FROM course_grade WHERE activity_id = ? AND user_id = ?").setParameter(1, activityId).setParameter(2, userId).executeUpdate();
            em.createNativeQuery("INSERT INTO course_grade (activity_id, user_id, grade, max_grade, graded_at) VALUES (?,?,?,?,?)")
                    .setParameter(1, activityId).setParameter(2, userId).setParameter(3, grade).setParameter(4, max)
                    .setParameter(5, Timestamp.from(Instant.now())).executeUpdate();
        });
    }

    /** (activity id, user id) → {grade, max} for a course. */
    public Map<List<Long>, double[]> grades(long courseId) {
        return db.inTransaction(em -> {
            Map<List<Long>, double[]> out = new HashMap<>();
            for (Object row : em.createNativeQuery("SELECT g.activity_id, g.user_id, g.grade, g.max_grade FROM course_grade g JOIN course_activity a ON a.id = g.activity_id WHERE a.course_id = ?")
                    .setParameter(1, courseId).getResultList()) {
                Object[] r = (Object[]) row;
                out.put(List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()), new double[] {((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue()});
            }
            return out;
        });
    }

    public void accessed(long userId, long activityId) {
        db.run(em -> {
            int n = em.createNativeQuery("UPDATE course_recent SET accessed_at = ? WHERE user_id = ? AND activity_id = ?")
                    .setParameter(1, Timestamp.from(Instant.now())).setParameter(2, userId).setParameter(3, activityId).executeUpdate();
            if (n == 0) {
                em.createNativeQuery("INSERT INTO course_recent (user_id, activity_id, accessed_at) VALUES (?,?,?)")
                        .setParameter(1, userId).setParameter(2, activityId).setParameter(3, Timestamp.from(Instant.now())).executeUpdate();
            }
        });
    }

    public List<Long> recent(long userId, int limit) {
        return db.inTransaction(em -> {
            List<Long> out = new ArrayList<>();
            for (Object id : em.createNativeQuery("SELECT activity_id FROM course_recent WHERE user_id = ? ORDER BY accessed_at DESC")
                    .setParameter(1, userId).setMaxResults(limit).getResultList()) out.add(((Number) id).longValue());
            return out;
        });
    }
}
