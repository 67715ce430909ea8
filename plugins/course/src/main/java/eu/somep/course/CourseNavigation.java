package eu.somep.course;

import eu.somep.api.web.NavLink;
import eu.somep.spi.web.NavigationContributor;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** Courses and "my courses" in the main navigation. */
@Component(service = NavigationContributor.class)
public class CourseNavigation implements NavigationContributor {
    @Override
    public List<NavLink> links() {
        return List.of(new NavLink("course.nav.courses", "/course", null, 30), new NavLink("course.nav.my", "/course/my", null, 31));
    }
}
