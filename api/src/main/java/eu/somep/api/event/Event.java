package eu.somep.api.event;

import java.util.Map;
import java.util.Objects;

/**
 * Something that happened, for other plugins to react to. Topics are slash-separated and start with the
 * component name, for example {@code pages/page/updated} or {@code kernel/plugin/enabled}.
 */
public record Event(String topic, Map<String, Object> properties) {
    public Event {
        Objects.requireNonNull(topic, "topic");
        properties = Map.copyOf(properties);
    }

    public Object get(String name) {
        return properties.get(name);
    }
}
