// The quiz benchmark's load driver (run by quiz-bench.sh with `java QuizBench.java`; Java 17, no dependencies).
// Sets up N trainees and a 20-question quiz through the REST API, then has every trainee take it at once with
// autosave every 15 s (one PUT per changed answer, with its sequence number, as the attempt page does), finish,
// and checks each saved response and mark against what was sent: lost and misgraded answers must be zero. Then a
// closed-loop phase measures the autosave requests/s the server reaches. Prints a Markdown table on stdout.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class QuizBench {
    static String base;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final AtomicInteger errors = new AtomicInteger();

    static HttpResponse<String> call(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        if (token != null) b.header("Authorization", "Bearer " + token);
        return HTTP.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String ok(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) throw new IllegalStateException(r.statusCode() + " " + r.uri() + " " + r.body());
        return r.body();
    }

    static long num(String regex, String s) {
        Matcher m = Pattern.compile(regex).matcher(s);
        if (!m.find()) throw new IllegalStateException(regex + " not in " + s);
        return Long.parseLong(m.group(1));
    }

    /** Question i of the quiz: its JSON, two possible responses and the fraction each earns. */
    record Q(String json, String[] responses, double[] fractions) {
    }

    static Q question(int i) {
        return switch (i % 5) {
            case 0 -> new Q("{\"type\":\"truefalse\",\"name\":\"TF " + i + "\",\"text\":\"Statement " + i + " is false.\",\"answers\":[{\"text\":\"false\"}]}",
                    new String[] {"false", "true"}, new double[] {1, 0});
            case 1 -> new Q("{\"type\":\"multichoice\",\"name\":\"MC " + i + "\",\"text\":\"Pick the right one (" + i + ").\",\"single\":true,\"answers\":"
                    + "[{\"text\":\"Right\",\"fraction\":1},{\"text\":\"Half\",\"fraction\":0.5},{\"text\":\"Wrong\",\"fraction\":0},{\"text\":\"Also wrong\",\"fraction\":0}]}",
                    new String[] {"0", "1", "2"}, new double[] {1, 0.5, 0});
            case 2 -> new Q("{\"type\":\"shortanswer\",\"name\":\"SA " + i + "\",\"text\":\"The capital of Turkey (" + i + ")?\",\"answers\":[{\"text\":\"Ankara\",\"fraction\":1}]}",
                    new String[] {"Ankara", "Izmir"}, new double[] {1, 0});
            case 3 -> new Q("{\"type\":\"numerical\",\"name\":\"NU " + i + "\",\"text\":\"Pi to two decimals (" + i + ")?\",\"answers\":[{\"text\":\"3.14\",\"fraction\":1,\"tolerance\":0.005}]}",
                    new String[] {"3.14", "3"}, new double[] {1, 0});
            default -> new Q("{\"type\":\"matching\",\"name\":\"MA " + i + "\",\"text\":\"Match (" + i + ").\",\"answers\":[{\"text\":\"Rome\",\"match\":\"Italy\"},"
                    + "{\"text\":\"Ankara\",\"match\":\"Turkey\"},{\"text\":\"Berlin\",\"match\":\"Germany\"}]}",
                    new String[] {"0,1,2", "1,0,2"}, new double[] {1, 1.0 / 3});
        };
    }

    static final class Trainee {
        final String name;
        String token;
        long attempt;
        final int[] seq;
        final int[] sent; // index into responses, -1 none
        int answered;
        boolean finished; // false when a refused or failed request stopped this trainee: no grade to check

        Trainee(String name, int questions) {
            this.name = name;
            this.seq = new int[questions];
            this.sent = new int[questions];
            java.util.Arrays.fill(sent, -1);
        }
    }

    static double pct(List<Long> v, double p) {
        if (v.isEmpty()) return 0;
        List<Long> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p * s.size()) - 1)) / 1e6;
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2); // the pools' threads would keep the JVM alive
        }
    }

    static long serverPid;
    static long ticksPerSecond;

    /** utime + stime of the server process in clock ticks (0 without its pid). */
    static long cpuTicks() {
        if (serverPid <= 0) return 0;
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + serverPid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15, counted from the state (field 3)
        } catch (Exception e) {
            return 0;
        }
    }

    static String loadAverage() {
        try {
            String[] l = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return l[0] + ", " + l[1] + ", " + l[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static int warmupRequests;
    static int warmupRefused;

    /**
     * Before phase 1, as the page benchmarks do: 16 clients take the warm-up quiz without pause (start an attempt,
     * save every answer, finish, read it back) for `seconds`, so that phase 1 measures a server whose JIT has compiled
     * these paths (C2 on 2 cores needs minutes) rather than a cold start. The JIT needs calls, not concurrency: 64
     * clients got 503s (no database connection free for 10 s) on a loaded machine. A refused request is counted
     * and shown, and its trainee leaves the warm-up (their attempt's sequence numbers are then unknown).
     */
    static void warmUp(List<Trainee> ts, List<Q> qs, long warmQuiz, int seconds) throws Exception {
        if (seconds <= 0) return;
        int clients = Math.min(16, ts.size());
        System.err.println("warm-up: " + clients + " clients on a quiz of its own, " + seconds + " s");
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger count = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        var workers = Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> ws = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            int wi = w;
            ws.add(workers.submit(() -> {
                Random r = new Random(1000 + wi);
                List<Trainee> mine = new ArrayList<>(); // a trainee per client only: two would resume each other's attempt
                for (int i = wi; i < ts.size(); i += clients) mine.add(ts.get(i));
                for (int k = 0; System.nanoTime() < end && !mine.isEmpty(); k++) {
                    Trainee t = mine.get(k % mine.size());
                    try {
                        long attempt = num("\"attempt\":\\{\"id\":(\\d+)", ok(call(t.token, "POST", "/api/quiz/quizzes/" + warmQuiz + "/attempts", null)));
                        for (int s = 0; s < qs.size(); s++) {
                            String[] rs = qs.get(s).responses();
                            count.incrementAndGet();
                            ok(call(t.token, "PUT", "/api/quiz/attempts/" + attempt + "/answers/" + (s + 1), "{\"response\":\"" + rs[r.nextInt(rs.length)] + "\",\"sequence\":0}"));
                        }
                        ok(call(t.token, "POST", "/api/quiz/attempts/" + attempt + "/finish", null));
                        ok(call(t.token, "GET", "/api/quiz/attempts/" + attempt, null));
                        count.addAndGet(3);
                    } catch (IllegalStateException e) {
                        refused.incrementAndGet();
                        System.err.println("warm-up: " + e.getMessage());
                        mine.remove(t);
                    }
                }
                return null;
            }));
        }
        for (var f : ws) f.get();
        workers.shutdown();
        warmupRequests = count.get();
        warmupRefused = refused.get();
    }

    static void run(String[] args) throws Exception {
        base = args[0];
        String admin = args[1];
        int n = Integer.parseInt(args[2]);
        int questions = 20;
        int every = Integer.parseInt(args.length > 3 ? args[3] : "15");
        int burstSeconds = Integer.parseInt(args.length > 4 ? args[4] : "20");
        // the server's process id and clock ticks a second: its own CPU time per request, which a busy machine moves
        // much less than latency or requests/s (those also count the neighbours and this load driver)
        serverPid = args.length > 5 ? Long.parseLong(args[5]) : 0;
        ticksPerSecond = args.length > 6 ? Long.parseLong(args[6]) : 100;
        int warmupSeconds = Integer.parseInt(args.length > 7 ? args[7] : "180");
        String load0 = loadAverage();
        Random random = new Random(42);

        System.err.println("setting up " + n + " trainees and a " + questions + "-question quiz");
        long section = num("\"sections\":\\[\\{\"id\":(\\d+)", ok(call(admin, "GET", "/api/course/courses/1", null)));
        String act = ok(call(admin, "POST", "/api/course/courses/1/activities", "{\"sectionId\":" + section
                + ",\"type\":\"quiz\",\"name\":\"Benchmark quiz\",\"settings\":{\"timelimit\":\"60\",\"maxgrade\":\"100\"}}"));
        long quiz = num("\"link\":\"/quiz/(\\d+)\"", act);
        // the warm-up takes a quiz of its own (same questions, same code paths), so that phase 1 starts fresh attempts
        long warmQuiz = num("\"link\":\"/quiz/(\\d+)\"", ok(call(admin, "POST", "/api/course/courses/1/activities", "{\"sectionId\":" + section
                + ",\"type\":\"quiz\",\"name\":\"Warm-up quiz\",\"settings\":{\"timelimit\":\"60\",\"maxgrade\":\"100\"}}")));
        long cat = num("\"id\":(\\d+)", ok(call(admin, "POST", "/api/quiz/courses/1/categories", "{\"name\":\"Benchmark\"}")));
        List<Q> qs = new ArrayList<>();
        for (int i = 0; i < questions; i++) {
            qs.add(question(i));
            long qid = num("\"id\":(\\d+)", ok(call(admin, "POST", "/api/quiz/categories/" + cat + "/questions", qs.get(i).json())));
            ok(call(admin, "POST", "/api/quiz/quizzes/" + quiz + "/questions", "{\"questionId\":" + qid + "}"));
            ok(call(admin, "POST", "/api/quiz/quizzes/" + warmQuiz + "/questions", "{\"questionId\":" + qid + "}"));
        }
        List<Trainee> ts = new ArrayList<>();
        var setup = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Trainee t = new Trainee("bench" + i, questions);
            ts.add(t);
            fs.add(setup.submit(() -> {
                ok(call(admin, "POST", "/api/users", "{\"username\":\"" + t.name + "\",\"displayName\":\"Trainee " + t.name + "\",\"password\":\"" + t.name + "-pass-123\"}"));
                ok(call(admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"" + t.name + "\"}"));
                t.token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(ok(call(null, "POST", "/api/tokens",
                        "{\"username\":\"" + t.name + "\",\"password\":\"" + t.name + "-pass-123\",\"label\":\"bench\"}"))).results().findFirst().orElseThrow().group(1);
                return null;
            }));
        }
        for (var f : fs) f.get();
        setup.shutdown();

        warmUp(ts, qs, warmQuiz, warmupSeconds);

        // phase 1: everybody at once, autosave every `every` seconds: 4 new answers a tick, and one earlier answer changed
        System.err.println("phase 1: " + n + " trainees, autosave every " + every + " s");
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(96);
        CountDownLatch done = new CountDownLatch(n);
        long cpu1 = cpuTicks();
        long t0 = System.nanoTime();
        for (Trainee t : ts) {
            long delay = (long) (random.nextDouble() * every * 1000);
            long seed = random.nextLong();
            pool.schedule(new Runnable() {
                final Random r = new Random(seed);

                @Override
                public void run() {
                    try {
                        if (t.attempt == 0) {
                            t.attempt = num("\"attempt\":\\{\"id\":(\\d+)", ok(call(t.token, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null)));
                            requests.incrementAndGet();
                        }
                        List<Integer> slots = new ArrayList<>();
                        for (int k = 0; k < 4 && t.answered < questions; k++) slots.add(t.answered++);
                        if (t.answered > 4) slots.add(r.nextInt(t.answered - slots.size())); // a change of mind
                        for (int s : slots) {
                            int pick = r.nextInt(qs.get(s).responses().length);
                            if (pick == t.sent[s]) pick = (pick + 1) % qs.get(s).responses().length;
                            long a = System.nanoTime();
                            HttpResponse<String> resp = call(t.token, "PUT", "/api/quiz/attempts/" + t.attempt + "/answers/" + (s + 1),
                                    "{\"response\":\"" + qs.get(s).responses()[pick] + "\",\"sequence\":" + t.seq[s] + "}");
                            latencies.add(System.nanoTime() - a);
                            requests.incrementAndGet();
                            if (resp.statusCode() != 200) {
                                errors.incrementAndGet();
                                System.err.println("save refused: " + resp.statusCode() + " " + resp.body());
                                continue;
                            }
                            t.seq[s]++;
                            t.sent[s] = pick;
                        }
                        if (t.answered >= questions && slots.size() <= 1) {
                            ok(call(t.token, "POST", "/api/quiz/attempts/" + t.attempt + "/finish", null));
                            requests.incrementAndGet();
                            t.finished = true;
                            done.countDown();
                        } else {
                            pool.schedule(this, every, TimeUnit.SECONDS);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        System.err.println(t.name + ": " + e);
                        done.countDown();
                    }
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
        if (!done.await(30, TimeUnit.MINUTES)) throw new IllegalStateException("phase 1 did not end");
        double phase1 = (System.nanoTime() - t0) / 1e9;
        cpu1 = cpuTicks() - cpu1;

        // check every attempt: each response as last sent, each mark and the grade as expected
        int lost = 0;
        int misgraded = 0;
        int unfinished = 0;
        Pattern item = Pattern.compile("\"slot\":(\\d+),.*?\"response\":(null|\"((?:[^\"\\\\]|\\\\.)*)\"),\"sequence\":\\d+,\"fraction\":([-0-9.E]+|null)");
        for (Trainee t : ts) {
            if (t.attempt == 0) continue; // its start was refused: counted among the failed requests, nothing was sent
            // stopped by a failed request before finishing: its saved answers must still all be there, but an open
            // attempt has no marks yet, so they are not counted as misgraded
            if (!t.finished) unfinished++;
            String page = ok(call(t.token, "GET", "/api/quiz/attempts/" + t.attempt, null));
            Matcher m = item.matcher(page);
            double got = 0;
            int seen = 0;
            while (m.find()) {
                int s = Integer.parseInt(m.group(1)) - 1;
                seen++;
                Q q = qs.get(s);
                String expected = t.sent[s] < 0 ? null : q.responses()[t.sent[s]];
                String actual = "null".equals(m.group(2)) ? null : m.group(3);
                if (!java.util.Objects.equals(expected, actual)) lost++;
                double want = t.sent[s] < 0 ? 0 : q.fractions()[t.sent[s]];
                double f = "null".equals(m.group(4)) ? -1 : Double.parseDouble(m.group(4));
                if (t.finished && Math.abs(f - want) > 1e-6) misgraded++;
                got += want;
            }
            if (seen != questions) lost += questions - seen;
            double grade = Math.round(got / questions * 100 * 100000) / 100000.0;
            Matcher g = Pattern.compile("\"grade\":([-0-9.E]+)").matcher(page);
            if (t.finished && (!g.find() || Math.abs(Double.parseDouble(g.group(1)) - grade) > 1e-3)) misgraded++;
        }
        List<Long> p1 = new ArrayList<>(latencies);

        // phase 2: a closed loop of 64 clients saving answers as fast as the server answers, on second attempts
        int clients = Math.min(64, n);
        System.err.println("phase 2: closed loop, " + clients + " clients, " + burstSeconds + " s");
        latencies.clear();
        AtomicLong burst = new AtomicLong();
        AtomicInteger burstErrors = new AtomicInteger();
        // every client starts its attempts first; the timed, CPU-measured loop is saves only
        AtomicLong endAt = new AtomicLong();
        AtomicLong b0At = new AtomicLong();
        AtomicLong cpu2At = new AtomicLong();
        java.util.concurrent.CyclicBarrier ready = new java.util.concurrent.CyclicBarrier(clients, () -> {
            cpu2At.set(cpuTicks());
            b0At.set(System.nanoTime());
            endAt.set(System.nanoTime() + burstSeconds * 1_000_000_000L);
        });
        var workers = Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> ws = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            int wi = w;
            ws.add(workers.submit(() -> {
                Random r = new Random(wi);
                List<Trainee> mine = new ArrayList<>();
                for (int i = wi; i < ts.size(); i += clients) mine.add(ts.get(i));
                for (Trainee t : mine) {
                    t.attempt = num("\"attempt\":\\{\"id\":(\\d+)", ok(call(t.token, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null)));
                    java.util.Arrays.fill(t.seq, 0);
                }
                ready.await();
                long end = endAt.get();
                int k = 0;
                while (System.nanoTime() < end) {
                    Trainee t = mine.get(k++ % mine.size());
                    int s = r.nextInt(questions);
                    long a = System.nanoTime();
                    HttpResponse<String> resp = call(t.token, "PUT", "/api/quiz/attempts/" + t.attempt + "/answers/" + (s + 1),
                            "{\"response\":\"" + qs.get(s).responses()[r.nextInt(qs.get(s).responses().length)] + "\",\"sequence\":" + t.seq[s] + "}");
                    latencies.add(System.nanoTime() - a);
                    burst.incrementAndGet();
                    if (resp.statusCode() == 200) t.seq[s]++;
                    else burstErrors.incrementAndGet();
                }
                return null;
            }));
        }
        for (var f : ws) f.get();
        double burstTime = (System.nanoTime() - b0At.get()) / 1e9;
        long cpu2 = cpuTicks() - cpu2At.get();
        workers.shutdown();
        pool.shutdownNow();
        List<Long> p2 = new ArrayList<>(latencies);

        System.out.println("| Measure | Value |");
        System.out.println("|---|---|");
        System.out.printf("| Trainees, questions, autosave interval | %d, %d, %d s |%n", n, questions, every);
        System.out.printf("| Warm-up before phase 1 (16 clients, a quiz of its own): duration, requests, refused | %d s, %d, %d |%n", warmupSeconds, warmupRequests, warmupRefused);
        System.out.printf("| Phase 1 duration, requests, requests/s | %.1f s, %d, %.1f |%n", phase1, requests.get(), requests.get() / phase1);
        System.out.printf("| Autosave latency p50 / p99 / max (phase 1) | %.1f / %.1f / %.1f ms |%n", pct(p1, 0.5), pct(p1, 0.99), pct(p1, 1.0));
        System.out.printf("| Refused saves or failed requests (phase 1) | %d |%n", errors.get());
        System.out.printf("| Lost answers / misgraded answers or grades | %d / %d |%n", lost, misgraded);
        System.out.printf("| Attempts left unfinished by a failed request (answers checked, marks not) | %d |%n", unfinished);
        System.out.printf("| Closed loop (%d clients): autosaves/s, p50 / p99 | %.1f, %.1f / %.1f ms (%d non-200) |%n", clients, burst.get() / burstTime, pct(p2, 0.5), pct(p2, 0.99), burstErrors.get());
        if (serverPid > 0) {
            System.out.printf("| Server CPU per request: phase 1 (all requests) / closed loop (autosaves) | %.2f / %.2f ms |%n",
                    cpu1 * 1000.0 / ticksPerSecond / Math.max(1, requests.get()), cpu2 * 1000.0 / ticksPerSecond / Math.max(1, burst.get()));
        }
        System.out.printf("| Load average (1, 5, 15 min) at start / end | %s / %s |%n", load0, loadAverage());
        System.exit(lost == 0 && misgraded == 0 && errors.get() == 0 ? 0 : 1);
    }
}
