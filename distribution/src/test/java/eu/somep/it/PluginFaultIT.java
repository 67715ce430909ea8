package eu.somep.it;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A misbehaving plugin does not take the site down: requests that hang hold only the plugin's share of the server's
 * threads, tasks that hang hold only their own thread, and what throws is answered or logged, never shown.
 */
class PluginFaultIT {
    @TempDir
    Path jars;

    @Test
    void a_plugin_whose_requests_and_tasks_hang_or_throw_cannot_take_the_site_down() throws Exception {
        Semaphore arrived = new Semaphore(0);
        CountDownLatch release = new CountDownLatch(1);
        System.getProperties().put("stuck.arrived", arrived);
        Semaphore tasks = new Semaphore(0);
        Semaphore failures = new Semaphore(0);
        System.getProperties().put("stuck.release", release);
        System.getProperties().put("stuck.tasks", tasks);
        System.getProperties().put("stuck.failures", failures);
        Path stuck = TestPlugins.build(jars, "stuck");
        Path hello = TestPlugins.build(jars, "hello");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (TestSomep somep = TestSomep.builder().start()) {
            CompletableFuture<?> enabled = somep.nextPluginState("enabled", "stuck");
            somep.deploy(stuck, "stuck.jar");
            TestSomep.await(enabled);

            // three tasks hang (more than the scheduler's two threads) and one throws on every run, yet another
            // plugin's task still runs and the failing one keeps its schedule
            assertTrue(tasks.tryAcquire(3, 30, TimeUnit.SECONDS), "the three hanging tasks started");
            CompletableFuture<?> tick = somep.nextEvent("hello/tick", e -> true);
            PluginLifecycleIT.install(somep, hello);
            TestSomep.await(tick);
            assertTrue(failures.tryAcquire(3, 30, TimeUnit.SECONDS), "a task that throws runs again");

            // a route that throws gets a generic answer, without the exception's text
            HttpResponse<String> failed = client.send(HttpRequest.newBuilder(somep.uri("/stuck/fail")).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, failed.statusCode());
            assertTrue(failed.body().contains("\"status\":500") && !failed.body().contains("secret") && !failed.body().contains("IllegalState"), failed.body());

            // every thread the plugin may have is now stuck in its route, and its queue is full
            int share = eu.somep.core.web.WebServer.PER_PLUGIN;
            List<CompletableFuture<HttpResponse<String>>> hung = new ArrayList<>();
            for (int i = 0; i < share; i++) {
                hung.add(client.sendAsync(HttpRequest.newBuilder(somep.uri("/stuck")).build(), HttpResponse.BodyHandlers.ofString()));
            }
            assertTrue(arrived.tryAcquire(share, 60, TimeUnit.SECONDS), "all " + share + " requests reached the plugin");
            for (int i = 0; i < eu.somep.core.web.WebServer.QUEUE; i++) {
                hung.add(client.sendAsync(HttpRequest.newBuilder(somep.uri("/stuck")).build(), HttpResponse.BodyHandlers.ofString()));
            }

            // one more is turned away at once with a clear answer (the queued ones hold their threads for up to 30 s,
            // so poll until the queue is full rather than guess when their requests arrived)
            HttpResponse<String> more = null;
            for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < end; ) {
                more = client.send(HttpRequest.newBuilder(somep.uri("/stuck")).timeout(Duration.ofSeconds(40)).build(), HttpResponse.BodyHandlers.ofString());
                if (more.statusCode() == 503) break;
            }
            assertEquals(503, more.statusCode());
            assertEquals("5", more.headers().firstValue("Retry-After").orElse(""));
            assertTrue(more.body().contains("busy"), more.body());

            // the kernel and the other plugins keep serving, pages and API alike
            for (String path : List.of("/", "/health", "/pages/about", "/api/pages/about", "/forum")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(somep.uri(path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(r.statusCode() < 500, path + " answered " + r.statusCode());
            }

            // once it recovers, the plugin answers every request it held
            release.countDown();
            for (var h : hung.subList(0, share)) assertEquals("released", h.get(60, TimeUnit.SECONDS).body());
            for (var h : hung.subList(share, hung.size())) { // queued: served once a thread was free, or refused after 30 s
                HttpResponse<String> r = h.get(60, TimeUnit.SECONDS);
                assertTrue(r.statusCode() == 503 || r.body().equals("released"), r.statusCode() + " " + r.body());
            }
            assertEquals(200, client.send(HttpRequest.newBuilder(somep.uri("/stuck")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            release.countDown();
        }
    }
}
