package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.core.config.Settings;
import eu.somep.testkit.Browser;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When every database connection stays taken (an overload: the quiz benchmark at load 40 saw it), each request
 * that needs one is told so: 503 with Retry-After, problem+json for the API and a page for browsers, never a 500 or
 * an empty body; and the site serves again as soon as connections are free. On H2 and PostgreSQL.
 */
class OverloadIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_request_that_finds_no_free_database_connection_gets_503_with_retry_after(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().plugins("course", "forum").database(db)
                .set(Settings.DB_POOL, "3").set(Settings.DB_WAIT, "300").start()) {
            String token = somep.adminToken();
            Browser admin = new Browser(somep);
            admin.signIn();
            assertEquals(200, admin.get("/forum").statusCode());

            List<Connection> held = new ArrayList<>();
            try {
                // what an overload looks like to the kernel: every connection of the pool busy for longer than it waits
                for (int i = 0; i < 3; i++) held.add(somep.kernel().dataSource().getConnection());

                // a token is checked in the database before any plugin is reached
                HttpResponse<String> api = somep.send(HttpRequest.newBuilder(somep.uri("/api/forum/forums"))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json").build());
                assertUnavailable(api, "application/problem+json");
                assertTrue(api.body().contains("\"status\":503") && api.body().contains("Try again"), api.body());

                // inside a plugin, for a guest and for a signed-in browser
                assertUnavailable(somep.send(HttpRequest.newBuilder(somep.uri("/api/forum/forums")).build()), "application/problem+json");
                HttpResponse<String> page = admin.get("/forum");
                assertUnavailable(page, "text/html");
                assertTrue(page.body().contains("Try again"), page.body());
                HttpResponse<String> kernelPage = admin.get("/admin/plugins");
                assertUnavailable(kernelPage, "text/html");
            } finally {
                for (Connection c : held) c.close();
            }

            // nothing stays broken
            assertEquals(200, somep.send(HttpRequest.newBuilder(somep.uri("/api/forum/forums")).header("Authorization", "Bearer " + token).build()).statusCode());
            assertEquals(200, admin.get("/forum").statusCode());
        }
    }

    private static void assertUnavailable(HttpResponse<String> r, String type) {
        assertEquals(503, r.statusCode(), r.uri() + ": " + r.body());
        assertEquals("5", r.headers().firstValue("Retry-After").orElse(null), r.uri() + " says when to retry");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), r.uri() + ": " + r.headers().map());
        assertTrue(!r.body().isBlank() && !r.body().contains("Exception"), r.uri() + ": " + r.body());
    }
}
