package eu.somep.bestpractice;

import eu.somep.api.web.NavLink;
import eu.somep.spi.web.NavigationContributor;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The best-practice viewer in the main navigation. */
@Component(service = NavigationContributor.class)
public class BestPracticeNavigation implements NavigationContributor {
    @Override
    public List<NavLink> links() {
        return List.of(new NavLink("bestpractice.nav", "/bestpractice", null, 45));
    }
}
