package eu.somep.testplugins.drill;

import eu.somep.course.spi.ActivityInstance;
import eu.somep.course.spi.ActivityType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Component;

/** A test activity type "drill": one question, graded, completed when passed. Its data lives in static maps. */
@Component(service = ActivityType.class)
public class DrillType implements ActivityType {
    static final Map<Long, String> QUESTIONS = new ConcurrentHashMap<>();
    static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static final AtomicLong IDS = new AtomicLong(1000);

    @Override public String type() { return "drill"; }
    @Override public String name(Locale l) { return "Drill"; }
    @Override public String description(Locale l) { return "One question, graded."; }
    @Override public String icon() { return "D"; }
    @Override public List<Setting> settings(Locale l) { return List.of(new Setting("question", "Question", false, true)); }

    @Override
    public List<String> validate(Map<String, String> settings, Locale l) {
        String q = settings.get("question");
        return q == null || q.isBlank() ? List.of("Ask a question.") : List.of();
    }

    @Override
    public long create(ActivityInstance a, Map<String, String> settings) {
        long id = IDS.incrementAndGet();
        QUESTIONS.put(id, settings.get("question"));
        LOG.add("create " + id);
        return id;
    }

    @Override public Map<String, String> load(ActivityInstance a) { return Map.of("question", QUESTIONS.getOrDefault(a.instanceId(), "")); }
    @Override public void update(ActivityInstance a, Map<String, String> s) { QUESTIONS.put(a.instanceId(), s.get("question")); }
    @Override public String link(ActivityInstance a) { return "/drill/" + a.instanceId(); }
    @Override public Set<String> completions() { return Set.of("passed"); }
    @Override public boolean graded() { return true; }

    @Override
    public long duplicate(ActivityInstance source, ActivityInstance copy) {
        long id = IDS.incrementAndGet();
        QUESTIONS.put(id, QUESTIONS.getOrDefault(source.instanceId(), ""));
        LOG.add("duplicate " + source.instanceId() + " " + id);
        return id;
    }

    @Override
    public void delete(ActivityInstance a) {
        QUESTIONS.remove(a.instanceId());
        LOG.add("delete " + a.instanceId());
    }
}
