package eu.somep.library;

import eu.somep.api.web.NavLink;
import eu.somep.spi.web.NavigationContributor;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The library in the main navigation, for everyone (guests see the public collection). */
@Component(service = NavigationContributor.class)
public class LibraryNavigation implements NavigationContributor {
    @Override
    public List<NavLink> links() {
        return List.of(new NavLink("library.nav", "/library", null, 45));
    }
}
