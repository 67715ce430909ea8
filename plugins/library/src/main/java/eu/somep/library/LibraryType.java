package eu.somep.library;

import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import eu.somep.library.internal.Folder;
import eu.somep.library.internal.Visibility;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A library folder in a course: documents that only the course's participants see. */
@Component(service = ActivityType.class)
public class LibraryType implements ActivityType {
    private final LibraryService s;

    @Activate
    public LibraryType(@Reference LibraryService s) {
        this.s = s;
    }

    @Override public String type() { return "library"; }
    @Override public String name(Locale l) { return s.messages.get(l, "library.activity.name"); }
    @Override public String description(Locale l) { return s.messages.get(l, "library.activity.description"); }
    @Override public String icon() { return "📚"; }
    @Override public Set<String> completions() { return Set.of(); }
    @Override public boolean graded() { return false; }

    @Override
    public List<Setting> settings(Locale l) {
        return List.of(new Setting("description", s.messages.get(l, "library.field.description"), true, false));
    }

    @Override
    public List<String> validate(Map<String, String> settings, Locale l) {
        String d = settings.getOrDefault("description", "");
        return d != null && d.length() > 4000 ? List.of(s.messages.get(l, "library.error.toolong")) : List.of();
    }

    @Override
    public long create(ActivityInstance a, Map<String, String> settings) {
        return s.store.saveFolder(null, null, a.activityId(), a.name(), Meta.clean(settings.get("description"), 4000), Visibility.COURSE,
                s.user.userId().orElse(0L)).id;
    }

    @Override
    public Map<String, String> load(ActivityInstance a) {
        return s.store.folder(a.instanceId()).map(f -> Map.of("description", f.description)).orElse(Map.of());
    }

    @Override
    public void update(ActivityInstance a, Map<String, String> settings) {
        s.store.folder(a.instanceId()).ifPresent(f -> s.store.saveFolder(f.id, null, null, a.name(), Meta.clean(settings.get("description"), 4000), f.visibility, f.createdBy));
    }

    @Override
    public String link(ActivityInstance a) {
        return "/library/folders/" + a.instanceId();
    }

    /** A copy starts empty: documents belong to the course they were uploaded to. */
    @Override
    public long duplicate(ActivityInstance source, ActivityInstance copy) {
        Folder f = s.store.folder(source.instanceId()).orElseThrow(() -> new IllegalArgumentException("the folder is gone"));
        return s.store.saveFolder(null, null, copy.activityId(), copy.name(), f.description, Visibility.COURSE, f.createdBy).id;
    }

    @Override
    public void delete(ActivityInstance a) {
        s.discard(s.store.deleteFolder(a.instanceId()));
    }

    @Override
    public Optional<String> export(ActivityInstance a) {
        return s.store.folder(a.instanceId()).map(f -> f.description);
    }

    @Override
    public long restore(ActivityInstance a, Optional<String> data) {
        return s.store.saveFolder(null, null, a.activityId(), a.name(), Meta.clean(data.orElse(""), 4000), Visibility.COURSE, 0).id;
    }
}
