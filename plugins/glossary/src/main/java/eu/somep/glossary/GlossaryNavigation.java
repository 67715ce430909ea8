package eu.somep.glossary;

import eu.somep.api.web.NavLink;
import eu.somep.spi.web.NavigationContributor;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The plugin's page in the site's main navigation. */
@Component(service = NavigationContributor.class)
public class GlossaryNavigation implements NavigationContributor {
    @Override
    public List<NavLink> links() {
        return List.of(new NavLink("glossary.nav", "/glossary", null, 60));
    }
}
