package eu.somep.spi.event;

import eu.somep.api.event.Event;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives events. Register it as a service with the property {@link #TOPICS}: a topic such as
 * {@code kernel/plugin/enabled}, or a prefix ending in {@code *} such as {@code forum/*}.
 */
@ConsumerType
public interface EventListener {
    /** Service property: the topics (String or String[]) this listener receives. */
    String TOPICS = "somep.event.topics";

    void onEvent(Event event);
}
