package eu.somep.core.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DispatcherTest {
    @Test
    void pages_and_api_paths_name_their_component() {
        assertEquals("forum", Dispatcher.componentOf("/forum/discussion/3"));
        assertEquals("forum", Dispatcher.componentOf("/api/forum/posts"));
        assertEquals("forum", Dispatcher.componentOf("/forum"));
        assertEquals("api", Dispatcher.componentOf("/api"));
        assertNull(Dispatcher.componentOf("/"));
        assertNull(Dispatcher.componentOf("/api/"));
    }
}
