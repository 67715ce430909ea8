package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One plugin is disabled and enabled over and over while requests run against the kernel and another plugin. */
class ToggleUnderLoadIT {
    @TempDir
    Path jars;

    @Test
    void toggling_a_plugin_fails_no_request_to_the_kernel_or_other_plugins() throws Exception {
        try (TestSomep somep = TestSomep.builder().start()) {
            PluginLifecycleIT.install(somep, TestPlugins.build(jars, "hello"));
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger served = new AtomicInteger();
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> loops = new ArrayList<>();
            for (String path : List.of("/health", "/pages/about", "/", "/pages/partners")) {
                loops.add(clients.submit(() -> {
                    while (running.get()) {
                        try {
                            HttpResponse<String> r = somep.get(path);
                            if (r.statusCode() != 200) failures.add(path + " -> " + r.statusCode());
                            served.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(path + " -> " + e);
                        }
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 40; i++) {
                assertEquals(200, somep.adminPost("/api/plugins/hello/disable").statusCode());
                assertEquals(404, somep.get("/hello").statusCode());
                assertEquals(200, somep.adminPost("/api/plugins/hello/enable").statusCode());
                assertEquals(200, somep.get("/hello").statusCode());
            }
            running.set(false);
            for (Future<?> f : loops) f.get();
            clients.shutdown();
            assertTrue(served.get() > 100, "requests were served meanwhile: " + served.get());
            assertEquals(List.of(), List.copyOf(failures), "no request failed");
        }
    }
}
