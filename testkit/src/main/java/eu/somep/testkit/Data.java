package eu.somep.testkit;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test data with sensible defaults, made through the same REST API a client uses (as the administrator), so a
 * test reads like a story: {@code long course = data.course("Open sources"); data.enrol(course, ayse, Role.TRAINEE);}.
 * A plugin's own builders can sit on {@link #create(String, String)}.
 */
public final class Data {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([0-9a-f]+)\"");
    private final TestSomep somep;
    private final AtomicInteger counter = new AtomicInteger();
    private Long category;

    Data(TestSomep somep) {
        this.somep = somep;
    }

    /** An account: user name and password. */
    public record User(String username, String password) { }

    /** A new account with the role at site level (none beyond "authenticated user" for a guest). */
    public User user(Role role) throws IOException, InterruptedException {
        if (role == Role.ADMIN) return new User("admin", TestSomep.ADMIN_PASSWORD);
        String base = role == Role.GUEST ? "user" : role.shortname();
        User u = user(base + counter.incrementAndGet());
        if (role != Role.GUEST) {
            expect(201, admin().post("/api/roles/" + role.shortname() + "/assignments", "{\"username\":\"" + u.username() + "\"}"));
        }
        return u;
    }

    /** A new account without any role. */
    public User user(String username) {
        String password = username + "-pass-123";
        somep.kernel().users().create(username, password, "Test " + username, false);
        return new User(username, password);
    }

    /** A REST client signed in as the user (a bearer token made through {@code /api/tokens}). */
    public Client client(User u) throws IOException, InterruptedException {
        HttpResponse<String> r = somep.send(HttpRequest.newBuilder(somep.uri("/api/tokens")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + u.username() + "\",\"password\":\"" + u.password()
                        + "\",\"label\":\"testkit\"}")).build());
        return new Client(somep, u.username(), group(TOKEN, r));
    }

    /** A browser signed in as the user through the sign-in form. */
    public Browser browser(User u) throws IOException, InterruptedException {
        Browser b = new Browser(somep);
        b.signIn(u.username(), u.password());
        return b;
    }

    /** A course (needs the course plugin), open from 2025 to 2035, in a category made once per kernel. */
    public long course(String fullname) throws IOException, InterruptedException {
        if (category == null) category = create("/api/course/categories", "{\"name\":\"Test courses\"}");
        return create("/api/course/courses", "{\"categoryId\":" + category + ",\"fullname\":" + json(fullname) + ",\"shortname\":\"T"
                + counter.incrementAndGet() + "\",\"startDate\":\"2025-01-01\",\"endDate\":\"2035-12-31\"}");
    }

    /** Enrols the user in the course with a course role: {@link Role#TRAINEE} or {@link Role#TRAINER}. */
    public void enrol(long course, User u, Role role) throws IOException, InterruptedException {
        expect(201, admin().post("/api/course/courses/" + course + "/participants",
                "{\"username\":\"" + u.username() + "\",\"role\":\"" + role.shortname() + "\"}"));
    }

    /** POSTs the JSON as the administrator, expects 201 Created and returns the {@code "id"} of the answer. */
    public long create(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = admin().post(path, json);
        expect(201, r);
        return Long.parseLong(group(ID, r));
    }

    /** A JSON string literal, quotes and escapes included. */
    public static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }

    private Client admin() throws IOException, InterruptedException {
        return new Client(somep, "admin", somep.adminToken());
    }

    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new AssertionError(r.request().method() + " " + r.request().uri().getPath() + ": expected " + status + ", got "
                    + r.statusCode() + " " + r.body());
        }
    }

    private static String group(Pattern p, HttpResponse<String> r) {
        Matcher m = p.matcher(r.body());
        if (!m.find()) throw new AssertionError("no " + p.pattern() + " in " + r.statusCode() + " " + r.body());
        return m.group(1);
    }
}
