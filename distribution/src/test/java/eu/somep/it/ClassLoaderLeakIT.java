package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import java.lang.ref.WeakReference;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.wiring.BundleWiring;

/** Installing and uninstalling a plugin 100 times leaves no old plugin class loader behind. */
class ClassLoaderLeakIT {
    private static final int CYCLES = 100;

    @TempDir
    Path jars;

    @Test
    void every_old_plugin_class_loader_is_collected() throws Exception {
        Path hello = TestPlugins.build(jars, "hello");
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().start()) {
            for (int i = 0; i < CYCLES; i++) {
                HttpResponse<String> in = somep.send(somep.asAdmin("/api/plugins").header("Content-Type", "application/java-archive")
                        .POST(HttpRequest.BodyPublishers.ofFile(hello)).build());
                assertEquals(201, in.statusCode(), in.body());
                // serve a request so the plugin's Jersey application, templates and classes are really used
                HttpResponse<String> hi = somep.get("/hello");
                assertEquals("hello", hi.body(), "cycle " + i + ": " + hi.statusCode() + " after " + in.body());
                loaders.add(new WeakReference<>(somep.kernel().plugins().bundle("hello").orElseThrow()
                        .adapt(BundleWiring.class).getClassLoader()));
                assertEquals(200, somep.adminDelete("/api/plugins/hello").statusCode());
                assertEquals(404, somep.get("/hello").statusCode());
            }
            long alive = 0;
            for (int attempt = 0; attempt < 20; attempt++) {
                System.gc();
                alive = loaders.stream().filter(r -> r.get() != null).count();
                if (alive == 0) break;
                Thread.onSpinWait();
            }
            assertEquals(0, alive, alive + " of " + CYCLES + " plugin class loaders are still reachable");
        }
    }
}
