package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.core.config.Settings;
import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The development loop: with {@code somep.dev.watch} naming a build folder, each jar written there (as Maven writes
 * target/*.jar: in place) is deployed, and a rebuilt one replaces the running plugin without a restart.
 */
class DevLoopIT {
    private static final Logger LOG = Logger.getLogger(DevLoopIT.class.getName());

    @Test
    void a_rebuilt_plugin_serves_its_new_text_without_a_restart(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("target"));
        Path first = build(dir.resolve("b1"), "first build");
        Path second = build(dir.resolve("b2"), "second build");
        Path jar = target.resolve("devloop-1.0.0.jar");
        try (TestSomep somep = TestSomep.builder().noShippedPlugins().set(Settings.DEV_WATCH, target.toString()).start()) {
            CompletableFuture<?> enabled = somep.nextPluginState("enabled", "devloop");
            Files.copy(first, jar);
            TestSomep.await(enabled);
            assertEquals("first build", somep.get("/devloop").body());

            for (Path build : new Path[] {second, first, second}) {
                String expected = build == first ? "first build" : "second build";
                CompletableFuture<?> again = somep.nextPluginState("enabled", "devloop");
                long start = System.nanoTime();
                Files.copy(build, jar, StandardCopyOption.REPLACE_EXISTING); // in place, as the jar plugin writes
                TestSomep.await(again);
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertEquals(expected, somep.get("/devloop").body());
                LOG.info("rebuilt jar served after " + ms + " ms");
                // under a second on an idle machine; the margin is for a CI machine shared with other builds
                assertTrue(ms < 5_000, "picked up in " + ms + " ms");
            }
        }
    }

    private static Path build(Path dir, String text) throws Exception {
        Path res = Files.createDirectories(dir).resolve("text.txt");
        Files.writeString(res, text);
        return TestPlugins.build(dir, "devloop", "1.0.0", Map.of("-includeresource", "devloop/text.txt=" + res));
    }
}
