package eu.somep.course.internal;

import static eu.somep.spi.privacy.PrivacyRows.rows;
import static eu.somep.spi.privacy.PrivacyRows.update;

import eu.somep.api.persistence.Database;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the course plugin keeps about one person (enrolments, completion, grades, recent activity), for the privacy SPI. */
public final class CoursePersonalData {
    private static final List<String> TABLES = List.of("course_enrolment", "course_completion", "course_grade", "course_recent");
    private final Database db;
    private final CourseStore store;

    public CoursePersonalData(Database db, CourseStore store) {
        this.db = db;
        this.store = store;
    }

    public Map<String, List<Map<String, Object>>> export(long userId) {
        return db.inTransaction(em -> {
            Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
            out.put("enrolments", rows(em, "SELECT e.course_id, c.shortname, c.fullname, e.method, e.created_at FROM course_enrolment e "
                    + "JOIN course_course c ON c.id = e.course_id WHERE e.user_id = ? ORDER BY e.created_at", userId));
            out.put("completion", rows(em, "SELECT x.activity_id, a.name, x.how, x.completed_at FROM course_completion x "
                    + "JOIN course_activity a ON a.id = x.activity_id WHERE x.user_id = ? ORDER BY x.completed_at", userId));
            out.put("grades", rows(em, "SELECT g.activity_id, a.name, g.grade, g.max_grade, g.graded_at FROM course_grade g "
                    + "JOIN course_activity a ON a.id = g.activity_id WHERE g.user_id = ? ORDER BY g.graded_at", userId));
            out.put("recent", rows(em, "SELECT r.activity_id, a.name, r.accessed_at FROM course_recent r "
                    + "JOIN course_activity a ON a.id = r.activity_id WHERE r.user_id = ? ORDER BY r.accessed_at", userId));
            return out;
        });
    }

    /** Deletes it all in one transaction: none of it matters to anyone else. */
    public long erase(long userId) {
        long n = db.inTransaction(em -> {
            long count = 0;
            for (String table : TABLES) count += update(em, "DELETE FROM " + table + " WHERE user_id = ?", userId);
            return count;
        });
        store.forget(userId);
        return n;
    }
}
