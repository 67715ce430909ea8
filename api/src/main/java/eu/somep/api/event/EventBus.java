package eu.somep.api.event;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** Publishes events to every {@link eu.somep.spi.event.EventListener} whose topics match. */
@ProviderType
public interface EventBus {

    /** Delivers the event asynchronously, in publishing order; a failing listener never affects the publisher. */
    void publish(String topic, Map<String, Object> properties);
}
