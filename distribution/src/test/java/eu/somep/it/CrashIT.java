package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.io.File;
import java.io.IOException;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crash durability of the built distribution: {@code bin/somep run} as its own process takes forum posts and course
 * sections from several client threads, is killed with SIGKILL while they write, and started again on the same
 * home. Every write the client saw acknowledged (2xx) must be there after the restart. Three rounds per database.
 */
class CrashIT {
    private static final int WRITERS = 4;
    private static final int ACKS_BEFORE_KILL = 25;
    private static final Duration START = Duration.ofSeconds(150);

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;

    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    /** One acknowledged write: the page that must show it after the restart and the text it must show. */
    record Ack(String path, String marker) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void acknowledged_writes_survive_a_kill(TestDatabases.Db db) throws Exception {
        port = freePort();
        Process somep = start(db);
        String token = token();
        long discussion = id(send(token, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"Crash test\",\"message\":\"First.\"}"), 201);
        long category = id(send(token, "POST", "/api/course/categories", "{\"name\":\"Crash test\"}"), 201);
        long course = id(send(token, "POST", "/api/course/courses", "{\"categoryId\":" + category + ",\"fullname\":\"Crash test\",\"shortname\":\"CRASH\"}"), 201);
        Queue<Ack> acked = new ConcurrentLinkedQueue<>();
        try {
            for (int round = 1; round <= 3; round++) {
                int before = acked.size();
                somep = writeAndKill(somep, token, round, discussion, course, acked);
                assertTrue(acked.size() - before >= ACKS_BEFORE_KILL, "round " + round + ": writes were acknowledged before the kill");
                somep = start(db);
                token = token();
                for (Ack a : acked) {
                    HttpResponse<String> r = send(token, "GET", a.path(), null);
                    assertEquals(200, r.statusCode(), r.body());
                    assertTrue(r.body().contains(a.marker()), "round " + round + ": acknowledged " + a.marker() + " is missing after the kill" + log());
                }
            }
        } finally {
            kill(somep);
        }
    }

    /** Writers post until the process dies; the kill comes once enough writes were acknowledged. */
    private Process writeAndKill(Process somep, String token, int round, long discussion, long course, Queue<Ack> acked) throws Exception {
        Semaphore acks = new Semaphore(0);
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                pool.submit(() -> {
                    for (int n = 0; !killed.get(); n++) {
                        String marker = "crash-" + round + "-" + writer + "-" + n;
                        boolean post = (n + writer) % 2 == 0;
                        try {
                            HttpResponse<String> r = post
                                    ? send(token, "POST", "/api/forum/discussions/" + discussion + "/posts", "{\"message\":\"" + marker + "\"}")
                                    : send(token, "POST", "/api/course/courses/" + course + "/sections", "{\"title\":\"" + marker + "\"}");
                            if (r.statusCode() / 100 == 2) {
                                acked.add(new Ack(post ? "/api/forum/discussions/" + discussion + "?mode=flat" : "/api/course/courses/" + course, marker));
                                acks.release();
                            } else if (!killed.get()) {
                                throw new AssertionError(marker + ": " + r.statusCode() + " " + r.body());
                            }
                        } catch (IOException e) {
                            if (killed.get()) return null; // the answer died with the process: not acknowledged
                            throw e;
                        }
                    }
                    return null;
                });
            }
            assertTrue(acks.tryAcquire(ACKS_BEFORE_KILL, 60, TimeUnit.SECONDS), "writes are acknowledged" + log());
            killed.set(true);
            somep.destroyForcibly(); // SIGKILL: no shutdown hook, no close of the database
            assertTrue(somep.waitFor(30, TimeUnit.SECONDS), "the process died");
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "the writers ended");
        }
        return somep;
    }

    private Process start(TestDatabases.Db db) throws Exception {
        Path script = Path.of(System.getProperty("somep.dist", "target/somep")).resolve("bin/somep").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "run");
        Map<String, String> env = pb.environment();
        env.put("SOMEP_HOME", home.toString());
        env.put("SOMEP_PORT", String.valueOf(port));
        env.put("SOMEP_ADMIN_PASSWORD", TestSomep.ADMIN_PASSWORD);
        env.put("JAVA_HOME", System.getProperty("java.home"));
        if (db.url() != null) {
            env.put("SOMEP_DB_URL", db.url());
            env.put("SOMEP_DB_USER", db.user());
            env.put("SOMEP_DB_PASSWORD", db.password());
        }
        Path out = Files.createTempFile(home, "run-", ".out");
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        long deadline = System.nanoTime() + START.toNanos();
        while (!healthy()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                kill(p);
                throw new AssertionError("SOMEP did not start: " + Files.readString(out, StandardCharsets.UTF_8) + log());
            }
            try {
                p.onExit().get(200, TimeUnit.MILLISECONDS); // waits on the process's end, at most 200 ms, between tries
            } catch (TimeoutException stillRunning) {
                // not up yet: ask again
            }
        }
        return p;
    }

    private boolean healthy() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String token() throws Exception {
        HttpResponse<String> r = send(null, "POST", "/api/tokens",
                "{\"username\":\"admin\",\"password\":\"" + TestSomep.ADMIN_PASSWORD + "\",\"label\":\"crash\"}");
        assertEquals(201, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"token\":\"([0-9a-f]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private HttpResponse<String> send(String token, String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long id(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void kill(Process p) throws InterruptedException {
        if (p == null || !p.isAlive()) return;
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }

    private String log() {
        try {
            Path log = home.resolve("data/somep.log");
            if (!Files.exists(log)) return "";
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- somep.log (end) ---\n" + String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 60), lines.size())));
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
