package eu.somep.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An event sent to other nodes arrives with the same property types it was published with. */
class EventHubWireTest {
    @Test
    void numbers_keep_their_java_type_across_nodes() throws Exception {
        Map<String, Object> sent = Map.of("id", 42L, "count", 7, "share", 0.5, "price", new BigDecimal("12.30"),
                "name", "Kaya", "open", true);
        Map.Entry<String, Map<String, Object>> got = EventHub.decode(EventHub.encode("forum/post/created", sent));
        assertEquals("forum/post/created", got.getKey());
        assertEquals(sent, got.getValue());
        assertEquals(Long.class, got.getValue().get("id").getClass(), "a small Long stays a Long");
        assertEquals(Integer.class, got.getValue().get("count").getClass());
    }

    @Test
    void a_message_of_an_older_node_without_types_still_reads() throws Exception {
        Map.Entry<String, Map<String, Object>> got = EventHub.decode("{\"topic\":\"t\",\"properties\":{\"id\":3}}");
        assertEquals(Map.of("id", 3), got.getValue());
    }
}
