package eu.somep.it;

import eu.somep.testkit.TestDatabases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real control script of the built distribution, {@code bin/somep}, as an operator runs it: start, status,
 * the plugin commands and stop, with a fresh SOMEP_HOME and a free port. Each command is bounded by a timeout.
 */
class CliIT {
    private static final Duration START = Duration.ofSeconds(150);
    private static final Duration COMMAND = Duration.ofSeconds(90);

    @TempDir
    Path home;
    @TempDir
    Path jars;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    /** More environment for the script, such as a PostgreSQL URL. */
    private final Map<String, String> extraEnv = new java.util.HashMap<>();

    record Result(int exit, String output) {
    }

    @Test
    void an_operator_starts_manages_plugins_and_stops_somep_with_bin_somep() throws Exception {
        Path hello = TestPlugins.build(jars, "hello");
        port = freePort();
        try {
            Result start = somep(START, "start");
            assertEquals(0, start.exit(), start.output() + log());
            assertTrue(start.output().contains("SOMEP is running at http://localhost:" + port + "/"), start.output());
            assertEquals(200, get("/health").statusCode(), "start returns once SOMEP answers");

            Result status = somep(COMMAND, "status");
            assertEquals(0, status.exit(), status.output());
            assertTrue(status.output().contains("SOMEP is running"), status.output());

            Result list = somep(COMMAND, "plugin", "list");
            assertEquals(0, list.exit(), list.output() + log());
            assertTrue(list.output().contains("\"component\":\"pages\""), list.output());
            assertTrue(list.output().contains("\"state\":\"enabled\""), list.output());

            Result disable = somep(COMMAND, "plugin", "disable", "pages");
            assertEquals(0, disable.exit(), disable.output());
            assertTrue(disable.output().contains("\"state\":\"disabled\""), disable.output());
            assertEquals(404, get("/pages/about").statusCode(), "the disabled plugin's page is gone");

            Result enable = somep(COMMAND, "plugin", "enable", "pages");
            assertEquals(0, enable.exit(), enable.output());
            assertTrue(enable.output().contains("\"state\":\"enabled\""), enable.output());
            HttpResponse<String> about = get("/pages/about");
            assertEquals(200, about.statusCode());
            assertTrue(about.body().contains("About SOMEP"), about.body());

            Result install = somep(COMMAND, "plugin", "install", hello.toString());
            assertEquals(0, install.exit(), install.output() + log());
            assertTrue(install.output().contains("\"component\":\"hello\""), install.output());
            HttpResponse<String> answer = get("/hello");
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("hello", answer.body());

            Result uninstall = somep(COMMAND, "plugin", "uninstall", "hello");
            assertEquals(0, uninstall.exit(), uninstall.output());
            assertTrue(uninstall.output().contains("\"state\":\"uninstalled\""), uninstall.output());
            assertEquals(404, get("/hello").statusCode());
            assertTrue(somep(COMMAND, "plugin", "list").output().contains("\"state\":\"uninstalled\""), "the list shows it uninstalled");

            // a backup while running; a restore is refused until SOMEP is stopped
            Path archive = home.resolve("site-backup.zip");
            Result backup = somep(COMMAND, "backup", archive.toString());
            assertEquals(0, backup.exit(), backup.output() + log());
            assertTrue(backup.output().contains("Wrote the backup") && Files.size(archive) > 0, backup.output());
            Result early = somep(COMMAND, "restore", archive.toString());
            assertNotEquals(0, early.exit(), early.output());
            assertTrue(early.output().contains("stop it first"), early.output());

            Result stop = somep(COMMAND, "stop");
            assertEquals(0, stop.exit(), stop.output());
            assertTrue(stop.output().contains("SOMEP stopped."), stop.output());
            Result offline = somep(COMMAND, "backup", home.resolve("offline-backup.zip").toString());
            assertEquals(0, offline.exit(), offline.output());
            assertTrue(Files.size(home.resolve("offline-backup.zip")) > 0, offline.output());
            Result restore = somep(COMMAND, "restore", archive.toString());
            assertEquals(0, restore.exit(), restore.output());
            assertTrue(restore.output().contains("Restored"), restore.output());
            Result after = somep(COMMAND, "status");
            assertNotEquals(0, after.exit(), after.output());
            assertTrue(after.output().contains("SOMEP is not running."), after.output());
            assertFalse(answers(), "nothing answers on port " + port + " after stop");
        } finally {
            stopForSure();
        }
    }

