package ${package};

import eu.somep.api.web.NavLink;
import eu.somep.spi.web.NavigationContributor;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** The plugin's page in the site's main navigation. */
@Component(service = NavigationContributor.class)
public class ${prefix}Navigation implements NavigationContributor {
    @Override
    public List<NavLink> links() {
        return List.of(new NavLink("${component}.nav", "/${component}", null, 60));
    }
}
