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
 * Crash durability of the built distribution: {@code bin/somep run} as its own process takes forum posts, course
 * sections, quiz autosaves and library uploads from several client threads, is killed with SIGKILL while they write,
 * and started again on the same home. Every write the client saw acknowledged (2xx) must be there after the restart:
 * posts and sections on their pages, each autosaved answer (or the one sent after it, whose answer the kill swallowed)
 * through the attempt API, each uploaded document in its folder's listing with its bytes downloadable. Three rounds per
 * database.
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

    /** An acknowledged upload: the document, and the bytes its download must give. */
    record Upload(long id, String name, byte[] bytes) {
    }

    /**
     * One writer's autosaves to its own question of the quiz attempt: the last acknowledged answer and the sequence
     * it left, and the last one sent (whose answer may have died with the process, yet been committed).
     */
    static final class Answers {
        final int slot;
        int sequence;
        String acked;
        int ackedSequence = -1;
        String sent;
        int saves;

        Answers(int slot) {
            this.slot = slot;
        }
    }

    /** What the writers write into. */
    record Fixture(long discussion, long course, long folder, long attempt) {
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
        long folder = id(send(token, "POST", "/api/library/folders", "{\"name\":\"Crash test\",\"visibility\":\"public\"}"), 201);
        Fixture fixture = new Fixture(discussion, course, folder, attempt(token, course));
        Queue<Ack> acked = new ConcurrentLinkedQueue<>();
        Queue<Upload> uploads = new ConcurrentLinkedQueue<>();
        List<Answers> answers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) answers.add(new Answers(w + 1));
        try {
            for (int round = 1; round <= 3; round++) {
                int before = acked.size() + uploads.size();
                for (Answers a : answers) a.sequence = sequence(token, fixture.attempt(), a.slot);
                int savesBefore = answers.stream().mapToInt(a -> a.ackedSequence).sum();
                somep = writeAndKill(somep, token, round, fixture, acked, uploads, answers);
                assertTrue(acked.size() + uploads.size() - before >= ACKS_BEFORE_KILL / 2, "round " + round + ": writes were acknowledged before the kill");
                assertTrue(answers.stream().mapToInt(a -> a.ackedSequence).sum() > savesBefore, "round " + round + ": autosaves were acknowledged");
                somep = start(db);
                token = token();
                for (Ack a : acked) {
                    HttpResponse<String> r = send(token, "GET", a.path(), null);
                    assertEquals(200, r.statusCode(), r.body());
                    assertTrue(r.body().contains(a.marker()), "round " + round + ": acknowledged " + a.marker() + " is missing after the kill" + log());
                }
                checkAnswers(token, round, fixture.attempt(), answers);
                checkUploads(token, round, folder, uploads);
                System.out.printf("CrashIT %s round %d: %d posts and sections, %d uploads and %d autosaves acknowledged so far; all there (of the autosaves, the last per question)%n", db,
                        round, acked.size(), uploads.size(), answers.stream().mapToInt(x -> x.saves).sum());
            }
            assertTrue(!uploads.isEmpty() && acked.stream().anyMatch(x -> x.path().contains("forum")), "every kind of write was in the mix");
        } finally {
            kill(somep);
        }
    }

    /** Writers post until the process dies; the kill comes once enough writes were acknowledged. */
    private Process writeAndKill(Process somep, String token, int round, Fixture f, Queue<Ack> acked, Queue<Upload> uploads, List<Answers> answers)
            throws Exception {
        Semaphore acks = new Semaphore(0);
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                pool.submit(() -> {
                    for (int n = 0; !killed.get(); n++) {
                        String marker = "crash-" + round + "-" + writer + "-" + n;
                        try {
                            if (write((n + writer) % 4, token, f, marker, acked, uploads, answers.get(writer), killed)) acks.release();
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

    /**
     * One write of the mix, by kind: a forum post, a course section, an autosave of the writer's own question, or an
     * upload of a small text file. True when the server acknowledged it.
     */
    private boolean write(int kind, String token, Fixture f, String marker, Queue<Ack> acked, Queue<Upload> uploads, Answers mine, AtomicBoolean killed)
            throws IOException, InterruptedException {
        HttpResponse<String> r;
        switch (kind) {
            case 0 -> {
                r = send(token, "POST", "/api/forum/discussions/" + f.discussion() + "/posts", "{\"message\":\"" + marker + "\"}");
                if (r.statusCode() / 100 == 2) acked.add(new Ack("/api/forum/discussions/" + f.discussion() + "?mode=flat", marker));
            }
            case 1 -> {
                r = send(token, "POST", "/api/course/courses/" + f.course() + "/sections", "{\"title\":\"" + marker + "\"}");
                if (r.statusCode() / 100 == 2) acked.add(new Ack("/api/course/courses/" + f.course(), marker));
            }
            case 2 -> {
                mine.sent = marker;
                r = send(token, "PUT", "/api/quiz/attempts/" + f.attempt() + "/answers/" + mine.slot,
                        "{\"response\":\"" + marker + "\",\"sequence\":" + mine.sequence + "}");
                if (r.statusCode() / 100 == 2) {
                    mine.sequence++;
                    mine.acked = marker;
                    mine.ackedSequence = mine.sequence;
                    mine.saves++;
                }
            }
            default -> {
                byte[] bytes = ("Crash test file " + marker + "\n").getBytes(StandardCharsets.UTF_8);
                String name = marker + ".txt";
                HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/library/folders/" + f.folder() + "/documents?name=" + name))
                        .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
                r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() / 100 == 2) uploads.add(new Upload(id(r, 201), name, bytes));
            }
        }
        if (r.statusCode() / 100 == 2) return true;
        if (!killed.get()) throw new AssertionError(marker + ": " + r.statusCode() + " " + r.body());
        return false;
    }

    /** A quiz with one short-answer question per writer, in the course, and the administrator's attempt at it. */
    private long attempt(String token, long course) throws Exception {
        String sections = send(token, "GET", "/api/course/courses/" + course, null).body();
        Matcher s = Pattern.compile("\"sections\":\\[\\{\"id\":(\\d+)").matcher(sections);
        long section = s.find() ? Long.parseLong(s.group(1))
                : id(send(token, "POST", "/api/course/courses/" + course + "/sections", "{\"title\":\"Quiz\"}"), 201);
        HttpResponse<String> act = send(token, "POST", "/api/course/courses/" + course + "/activities",
                "{\"sectionId\":" + section + ",\"type\":\"quiz\",\"name\":\"Crash quiz\",\"settings\":{}}");
        assertEquals(201, act.statusCode(), act.body());
        Matcher m = Pattern.compile("\"link\":\"/quiz/(\\d+)\"").matcher(act.body());
        assertTrue(m.find(), act.body());
        long quiz = Long.parseLong(m.group(1));
        long category = id(send(token, "POST", "/api/quiz/courses/" + course + "/categories", "{\"name\":\"Crash\"}"), 201);
        for (int w = 0; w < WRITERS; w++) {
            long q = id(send(token, "POST", "/api/quiz/categories/" + category + "/questions", "{\"type\":\"shortanswer\",\"name\":\"Q" + w
                    + "\",\"text\":\"Anything?\",\"answers\":[{\"text\":\"x\",\"fraction\":1}]}"), 201);
            assertEquals(201, send(token, "POST", "/api/quiz/quizzes/" + quiz + "/questions", "{\"questionId\":" + q + "}").statusCode());
        }
        HttpResponse<String> started = send(token, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null);
        assertEquals(201, started.statusCode(), started.body());
        Matcher a = Pattern.compile("\"attempt\":\\{\"id\":(\\d+)").matcher(started.body());
        assertTrue(a.find(), started.body());
        return Long.parseLong(a.group(1));
    }

    /** The response and sequence of a question of the attempt, as the attempt API gives them. */
    private String[] item(String token, long attempt, int slot) throws Exception {
        HttpResponse<String> r = send(token, "GET", "/api/quiz/attempts/" + attempt, null);
        assertEquals(200, r.statusCode(), r.body());
        Matcher m = Pattern.compile("\"slot\":" + slot + ",[^{}]*?\"response\":(null|\"([^\"]*)\"),\"sequence\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), "slot " + slot + " in " + r.body());
        return new String[] {m.group(2), m.group(3)};
    }

    private int sequence(String token, long attempt, int slot) throws Exception {
        return Integer.parseInt(item(token, attempt, slot)[1]);
    }

    /** Each writer's last acknowledged answer is there, or the one it sent after it (committed, though its answer died). */
    private void checkAnswers(String token, int round, long attempt, List<Answers> answers) throws Exception {
        for (Answers a : answers) {
            if (a.acked == null) continue;
            String[] now = item(token, attempt, a.slot);
            int sequence = Integer.parseInt(now[1]);
            boolean kept = sequence == a.ackedSequence && a.acked.equals(now[0]);
            boolean later = sequence == a.ackedSequence + 1 && a.sent.equals(now[0]);
            assertTrue(kept || later, "round " + round + ": the acknowledged autosave " + a.acked + " (sequence " + a.ackedSequence + ") of question "
                    + a.slot + " is lost: the attempt has " + now[0] + " (sequence " + sequence + ")" + log());
            a.acked = now[0]; // what the next round builds on
            a.ackedSequence = sequence;
        }
    }

    /** Every acknowledged upload is in its folder's listing, and its download gives the bytes sent. */
    private void checkUploads(String token, int round, long folder, Queue<Upload> uploads) throws Exception {
        StringBuilder listing = new StringBuilder();
        for (int page = 1, pages = 1; page <= pages; page++) {
            HttpResponse<String> r = send(token, "GET", "/api/library/folders/" + folder + "?page=" + page, null);
            assertEquals(200, r.statusCode(), r.body());
            Matcher m = Pattern.compile("\"pages\":(\\d+)").matcher(r.body());
            if (m.find()) pages = Integer.parseInt(m.group(1));
            listing.append(r.body());
        }
        for (Upload u : uploads) {
            assertTrue(listing.toString().contains("\"filename\":\"" + u.name() + "\""), "round " + round + ": the acknowledged upload " + u.name()
                    + " is not listed after the kill" + log());
            HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(uri("/library/documents/" + u.id() + "/download")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, got.statusCode(), "round " + round + ": download of " + u.name());
            assertTrue(java.util.Arrays.equals(u.bytes(), got.body()), "round " + round + ": " + u.name() + " downloads other bytes after the kill");
        }
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
