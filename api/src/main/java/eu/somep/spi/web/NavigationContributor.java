package eu.somep.spi.web;

import eu.somep.api.web.NavLink;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/** Adds entries to the site navigation while the plugin is enabled. Labels are the plugin's message keys. */
@ConsumerType
public interface NavigationContributor {
    List<NavLink> links();
}
