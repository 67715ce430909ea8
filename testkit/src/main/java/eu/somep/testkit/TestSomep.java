package eu.somep.testkit;

import eu.somep.api.event.Event;
import eu.somep.core.Kernel;
import eu.somep.core.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boots the real kernel in the test JVM (real Felix, real bundles, real Jetty on a free port, a real H2 file or
 * PostgreSQL) with a fresh home folder, and gives the test an HTTP client. The shipped plugins are those of
 * the built distribution unless the test chooses none or names its own with {@link Builder#plugins(String...)}
 * (found by {@link PluginJars}). {@link SomepTest} wraps this for a whole test class.
 */
public final class TestSomep implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-pass-123";
    private final Path home;
    private final Kernel kernel;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private Data data;

    private TestSomep(Path home, Kernel kernel) {
        this.home = home;
        this.kernel = kernel;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, String> settings = new HashMap<>();
        private boolean shipped = true;
        private List<String> chosen;
        private Path home;
        private Path shippedFrom;

        /** Ships the plugins of this folder instead of the distribution's (a partner distribution's plugin set). */
        public Builder shippedFrom(Path pluginsDir) {
            shippedFrom = pluginsDir;
            return this;
        }

        /** Starts with exactly these plugins (component names), in this order: see {@link PluginJars#find}. */
        public Builder plugins(String... components) {
            chosen = List.of(components);
            shipped = false;
            return this;
        }

        public Builder noShippedPlugins() {
            shipped = false;
            return this;
        }

        public Builder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** Reuses a home folder (to restart on the same data). */
        public Builder home(Path existing) {
            home = existing;
            return this;
        }

        public Builder database(TestDatabases.Db db) {
            settings.put(Settings.DB_URL, db.url());
            settings.put(Settings.DB_USER, db.user());
            settings.put(Settings.DB_PASSWORD, db.password());
            return this;
        }

        public TestSomep start() throws Exception {
            // under target/, so `mvn clean` removes what the tests leave
            Files.createDirectories(Path.of("target/test-homes"));
            Path h = home != null ? home : Files.createTempDirectory(Path.of("target/test-homes"), "somep-");
            Path dist = PluginJars.dist();
            if (!Files.isDirectory(dist)) dist = h; // in a plugin's own module there is no distribution: the kernel needs none
            Path plugins = h.resolve("shipped");
            Files.createDirectories(plugins);
            if (shipped && home == null) {
                try (var s = Files.list(shippedFrom != null ? shippedFrom : dist.resolve("plugins"))) {
                    for (Path p : s.toList()) Files.copy(p, plugins.resolve(p.getFileName()));
                }
            }
            if (chosen != null && home == null) {
                for (String c : chosen) {
                    Path jar = PluginJars.find(c);
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
            }
            Map<String, String> o = new HashMap<>();
            o.put(Settings.HOME, h.toString());
            o.put(Settings.DIST, dist.toString());
            o.put(Settings.PLUGINS, plugins.toString());
            o.put(Settings.PORT, "0");
            o.put(Settings.ADMIN_PASSWORD, ADMIN_PASSWORD);
            o.put(Settings.DEPLOY_POLL, "50");
            o.put(Settings.DB_POOL, "8");
            o.putAll(settings);
            Kernel k = new Kernel(Settings.load(o, Map.of())).start();
            return new TestSomep(h, k);
        }
    }

    public Kernel kernel() { return kernel; }
    public Path home() { return home; }
    public Path deployDir() { return kernel.settings().deployDir(); }
    public URI uri(String path) { return URI.create("http://localhost:" + kernel.port() + path); }

    /** Drops a jar into the deploy folder the way an administrator should: written aside, then renamed. */
    public Path deploy(Path jar, String name) throws IOException {
        Path tmp = deployDir().resolve(name + ".part");
        Files.copy(jar, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return Files.move(tmp, deployDir().resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> send(HttpRequest req) throws IOException, InterruptedException {
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** A request signed in as the administrator with a bearer token. */
    public HttpRequest.Builder asAdmin(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + adminToken());
    }

    public HttpResponse<String> adminPost(String path) throws IOException, InterruptedException {
        return send(asAdmin(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    public HttpResponse<String> adminDelete(String path) throws IOException, InterruptedException {
        return send(asAdmin(path).DELETE().build());
    }

    public String adminToken() throws IOException, InterruptedException {
        if (token == null) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/tokens")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")).build());
            Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(r.body());
            if (!m.find()) throw new IllegalStateException("No token: " + r.statusCode() + " " + r.body());
            token = m.group(1);
        }
        return token;
    }

    /** A REST client acting as the role: a new account holding it at site level, the administrator, or a guest. */
    public Client as(Role role) throws IOException, InterruptedException {
        if (role == Role.GUEST) return new Client(this, null, null);
        if (role == Role.ADMIN) return new Client(this, "admin", adminToken());
        return data().client(data().user(role));
    }

    /** A browser signed in through the form as the role (a new account holding it), or not signed in for a guest. */
    public Browser browser(Role role) throws IOException, InterruptedException {
        if (role == Role.GUEST) return new Browser(this);
        return data().browser(data().user(role));
    }

    /** Builders of test data over the REST API. */
    public synchronized Data data() {
        if (data == null) data = new Data(this);
        return data;
    }

    /** The future completes with the first event on the topic that matches; subscribe before acting. */
    public CompletableFuture<Event> nextEvent(String topic, Predicate<Event> match) {
        CompletableFuture<Event> f = new CompletableFuture<>();
        AutoCloseable sub = kernel.events().subscribe(List.of(topic), e -> {
            if (match.test(e)) f.complete(e);
        });
        return f.whenComplete((e, t) -> {
            try {
                sub.close();
            } catch (Exception ignored) {
                // closing a subscription cannot fail
            }
        });
    }

    public CompletableFuture<Event> nextPluginState(String state, String component) {
        return nextEvent("kernel/plugin/" + state, e -> component.equals(e.get("component")));
    }

    public static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        kernel.close();
    }

    public void deleteHome() throws IOException {
        try (var s = Files.walk(home)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
