package eu.somep.bestpractice;

import eu.somep.bestpractice.internal.CaseActivity;
import eu.somep.bestpractice.internal.PracticeCase;
import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A best-practice activity in a course: one case to read ({@code case}: its id) or a category's collection ({@code category}: its key). */
@Component(service = ActivityType.class)
public class BestPracticeType implements ActivityType {
    private final BestPracticeService s;

    @Activate
    public BestPracticeType(@Reference BestPracticeService s) {
        this.s = s;
    }

    @Override public String type() { return "bestpractice"; }
    @Override public String name(Locale l) { return s.messages.get(l, "bestpractice.activity.name"); }
    @Override public String description(Locale l) { return s.messages.get(l, "bestpractice.activity.description"); }
    @Override public String icon() { return "🗺"; }
    @Override public Set<String> completions() { return Set.of("viewed"); }
    @Override public boolean graded() { return false; }

    @Override
    public List<Setting> settings(Locale l) {
        return List.of(new Setting("case", s.messages.get(l, "bestpractice.activity.case"), false, false),
                new Setting("category", s.messages.get(l, "bestpractice.activity.category"), false, false));
    }

    private static String get(Map<String, String> settings, String key) {
        String v = settings.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    @Override
    public List<String> validate(Map<String, String> settings, Locale l) {
        List<String> out = new ArrayList<>();
        String c = get(settings, "case"), cat = get(settings, "category");
        if ((c == null) == (cat == null)) out.add(s.messages.get(l, "bestpractice.activity.oneof"));
        if (c != null && (!c.matches("\\d{1,12}") || s.store.find(Long.parseLong(c)).filter(x -> PracticeCase.PUBLISHED.equals(x.status)).isEmpty()))
            out.add(s.messages.get(l, "bestpractice.activity.nocase"));
        if (cat != null && !BestPracticeService.CATEGORIES.contains(cat)) out.add(s.messages.get(l, "bestpractice.activity.nocategory"));
        return out;
    }

    private static Long caseId(Map<String, String> settings) {
        String c = get(settings, "case");
        return c == null ? null : Long.valueOf(c);
    }

    @Override
    public long create(ActivityInstance a, Map<String, String> settings) {
        return s.store.saveActivity(null, a.activityId(), caseId(settings), caseId(settings) == null ? get(settings, "category") : null).id;
    }

    @Override
    public Map<String, String> load(ActivityInstance a) {
        return s.store.activity(a.instanceId()).map(x -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("case", x.caseId == null ? "" : Long.toString(x.caseId));
            m.put("category", x.category == null ? "" : x.category);
            return m;
        }).orElse(Map.of());
    }

    @Override
    public void update(ActivityInstance a, Map<String, String> settings) {
        s.store.activity(a.instanceId()).ifPresent(x -> s.store.saveActivity(x.id, x.activityId, caseId(settings), caseId(settings) == null ? get(settings, "category") : null));
    }

    @Override
    public String link(ActivityInstance a) {
        return s.store.activity(a.instanceId()).map(BestPracticeType::link).orElse("/bestpractice");
    }

    static String link(CaseActivity x) {
        return x.caseId != null ? "/bestpractice/case/" + x.caseId : x.category != null ? "/bestpractice/category/" + x.category : "/bestpractice";
    }

    @Override
    public long duplicate(ActivityInstance source, ActivityInstance copy) {
        CaseActivity x = s.store.activity(source.instanceId()).orElseThrow(() -> new IllegalArgumentException("the activity is gone"));
        return s.store.saveActivity(null, copy.activityId(), x.caseId, x.category).id;
    }

    @Override
    public void delete(ActivityInstance a) {
        s.store.deleteActivity(a.instanceId());
    }

    @Override
    public Optional<String> export(ActivityInstance a) {
        return s.store.activity(a.instanceId()).map(x -> x.caseId != null ? "case:" + x.caseId : "category:" + x.category);
    }

    @Override
    public long restore(ActivityInstance a, Optional<String> data) {
        String d = data.orElse("");
        if (d.matches("case:\\d{1,12}")) return s.store.saveActivity(null, a.activityId(), Long.valueOf(d.substring(5)), null).id;
        if (d.startsWith("category:") && BestPracticeService.CATEGORIES.contains(d.substring(9))) return s.store.saveActivity(null, a.activityId(), null, d.substring(9)).id;
        throw new IllegalArgumentException("not best-practice settings this version can read");
    }
}
