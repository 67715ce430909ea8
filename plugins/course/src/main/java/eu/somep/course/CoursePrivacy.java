package eu.somep.course;

import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Courses' part of "my data" and of erasing a person: enrolments, completion, grades and recent activity. */
@Component(service = PrivacyProvider.class)
public class CoursePrivacy implements PrivacyProvider {
    private final CourseService s;

    @Activate
    public CoursePrivacy(@Reference CourseService s) {
        this.s = s;
    }

    @Override
    public String component() {
        return "course";
    }

    @Override
    public List<StoredData> describe() {
        return List.of("enrolments", "completion", "grades", "recent").stream()
                .map(name -> new StoredData(name, s.messages.get("course.privacy." + name))).toList();
    }

    @Override
    public void export(long userId, PrivacyExport export) throws IOException {
        for (var e : s.personal.export(userId).entrySet()) export.json(e.getKey(), e.getValue());
    }

    @Override
    public long erase(long userId) {
        return s.personal.erase(userId);
    }
}
