package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.As;
import eu.somep.testkit.Browser;
import eu.somep.testkit.Client;
import eu.somep.testkit.Role;
import eu.somep.testkit.SomepTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plugin in a real SOMEP (its own jar from target/), through its page and its API, as each role. */
@SomepTest(plugins = "${component}")
class ${prefix}IT {
    @Test
    void a_manager_adds_an_item_that_everyone_reads(@As(Role.MANAGER) Client manager, @As(Role.GUEST) Browser guest) throws Exception {
        HttpResponse<String> created = manager.post("/api/${component}/items", "{\"title\":\"First item\",\"text\":\"Added <b>by</b> a test.\"}");
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> page = guest.get("/${component}");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("First item") && page.body().contains("Added &lt;b&gt;by&lt;/b&gt; a test."), "escaped: " + page.body());
        assertFalse(page.body().contains("name=\"_csrf\""), "no form for a guest");
    }

    @Test
    void only_those_with_the_capability_add_items(@As(Role.GUEST) Client guest, @As(Role.TRAINEE) Client trainee) throws Exception {
        assertEquals(401, guest.post("/api/${component}/items", "{\"title\":\"x\",\"text\":\"y\"}").statusCode());
        assertEquals(403, trainee.post("/api/${component}/items", "{\"title\":\"x\",\"text\":\"y\"}").statusCode());
    }

    @Test
    void bad_input_gets_a_clear_answer_and_keeps_what_was_typed(@As(Role.MANAGER) Client api, @As(Role.MANAGER) Browser manager) throws Exception {
        HttpResponse<String> bad = api.post("/api/${component}/items", "{\"title\":\" \",\"text\":\"y\"}");
        assertEquals(422, bad.statusCode());
        assertTrue(bad.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), bad.body());
        HttpResponse<String> form = manager.submit("/${component}", "/${component}/items", Map.of("title", "", "text", "Kept text"));
        assertEquals(400, form.statusCode());
        assertTrue(form.body().contains("Kept text"), form.body());
        HttpResponse<String> ok = manager.submit("/${component}", "/${component}/items", Map.of("title", "From the form", "text", "Posted with the CSRF token"));
        assertEquals(303, ok.statusCode(), ok.body());
        assertTrue(manager.follow(ok).body().contains("From the form"));
    }
}
