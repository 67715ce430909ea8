package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestSomep;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From nothing to a running plugin: devkit/new-plugin generates a plugin from the archetype, Maven builds it
 * (offline, in a subprocess, against this build's jars), and a running SOMEP hot-deploys it and serves its page.
 */
class ArchetypeIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void a_generated_plugin_builds_and_hot_deploys_as_it_is(@TempDir Path dir) throws Exception {
        run(dir, List.of("bash", ROOT.resolve("devkit/new-plugin").toString(), "lexicon", dir.toString()));
        Path project = dir.resolve("lexicon");
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/eu/somep/lexicon/LexiconPrivacy.java")));
        String repo = ROOT.resolve("devkit/archetype/target/repo").toString();
        // package runs the generated unit test (message completeness); its *IT would boot a second kernel: not here
        run(project, List.of("mvn", "-o", "-q", "-B", "-Dmaven.repo.local=" + repo, "package"));
        Path jar = project.resolve("target/lexicon-0.1.0-SNAPSHOT.jar");
        assertTrue(Files.isRegularFile(jar), "built");

        try (TestSomep somep = TestSomep.builder().noShippedPlugins().start()) {
            CompletableFuture<?> enabled = somep.nextPluginState("enabled", "lexicon");
            somep.deploy(jar, "lexicon.jar");
            TestSomep.await(enabled);
            HttpResponse<String> page = somep.get("/lexicon");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<h1>Lexicon</h1>") && page.body().contains("Nothing here yet."), page.body());
            assertTrue(somep.get("/").body().contains("href=\"/lexicon\""), "in the navigation");
            HttpResponse<String> created = somep.send(somep.asAdmin("/api/lexicon/items").header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"Hashtag\",\"text\":\"A word marked with #.\"}")).build());
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(somep.get("/lexicon").body().contains("A word marked with #."), "its table was made by its migration");
        }
    }

    /** Runs a command, its output kept in a file for the failure message; at most five minutes. */
    private static void run(Path in, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(in.getParent() == null ? in : in.getParent(), "run", ".log");
        Process p = new ProcessBuilder(new ArrayList<>(command)).directory(in.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) p.destroyForcibly();
        assertTrue(done && p.exitValue() == 0, command + " failed:\n" + Files.readString(log));
    }
}
