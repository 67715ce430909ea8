package eu.somep.course.internal;

import java.time.LocalDate;
import java.util.List;

/** What pages and the API show: records, never entities (so nothing outside the store can change data by accident). */
public final class Views {
    private Views() {
    }

    public record CategoryView(long id, String name, String description, int sortOrder) {
        public static CategoryView of(Category c) {
            return new CategoryView(c.id, c.name, c.description, c.sortOrder);
        }
    }

    public record CourseView(long id, long categoryId, String fullname, String shortname, String summary, String lang, boolean visible,
                             LocalDate startDate, LocalDate endDate, boolean selfEnrol, boolean enrolKey, boolean image) {
        public static CourseView of(Course c) {
            return new CourseView(c.id, c.categoryId, c.fullname, c.shortname, c.summary, c.lang, c.visible, c.startDate, c.endDate,
                    c.selfEnrol, c.enrolKey != null && !c.enrolKey.isEmpty(), c.imageType != null);
        }
    }

    /** An activity on the course page; {@code available} is false while its type's plugin is not running. */
    public record ActivityView(long id, long sectionId, int position, String type, String typeName, String icon, String name,
                               boolean hidden, boolean tracked, String link, boolean completed, boolean available) {
        /** Everything the course page shows of the activity to every viewer (not completion): its cached row's key. */
        public String fragmentKey() {
            return "activity " + id + ' ' + type + ' ' + available + ' ' + hidden + ' ' + name;
        }
    }

    public record SectionView(long id, int position, String title, String summary, List<ActivityView> activities) {
    }

    public record Participant(long userId, String username, String displayName, List<String> roles, String method, int progress) {
    }

    public record MyCourse(CourseView course, int progress, int done, int total) {
    }

    public record Recent(long activityId, long courseId, String courseName, String name, String icon, String link) {
    }

    public record GradeRow(long userId, String username, String displayName, List<Double> grades, Double total) {
    }

    public record GradeColumn(long activityId, String name, double max) {
    }

    public record TypeView(String type, String name, String description, String icon) {
    }
}
