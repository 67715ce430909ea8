package eu.somep.spi.web;

import eu.somep.api.web.View;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Provides the site home page at {@code /}. The service with the highest {@code service.ranking} wins;
 * without one the kernel shows a plain welcome page.
 */
@ConsumerType
public interface SiteHome {
    View home();
}
