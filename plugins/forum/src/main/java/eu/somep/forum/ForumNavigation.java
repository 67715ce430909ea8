package eu.somep.forum;

import eu.somep.api.web.NavLink;
import eu.somep.spi.web.NavigationContributor;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The forum area in the main navigation. */
@Component(service = NavigationContributor.class)
public class ForumNavigation implements NavigationContributor {
    @Override
    public List<NavLink> links() {
        return List.of(new NavLink("forum.nav", "/forum", null, 40));
    }
}
