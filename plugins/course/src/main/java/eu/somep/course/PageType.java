package eu.somep.course;

import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The built-in "page" activity: a page of text. It uses the same SPI as the activity types of other plugins. */
final class PageType implements ActivityType {
    private final CourseService courses;

    PageType(CourseService courses) {
        this.courses = courses;
    }

    @Override public String type() { return "page"; }
    @Override public String name(Locale l) { return courses.messages.get(l, "course.page.name"); }
    @Override public String description(Locale l) { return courses.messages.get(l, "course.page.description"); }
    @Override public String icon() { return "📄"; }
    @Override public Set<String> completions() { return Set.of("viewed"); }
    @Override public boolean graded() { return false; }

    @Override
    public List<Setting> settings(Locale l) {
        return List.of(new Setting("body", courses.messages.get(l, "course.page.body"), true, true));
    }

    @Override
    public List<String> validate(Map<String, String> s, Locale l) {
        String body = s.getOrDefault("body", "");
        return body.isBlank() || body.length() > 100000 ? List.of(courses.messages.get(l, "course.page.error.body")) : List.of();
    }

    @Override
    public long create(ActivityInstance a, Map<String, String> s) {
        return courses.store.savePage(null, s.get("body"));
    }

    @Override
    public Map<String, String> load(ActivityInstance a) {
        return Map.of("body", courses.store.page(a.instanceId()).orElse(""));
    }

    @Override
    public void update(ActivityInstance a, Map<String, String> s) {
        courses.store.savePage(a.instanceId(), s.get("body"));
    }

    @Override
    public String link(ActivityInstance a) {
        return "/course/activity/" + a.activityId();
    }

    @Override
    public long duplicate(ActivityInstance source, ActivityInstance copy) {
        return courses.store.savePage(null, courses.store.page(source.instanceId()).orElse(""));
    }

    @Override
    public java.util.Optional<String> export(ActivityInstance a) {
        return courses.store.page(a.instanceId());
    }

    @Override
    public long restore(ActivityInstance a, java.util.Optional<String> data) {
        String body = data.orElse("");
        if (body.isBlank() || body.length() > 100000) throw new IllegalArgumentException("a page needs its text (at most 100000 characters)");
        return courses.store.savePage(null, body);
    }

    @Override
    public void delete(ActivityInstance a) {
        courses.store.deletePage(a.instanceId());
    }
}