    @Test
    void a_plugin_command_that_fails_says_why_and_ends_with_an_error_code() throws Exception {
        Path notes = Files.writeString(jars.resolve("notes.jar"), "These are my notes, not a plugin.");
        port = freePort();
        try {
            Result start = somep(START, "start");
            assertEquals(0, start.exit(), start.output() + log());

            Result unknown = somep(COMMAND, "plugin", "disable", "no-such-plugin");
            assertTrue(unknown.output().contains("No plugin named 'no-such-plugin'"), unknown.output());
            assertNotEquals(0, unknown.exit(), "a script can tell that it failed: " + unknown.output());

            Result broken = somep(COMMAND, "plugin", "install", notes.toString());
            assertTrue(broken.output().contains("not a valid jar"), broken.output());
            assertNotEquals(0, broken.exit(), "a script can tell that it failed: " + broken.output());

            assertEquals(200, get("/pages/about").statusCode(), "nothing else changed");
        } finally {
            stopForSure();
        }
    }

    @Test
    void plugin_commands_work_on_a_stopped_installation_and_settings_on_a_running_one() throws Exception {
        Path hello = TestPlugins.build(jars, "hello");
        port = freePort();
        try {
            // never started: the shipped plugins are listed as new; settings and jars wait for the first start
            Result list = somep(COMMAND, "plugin", "list");
            assertEquals(0, list.exit(), list.output());
            assertTrue(list.output().contains("{\"component\":\"forum\",\"name\":\"Forum\"") && list.output().contains("\"state\":\"new\""), list.output());
            Result wrong = somep(COMMAND, "plugin", "settings", "forum", "editMinutes=99999", "digestHour=noon");
            assertEquals(1, wrong.exit(), wrong.output());
            assertTrue(wrong.output().contains("editMinutes: Enter a number from 0 to 10080.") && wrong.output().contains("digestHour: Enter a whole number."), wrong.output());
            Result set = somep(COMMAND, "plugin", "settings", "forum", "editMinutes=0");
            assertEquals(0, set.exit(), set.output());
            assertTrue(set.output().contains("\"editMinutes\":0,\"mailSeconds\":60"), set.output());
            Result add = somep(COMMAND, "plugin", "add", hello.toString());
            assertEquals(0, add.exit(), add.output());
            assertTrue(add.output().contains("installed at the next start") && Files.exists(home.resolve("deploy/hello-1.0.0.jar")), add.output());
            assertTrue(somep(COMMAND, "plugin", "info", "hello").output().contains("\"state\":\"new\""));
            Result notPlugin = somep(COMMAND, "plugin", "add", Files.writeString(jars.resolve("notes.jar"), "notes").toString());
            assertEquals(1, notPlugin.exit(), notPlugin.output());
            assertTrue(notPlugin.output().contains("not a valid jar"), notPlugin.output());

            // running: the same commands through the REST API; the offline value is in force
            assertEquals(0, somep(START, "start").exit(), log());
            Result shown = somep(COMMAND, "plugin", "settings", "forum");
            assertEquals(0, shown.exit(), shown.output());
            assertTrue(shown.output().contains("\"values\":{\"editMinutes\":0,"), shown.output());
            assertEquals(200, get("/hello").statusCode(), "the added plugin was installed at start");
            assertTrue(somep(COMMAND, "plugin", "info", "hello").output().contains("\"state\":\"enabled\""));
            Result changed = somep(COMMAND, "plugin", "settings", "forum", "editMinutes=45", "digestHour=6");
            assertEquals(0, changed.exit(), changed.output());
            assertTrue(changed.output().contains("\"values\":{\"editMinutes\":45,\"mailSeconds\":60,\"digestHour\":6}"), changed.output());
            Result refused = somep(COMMAND, "plugin", "settings", "forum", "editMinutes=abc");
            assertNotEquals(0, refused.exit(), refused.output());
            assertTrue(refused.output().contains("\"editMinutes\":\"Enter a whole number.\""), refused.output());
            assertEquals(0, somep(COMMAND, "stop").exit());

            // stopped again: what the running SOMEP recorded, and removing and disabling for the next start
            assertTrue(somep(COMMAND, "plugin", "info", "hello").output().contains("\"state\":\"enabled\""));
            assertTrue(somep(COMMAND, "plugin", "settings", "forum").output().contains("\"editMinutes\":45"));
            Result course = somep(COMMAND, "plugin", "disable", "course");
            assertEquals(1, course.exit(), course.output());
            assertTrue(course.output().contains("required by the enabled plugins"), course.output());
            Result quiz = somep(COMMAND, "plugin", "disable", "quiz");
            assertEquals(0, quiz.exit(), quiz.output());
            Result removed = somep(COMMAND, "plugin", "remove", "hello", "--purge");
            assertEquals(0, removed.exit(), removed.output());
            assertTrue(removed.output().contains("Plugin hello is uninstalled"), removed.output());
            assertFalse(Files.exists(home.resolve("deploy/hello-1.0.0.jar")), "its jar left deploy/");

            assertEquals(0, somep(START, "start").exit(), log());
            Result after = somep(COMMAND, "plugin", "list");
            assertTrue(after.output().contains("\"component\":\"hello\",\"name\":\"Test plugin hello\",\"description\":\"\",\"version\":\"1.0.0\",\"state\":\"uninstalled\""), after.output());
            assertTrue(after.output().contains("\"component\":\"quiz\"") && somep(COMMAND, "plugin", "info", "quiz").output().contains("\"state\":\"disabled\""), after.output());
            assertEquals(404, get("/hello").statusCode());
        } finally {
            stopForSure();
        }
    }

