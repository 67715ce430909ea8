package eu.somep.core.event;

import eu.somep.api.event.Event;
import eu.somep.api.event.EventBus;
import eu.somep.spi.event.EventListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Publish/subscribe across plugins. Events are delivered on one thread, in publishing order, to the
 * {@link EventListener} services whose topics match and to the kernel's own subscribers (tests wait on these).
 */
public final class EventHub implements EventBus, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(EventHub.class.getName());
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "somep-events");
        t.setDaemon(true);
        return t;
    });
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private ServiceTracker<EventListener, Subscription> tracker;

    public void track(BundleContext ctx) {
        tracker = new ServiceTracker<>(ctx, EventListener.class, null) {
            @Override
            public Subscription addingService(ServiceReference<EventListener> ref) {
                EventListener l = context.getService(ref);
                if (l == null) return null;
                Subscription s = new Subscription(topics(ref.getProperty(EventListener.TOPICS)), l::onEvent);
                subscriptions.add(s);
                return s;
            }

            @Override
            public void removedService(ServiceReference<EventListener> ref, Subscription s) {
                subscriptions.remove(s);
                context.ungetService(ref);
            }
        };
        tracker.open();
    }

    private static List<String> topics(Object prop) {
        if (prop instanceof String s) return List.of(s);
        if (prop instanceof String[] a) return List.of(a);
        return List.of();
    }

    @Override
    public void publish(String topic, Map<String, Object> properties) {
        Event event = new Event(topic, properties);
        for (Subscription s : subscriptions) {
            if (!s.matches(topic)) continue;
            delivery.execute(() -> {
                try {
                    s.consumer.accept(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "An event listener failed on " + topic, e);
                }
            });
        }
    }

    private volatile eu.somep.core.cluster.Cluster cluster;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final String CLUSTER_TOPIC = "event";

    /** Joins a cluster: events published to other nodes go there, and theirs arrive here. */
    public void clustered(eu.somep.core.cluster.Cluster c) {
        cluster = c;
        c.on(CLUSTER_TOPIC, this::fromOtherNode);
    }

    @Override
    public void publishToOtherNodes(String topic, Map<String, Object> properties) {
        eu.somep.core.cluster.Cluster c = cluster;
        if (c == null || !c.enabled()) return;
        for (Object v : properties.values()) {
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean))
                throw new IllegalArgumentException("An event for other nodes carries strings, numbers and booleans only, not " + (v == null ? "null" : v.getClass().getName()));
        }
        try {
            String payload = encode(topic, properties);
            // PostgreSQL's limit is 8,000 bytes for the whole message, node id and topic included
            if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 7_000) throw new IllegalArgumentException("An event for other nodes must stay under 7,000 bytes");
            c.send(CLUSTER_TOPIC, payload);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("The event cannot be sent to other nodes: " + e.getMessage(), e);
        }
    }

    private void fromOtherNode(String payload) {
        try {
            Map.Entry<String, Map<String, Object>> e = decode(payload);
            publish(e.getKey(), e.getValue());
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warning("An event from another node is not readable: " + e.getMessage());
        }
    }

    /**
     * JSON alone would give a receiver an Integer where the sender put a Long (or a Long for a small BigInteger), and
     * a subscriber's cast would fail on one node only: each number travels with the name of its type.
     */
    static String encode(String topic, Map<String, Object> properties) throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, String> types = new java.util.TreeMap<>();
        Map<String, Object> values = new java.util.TreeMap<>();
        properties.forEach((k, v) -> {
            if (v instanceof Number) types.put(k, v.getClass().getSimpleName());
            // the big ones as text: a JSON number would come back as a double and lose digits or scale
            values.put(k, v instanceof java.math.BigDecimal || v instanceof java.math.BigInteger ? v.toString() : v);
        });
        return JSON.writeValueAsString(Map.of("topic", topic, "properties", values, "types", types));
    }

    @SuppressWarnings("unchecked")
    static Map.Entry<String, Map<String, Object>> decode(String payload) throws java.io.IOException {
        Map<String, Object> m = JSON.readValue(payload, Map.class);
        Map<String, Object> properties = new java.util.HashMap<>((Map<String, Object>) m.getOrDefault("properties", Map.of()));
        ((Map<String, String>) m.getOrDefault("types", Map.of())).forEach((k, type) -> {
            Object v = properties.get(k);
            Object typed = v instanceof Number || v instanceof String ? number(v.toString(), type) : null;
            if (typed != null) properties.put(k, typed);
        });
        return Map.entry((String) m.get("topic"), properties);
    }

    private static Object number(String n, String type) {
        return switch (type) {
            case "Long" -> Long.valueOf(n);
            case "Integer" -> Integer.valueOf(n);
            case "Short" -> Short.valueOf(n);
            case "Byte" -> Byte.valueOf(n);
            case "Double" -> Double.valueOf(n);
            case "Float" -> Float.valueOf(n);
            case "BigInteger" -> new java.math.BigInteger(n);
            case "BigDecimal" -> new java.math.BigDecimal(n);
            default -> null; // another Number type: as JSON gave it
        };
    }

    /** Subscribes kernel code; close the result to stop. */
    public AutoCloseable subscribe(List<String> topics, Consumer<Event> consumer) {
        Subscription s = new Subscription(topics, consumer);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    @Override
    public void close() {
        if (tracker != null) tracker.close();
        delivery.shutdownNow();
    }

    private record Subscription(List<String> topics, Consumer<Event> consumer) {
        boolean matches(String topic) {
            for (String t : topics) {
                if (t.equals(topic) || t.equals("*") || (t.endsWith("*") && topic.startsWith(t.substring(0, t.length() - 1)))) return true;
            }
            return false;
        }
    }
}
