package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The object-level check every plugin reuses ({@code AccessControl.requireOwnerOr}), shown with a test plugin of
 * user-owned notes: user B gets 404 on user A's note, exactly as on a note that does not exist, for reading and
 * for deleting; A and a site administrator get through. Plugins test their own objects with the same pattern.
 */
class ObjectAccessIT {
    @Test
    void another_users_object_answers_like_a_missing_one() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            var ready = somep.nextPluginState("enabled", "notes");
            somep.deploy(TestPlugins.build(somep.home().resolve("build"), "notes", "1.0.0", Map.of("SOMEP-Api", "[1.1,2)")), "notes.jar");
            TestSomep.await(ready);
            somep.kernel().users().create("alice", "alice-pass-12", "Alice", false);
            somep.kernel().users().create("bob", "bob-pass-1234", "Bob", false);
            String alice = TokensIT.create(somep, "alice", "alice-pass-12", "t");
            String bob = TokensIT.create(somep, "bob", "bob-pass-1234", "t");

            HttpResponse<String> created = as(somep, alice, "POST", "/notes", "Alice's note");
            assertEquals(201, created.statusCode(), created.body());
            String id = created.body().trim();

            HttpResponse<String> stranger = as(somep, bob, "GET", "/notes/" + id, null);
            HttpResponse<String> missing = as(somep, bob, "GET", "/notes/999999", null);
            assertEquals(404, stranger.statusCode());
            assertEquals(missing.statusCode(), stranger.statusCode());
            assertEquals(missing.body(), stranger.body(), "someone else's object and a missing one look the same");
            assertEquals(404, as(somep, bob, "DELETE", "/notes/" + id, null).statusCode());
            assertEquals(404, somep.get("/notes/" + id).statusCode(), "guests get nothing either");

            assertEquals(200, as(somep, alice, "GET", "/notes/" + id, null).statusCode(), "the owner reads it, still there after B's attempts");
            assertEquals(200, as(somep, somep.adminToken(), "GET", "/notes/" + id, null).statusCode(), "a site administrator may read any");
            assertEquals(204, as(somep, alice, "DELETE", "/notes/" + id, null).statusCode());
        }
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return somep.send(HttpRequest.newBuilder(somep.uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", "text/plain")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