    @Test
    void offline_plugin_commands_use_the_configured_postgresql_database() throws Exception {
        TestDatabases.Db db = TestDatabases.postgres();
        extraEnv.put("SOMEP_DB_URL", db.url());
        extraEnv.put("SOMEP_DB_USER", db.user());
        extraEnv.put("SOMEP_DB_PASSWORD", db.password());
        port = freePort();
        Result set = somep(COMMAND, "plugin", "settings", "forum", "editMinutes=7");
        assertEquals(0, set.exit(), set.output());
        assertTrue(set.output().contains("\"editMinutes\":7"), set.output());
        assertTrue(somep(COMMAND, "plugin", "disable", "quiz").output().contains("has not run yet"), "no row yet for a plugin that never ran");
        try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             var rs = c.createStatement().executeQuery("SELECT setting_value FROM kernel_plugin_setting WHERE component = 'forum' AND attribute = 'editMinutes'")) {
            assertTrue(rs.next(), "the value is in PostgreSQL");
            assertEquals("7", rs.getString(1));
        }
        assertFalse(Files.exists(home.resolve("data/somep.mv.db")), "no H2 file was made");
    }

    /** Runs {@code bin/somep} with the given arguments; fails the test when it does not end within the timeout. */
    private Result somep(Duration timeout, String... args) throws Exception {
        Path script = Path.of(System.getProperty("somep.dist", "target/somep")).resolve("bin/somep").toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("SOMEP_HOME", home.toString());
        env.put("SOMEP_PORT", String.valueOf(port));
        env.put("SOMEP_ADMIN_PASSWORD", TestSomep.ADMIN_PASSWORD);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("SOMEP_DEPLOY_POLL_MS", "100");
        env.putAll(extraEnv);
        // Output into a file, input from nothing: the server started in the background must not hold a pipe of ours.
        Path out = Files.createTempFile(home, "cli-", ".out");
        pb.redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroyForcibly();
            throw new AssertionError("bin/somep " + String.join(" ", args) + " did not end within " + timeout.toSeconds() + " s: "
                    + Files.readString(out, StandardCharsets.UTF_8) + log());
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** Stops the server this test started: with the script, then by its process id should the script not manage. */
    private void stopForSure() throws Exception {
        Path pidFile = home.resolve("data/somep.pid");
        if (!Files.exists(pidFile)) return;
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        try {
            somep(COMMAND, "stop");
        } catch (AssertionError | Exception e) {
            // fall through to the process id
        }
        ProcessHandle.of(pid).ifPresent(h -> {
            h.destroy();
            h.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> {
                h.destroyForcibly();
                return h;
            }).join();
        });
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private boolean answers() throws InterruptedException {
        try {
            get("/health");
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return !(e.getCause() instanceof ConnectException);
        }
    }

    private String log() {
        try {
            Path log = home.resolve("data/somep.log");
            return Files.exists(log) ? "\n--- somep.log ---\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
