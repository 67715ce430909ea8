package eu.somep.api.event;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Publishes events to every {@link eu.somep.spi.event.EventListener} whose topics match. */
@ProviderType
public interface EventBus {

    /** Delivers the event asynchronously, in publishing order; a failing listener never affects the publisher. */
    void publish(String topic, Map<String, Object> properties);

    /**
     * Delivers the event to the listeners on every <em>other</em> node of a cluster, never on this one; on a single
     * node it does nothing. For telling the other nodes that something they may hold in memory (a cache) changed
     * here. Property values must be strings, numbers or booleans; the whole event must stay under 7,000 bytes.
     * Delivery is quick (well under a second) but not guaranteed: a node that missed it must not keep stale data
     * for ever (re-read on a timer, or tag cached data with a version from the database).
     *
     * @since 1.1
     */
    void publishToOtherNodes(String topic, Map<String, Object> properties);
}
