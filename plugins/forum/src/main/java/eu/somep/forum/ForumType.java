package eu.somep.forum;

import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import eu.somep.forum.internal.Forum;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The forum as a course activity: trainers add forums to sections; posting counts as "posted" for completion. */
@Component(service = ActivityType.class)
public class ForumType implements ActivityType {
    private final ForumService s;

    @Activate
    public ForumType(@Reference ForumService s) {
        this.s = s;
    }

    @Override public String type() { return "forum"; }
    @Override public String name(Locale l) { return s.messages.get(l, "forum.activity.name"); }
    @Override public String description(Locale l) { return s.messages.get(l, "forum.activity.description"); }
    @Override public String icon() { return "💬"; }
    @Override public Set<String> completions() { return Set.of("posted"); }
    @Override public boolean graded() { return false; }

    @Override
    public List<Setting> settings(Locale l) {
        return List.of(new Setting("intro", s.messages.get(l, "forum.form.intro"), true, false),
                new Setting("type", s.messages.get(l, "forum.form.typehelp"), false, false));
    }

    @Override
    public List<String> validate(Map<String, String> settings, Locale l) {
        List<String> out = new ArrayList<>();
        String type = settings.getOrDefault("type", "standard");
        if (!type.isBlank() && !Forum.TYPES.contains(type.trim())) out.add(s.messages.get(l, "forum.error.type"));
        if (settings.getOrDefault("intro", "").length() > 20000) out.add(s.messages.get(l, "forum.error.intro"));
        return out;
    }

    private static String type(Map<String, String> settings) {
        String t = settings.getOrDefault("type", "").trim();
        return t.isEmpty() ? "standard" : t;
    }

    @Override
    public long create(ActivityInstance a, Map<String, String> settings) {
        Forum f = s.store.saveForum(null, a.activityId(), "", a.name(), settings.getOrDefault("intro", ""), type(settings));
        return f.id;
    }

    @Override
    public Map<String, String> load(ActivityInstance a) {
        return s.store.forum(a.instanceId()).map(f -> Map.of("intro", f.intro, "type", f.type)).orElse(Map.of());
    }

    @Override
    public void update(ActivityInstance a, Map<String, String> settings) {
        s.store.forum(a.instanceId()).ifPresent(f -> s.store.saveForum(f.id, f.activityId, f.category, a.name(), settings.getOrDefault("intro", f.intro), f.type));
    }

    @Override
    public String link(ActivityInstance a) {
        return "/forum/" + a.instanceId();
    }

    /** A copy has the forum's settings, not its discussions (they are people's posts). */
    @Override
    public long duplicate(ActivityInstance source, ActivityInstance copy) {
        Forum f = s.store.forum(source.instanceId()).orElseThrow(() -> new IllegalArgumentException("the forum is gone"));
        return s.store.saveForum(null, copy.activityId(), "", copy.name(), f.intro, f.type).id;
    }

    @Override
    public void delete(ActivityInstance a) {
        s.store.deleteForum(a.instanceId());
    }

    @Override
    public Optional<String> export(ActivityInstance a) {
        return s.store.forum(a.instanceId()).map(f -> f.type + "\n" + f.intro);
    }

    @Override
    public long restore(ActivityInstance a, Optional<String> data) {
        String d = data.orElse("standard\n");
        int nl = d.indexOf('\n');
        String type = nl < 0 ? d : d.substring(0, nl);
        String intro = nl < 0 ? "" : d.substring(nl + 1);
        if (!Forum.TYPES.contains(type) || intro.length() > 20000) throw new IllegalArgumentException("not forum settings this version can read");
        return s.store.saveForum(null, a.activityId(), "", a.name(), intro, type).id;
    }
}
