package eu.somep.pages;

import eu.somep.api.web.NavLink;
import eu.somep.spi.web.NavigationContributor;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The pages of the original site in the main navigation. */
@Component(service = NavigationContributor.class)
public class PagesNavigation implements NavigationContributor {
    @Override
    public List<NavLink> links() {
        return List.of(
                new NavLink("pages.nav.about", "/pages/about", null, 10),
                new NavLink("pages.nav.partners", "/pages/partners", null, 20),
                new NavLink("pages.nav.legal", "/pages/legal", null, 80),
                new NavLink("pages.nav.all", "/pages", null, 90));
    }
}
