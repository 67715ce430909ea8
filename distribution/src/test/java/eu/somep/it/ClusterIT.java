package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.somep.core.config.Settings;
import eu.somep.testkit.Browser;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two SOMEP nodes on one PostgreSQL database, as behind a load balancer (cluster mode). Each node is a whole kernel
 * of its own (its own Felix framework, Jetty, connection pool, home folder and deploy folder) in this JVM; they
 * share only the database, as separate machines would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static TestSomep a;
    private static TestSomep b;
    private static TestDatabases.Db shared;

    @BeforeAll
    static void twoNodes() throws Exception {
        shared = TestDatabases.postgres();
        // both at once on the empty database, as an orchestrator starts them: migrations, shipped plugins and
        // Jetty's session table must each be created exactly once
        var startingB = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return node(shared, "node-b");
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        a = node(shared, "node-a");
        b = startingB.get(3, TimeUnit.MINUTES);
    }

    private static TestSomep node(TestDatabases.Db db, String id) throws Exception {
        return node(TestSomep.builder(), db, id);
    }

    private static TestSomep node(TestSomep.Builder builder, TestDatabases.Db db, String id) throws Exception {
        return builder.database(db).set(Settings.CLUSTER, "true").set(Settings.NODE_ID, id)
                .set(Settings.CLUSTER_CHECK, "5000").set(Settings.CLUSTER_FOLLOW_RETRY, "1000").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (a != null) a.close();
        if (b != null) b.close();
    }

    @Test
    @Order(1)
    void each_node_reports_itself_its_peer_and_the_database() throws Exception {
        JsonNode health = JSON.readTree(a.send(a.asAdmin("/health").GET().build()).body());
        assertEquals("UP", health.get("database").get("status").asText());
        assertEquals("node-a", health.get("cluster").get("node").asText());
        assertTrue(health.get("cluster").get("listening").asBoolean(), health.toString());
        List<String> peers = new ArrayList<>();
        health.get("cluster").get("peers").forEach(p -> peers.add(p.get("node").asText()));
        assertEquals(List.of("node-a", "node-b"), peers, health.toString());
        JsonNode guest = JSON.readTree(b.get("/health").body());
        assertEquals(2, guest.get("cluster").get("nodes").asInt());
        assertFalse(guest.toString().contains("address"), "addresses are for administrators: " + guest);
    }

    @Test
    @Order(2)
    void a_session_started_on_one_node_continues_on_the_other_and_ends_on_both() throws Exception {
        a.kernel().users().create("selin", "selin-pass-123", "Selin Kaya", false);
        Browser onA = new Browser(a);
        onA.signIn("selin", "selin-pass-123");
        String cookie = "SOMEPSESSION=" + onA.session();

        HttpResponse<String> profileOnB = withCookie(b, "/api/profile", cookie);
        assertEquals(200, profileOnB.statusCode(), profileOnB.body());
        assertTrue(profileOnB.body().contains("Selin Kaya"), profileOnB.body());

        // sign out on B with the CSRF token of a page B served: the session is gone on A as well
        HttpResponse<String> pageOnB = withCookie(b, "/profile", cookie);
        assertEquals(200, pageOnB.statusCode());
        HttpResponse<String> out = HTTP.send(HttpRequest.newBuilder(b.uri("/logout")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf=" + Browser.csrf(pageOnB))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, out.statusCode(), out.body());
        HttpResponse<String> afterOnA = withCookie(a, "/api/profile", cookie);
        assertEquals(401, afterOnA.statusCode(), "signed out everywhere: " + afterOnA.body());
    }

    @Test
    @Order(3)
    void a_plugin_disabled_on_one_node_is_gone_on_the_other_within_a_second() throws Exception {
        assertEquals(200, b.get("/api/glossary/terms").statusCode());
        var disabledOnB = b.nextPluginState("disabled", "glossary");
        long start = System.nanoTime();
        assertEquals(200, a.adminPost("/api/plugins/glossary/disable").statusCode());
        disabledOnB.get(1, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(404, b.get("/api/glossary/terms").statusCode(), "gone on B after " + ms + " ms");
        System.out.println("ClusterIT: glossary disabled on A was gone on B after " + ms + " ms");

        var enabledOnB = b.nextPluginState("enabled", "glossary");
        assertEquals(200, a.adminPost("/api/plugins/glossary/enable").statusCode());
        enabledOnB.get(5, TimeUnit.SECONDS);
        assertEquals(200, b.get("/api/glossary/terms").statusCode());
    }

    @Test
    @Order(4)
    void a_forum_post_made_on_one_node_is_read_on_the_other() throws Exception {
        a.kernel().users().create("jonas", "jonas-pass-123", "Jonas", false);
        String onA = TokensIT.create(a, "jonas", "jonas-pass-123", "on a");
        String onB = TokensIT.create(b, "jonas", "jonas-pass-123", "on b");
        HttpResponse<String> started = RegistrationIT.as(a, onA, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"Shared shift\",\"message\":\"First on A\"}");
        assertEquals(201, started.statusCode(), started.body());
        long id = ForumIT.id(started);
        String path = "/api/forum/discussions/" + id;
        HttpResponse<String> first = RegistrationIT.as(b, onB, "GET", path, null); // B caches the discussion now
        assertTrue(first.body().contains("First on A"), first.body());

        var cacheDroppedOnB = b.nextEvent("forum/cache/changed", e -> true);
        HttpResponse<String> reply = RegistrationIT.as(a, onA, "POST", path + "/posts", "{\"message\":\"Reply written on A\"}");
        assertEquals(201, reply.statusCode(), reply.body());
        cacheDroppedOnB.get(5, TimeUnit.SECONDS);
        HttpResponse<String> again = RegistrationIT.as(b, onB, "GET", path, null);
        assertTrue(again.body().contains("Reply written on A"), again.body());
    }

    @Test
    @Order(4)
    void password_guesses_spread_over_the_nodes_are_counted_together() throws Exception {
        a.kernel().users().create("kerem", "kerem-pass-123", "Kerem", false);
        for (int i = 0; i < 5; i++) assertEquals(401, token(a, "kerem", "wrong-" + i).statusCode());
        // B hears every failure A counted; wait until it has (the message, not a sleep), with a time bound
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (b.kernel().loginThrottle().retryAfter("kerem", "elsewhere") == 0) {
            assertTrue(System.nanoTime() < until, "node B never heard of node A's failed sign-ins");
            Thread.onSpinWait();
        }
        HttpResponse<String> onB = token(b, "kerem", "kerem-pass-123");
        assertEquals(429, onB.statusCode(), "B refuses the sixth try, even with the right password: " + onB.body());
        assertTrue(onB.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), onB.body());
    }

    private static HttpResponse<String> token(TestSomep node, String user, String password) throws Exception {
        return node.send(HttpRequest.newBuilder(node.uri("/api/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"label\":\"t\"}")).build());
    }

    @Test
    @Order(5)
    void a_plugin_installed_on_one_node_reaches_the_other_and_its_task_runs_once_per_cluster() throws Exception {
        LinkedBlockingQueue<Long> runs = new LinkedBlockingQueue<>();
        System.getProperties().put("ticker.runs", runs);
        try {
            Path jar = TestPlugins.build(Files.createTempDirectory("ticker"), "ticker");
            var onA = a.nextPluginState("enabled", "ticker");
            var onB = b.nextPluginState("enabled", "ticker"); // B has no jar: it takes it from the shared store
            HttpResponse<String> installed = a.send(a.asAdmin("/api/plugins").header("Content-Type", "application/java-archive")
                    .POST(HttpRequest.BodyPublishers.ofFile(jar)).build());
            assertEquals(201, installed.statusCode(), installed.body());
            TestSomep.await(onA);
            onB.get(10, TimeUnit.SECONDS);
            assertTrue(b.kernel().plugins().bundle("ticker").isPresent());

            // both nodes schedule the 300 ms task; the cluster runs it once per interval, so runs are never
            // much closer than that (two nodes each running it would give runs a few ms apart)
            runs.clear();
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Long t = runs.poll(3, TimeUnit.SECONDS);
                assertTrue(t != null, "the task stopped running after " + i + " runs");
                times.add(t);
            }
            for (int i = 1; i < times.size(); i++) {
                long gapMs = (times.get(i) - times.get(i - 1)) / 1_000_000;
                assertTrue(gapMs >= 140, "two runs " + gapMs + " ms apart: both nodes ran it (" + times.size() + " runs)");
            }

            // an upgrade on A reaches B the same way
            Path newer = TestPlugins.build(Files.createTempDirectory("ticker2"), "ticker", "1.1.0", java.util.Map.of());
            var upgradedOnB = b.nextPluginState("enabled", "ticker");
            HttpResponse<String> upgraded = a.send(a.asAdmin("/api/plugins").header("Content-Type", "application/java-archive")
                    .POST(HttpRequest.BodyPublishers.ofFile(newer)).build());
            assertEquals(201, upgraded.statusCode(), upgraded.body());
            upgradedOnB.get(10, TimeUnit.SECONDS);
            assertEquals("1.1.0", b.kernel().plugins().bundle("ticker").orElseThrow().getVersion().toString());
            assertEquals("1.1.0", JSON.readTree(b.send(b.asAdmin("/api/plugins/ticker").GET().build()).body()).get("version").asText());

            // uninstalled on A, it is gone on B, and stays gone when B starts again (no older copy comes back)
            var uninstalledOnB = b.nextPluginState("uninstalled", "ticker");
            assertEquals(200, a.send(a.asAdmin("/api/plugins/ticker").DELETE().build()).statusCode());
            uninstalledOnB.get(10, TimeUnit.SECONDS);
            try (var files = Files.list(b.deployDir())) { // what the deploy watcher would install again at B's next start
                List<Path> left = files.filter(f -> f.toString().endsWith(".jar") && "ticker".equals(eu.somep.testkit.PluginJars.componentOf(f))).toList();
                assertTrue(left.isEmpty(), "ticker jars left in B's deploy folder: " + left);
            }
            Path bHome = b.home();
            b.close();
            b = node(TestSomep.builder().home(bHome), shared, "node-b");
            b.kernel().plugins().settle();
            assertTrue(b.kernel().plugins().bundle("ticker").isEmpty(), "ticker came back on B after its restart");
            assertEquals("uninstalled", a.kernel().plugins().get("ticker").orElseThrow().state());
        } finally {
            System.getProperties().remove("ticker.runs");
        }
    }

    @Test
    @Order(6)
    void a_plugin_that_failed_to_start_on_one_node_is_tried_again_there() throws Exception {
        Path fails = b.kernel().settings().dataDir().resolve("moody-fails");
        Files.createFile(fails);
        Path jar = TestPlugins.build(Files.createTempDirectory("moody"), "moody");
        var enabledOnA = a.nextPluginState("enabled", "moody");
        var failedOnB = b.nextPluginState("failed", "moody");
        HttpResponse<String> installed = a.send(a.asAdmin("/api/plugins").header("Content-Type", "application/java-archive")
                .POST(HttpRequest.BodyPublishers.ofFile(jar)).build());
        assertEquals(201, installed.statusCode(), installed.body());
        TestSomep.await(enabledOnA);
        failedOnB.get(15, TimeUnit.SECONDS);
        assertEquals(200, a.get("/moody").statusCode());
        assertEquals(404, b.get("/moody").statusCode(), "not started on B");

        // what kept it from starting on B is gone: B tries again by itself (after 1 s here, at its next check)
        var enabledOnB = b.nextPluginState("enabled", "moody");
        Files.delete(fails);
        enabledOnB.get(20, TimeUnit.SECONDS);
        HttpResponse<String> onB = b.get("/moody");
        assertEquals(200, onB.statusCode(), onB.body());
        assertEquals("fine", onB.body());
        assertEquals(200, a.send(a.asAdmin("/api/plugins/moody").DELETE().build()).statusCode());
    }

    @Test
    @Order(7)
    void stopping_one_node_leaves_the_other_serving() throws Exception {
        a.close();
        a = null;
        HttpResponse<String> health = b.get("/health");
        assertEquals(200, health.statusCode(), health.body());
        assertEquals(1, JSON.readTree(health.body()).get("cluster").get("nodes").asInt(), health.body());
        assertEquals(200, b.get("/api/forum/forums").statusCode());
        HttpResponse<String> page = new Browser(b).get("/forum/");
        assertEquals(200, page.statusCode());
    }

    @Test
    @Order(8)
    void a_node_that_cannot_reach_the_database_fails_its_health_check_and_recovers() throws Exception {
        TestDatabases.Db db = TestDatabases.postgres();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/(somep_\\d+)").matcher(db.url());
        assertTrue(m.find(), db.url());
        String name = m.group(1);
        try (TestSomep c = node(db, "node-c");
             java.sql.Connection admin = java.sql.DriverManager.getConnection(db.url().replace("/" + name, "/postgres"), db.user(), db.password());
             java.sql.Statement st = admin.createStatement()) {
            assertEquals(200, c.get("/health").statusCode());
            st.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");

            HttpResponse<String> down = c.get("/health"); // waits for the pool's 10 s connection timeout
            assertEquals(503, down.statusCode(), down.body());
            assertEquals("DOWN", JSON.readTree(down.body()).get("database").get("status").asText());
            HttpResponse<String> page = c.get("/api/forum/forums");
            assertEquals(503, page.statusCode(), "a clear 503, not a 500: " + page.body());
            assertFalse(page.body().contains("Exception"), page.body());

            var listeningAgain = c.nextEvent(eu.somep.core.Kernel.LISTENING_TOPIC, e -> true);
            st.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            listeningAgain.get(30, TimeUnit.SECONDS); // the listener retries with a back-off of at most 10 s
            HttpResponse<String> up = c.get("/health");
            assertEquals(200, up.statusCode(), up.body());
            assertTrue(JSON.readTree(up.body()).get("cluster").get("listening").asBoolean(), "listening to the other nodes again: " + up.body());
        }
    }

    private static HttpResponse<String> withCookie(TestSomep node, String path, String cookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(node.uri(path)).header("Cookie", cookie).header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
