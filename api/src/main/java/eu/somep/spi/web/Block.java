package eu.somep.spi.web;

import eu.somep.api.web.View;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A block on the dashboard or the site home, like Moodle's blocks: "my courses", "latest forum posts", "a
 * featured case". Register it as a service; users arrange the blocks of each place (order, hidden) on their
 * dashboard. The view is a template fragment of the plugin (no layout), rendered with the plugin's messages.
 */
@ConsumerType
public interface Block {
    String DASHBOARD = "dashboard";
    String HOME = "home";

    /** Unique on the site, the component and a name: {@code course:mycourses}. */
    String id();

    /** The plugin's message key of the block's title. */
    String titleKey();

    /** Where it may appear: {@link #DASHBOARD}, {@link #HOME}. */
    Set<String> places();

    /** Its default position among the blocks of a place, lower first. */
    default int order() {
        return 50;
    }

    /** The block's content for the current user in a place, or empty to show nothing (for example to a guest). */
    Optional<View> render(String place);
}
