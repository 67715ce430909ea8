package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.SharedSomep;
import eu.somep.testkit.TestSomep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile input on every JSON property of the main write endpoints and on the main HTML forms, as a signed-in user
 * allowed to write: never a 5xx; an accepted text reads back as sent; pages print it escaped; and in Chromium no
 * stored markup runs script.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String SLOT = "\"__hostile__\"";
    static TestSomep somep;
    @RegisterExtension
    static final SharedSomep SITE = new SharedSomep(s -> somep = s);

    private static String admin;
    private static String officer;
    private static long discussion;
    private static long course;
    private static long section;
    private static long folder;
    /** HTML pages that now hold stored hostile values, checked for escaping and in Chromium. */
    private static final Map<String, Boolean> PAGES = new LinkedHashMap<>();

    /** One endpoint: its request, a valid body, the fields to attack, those that must read back exactly, where to read back. */
    record Target(String name, String method, String path, Supplier<ObjectNode> valid, List<String> fields, Set<String> exact,
                  Function<JsonNode, String> readBack) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        admin = somep.adminToken();
        somep.kernel().users().create("officer", "officer-pass-123", "Officer", false);
        officer = TokensIT.create(somep, "officer", "officer-pass-123", "t");
        discussion = id(send(admin, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"Hostile\",\"message\":\"Base.\"}"), 201);
        long category = id(send(admin, "POST", "/api/course/categories", "{\"name\":\"Hostile\"}"), 201);
        course = id(send(admin, "POST", "/api/course/courses", "{\"categoryId\":" + category + ",\"fullname\":\"Hostile\",\"shortname\":\"HOST\"}"), 201);
        section = id(send(admin, "POST", "/api/course/courses/" + course + "/sections", "{\"title\":\"Base\"}"), 201);
        folder = id(send(admin, "POST", "/api/library/folders", "{\"name\":\"Hostile\",\"visibility\":\"public\"}"), 201);
    }

    static List<Target> targets() {
        String courseApi = "/api/course/courses/" + course;
        return List.of(
                new Target("forum discussion", "POST", "/api/forum/forums/1/discussions",
                        () -> obj("title", "T" + UNIQUE.incrementAndGet(), "message", "Hello"), List.of("title", "message"), Set.of("title"),
                        n -> "/api/forum/discussions/" + idOf(n)),
                new Target("forum post", "POST", "/api/forum/discussions/" + discussion + "/posts",
                        () -> obj("message", "Reply"), List.of("message", "parentId"), Set.of(), n -> "/api/forum/discussions/" + discussion),
                new Target("course", "POST", "/api/course/courses", () -> {
                    ObjectNode o = obj("fullname", "Course", "shortname", "H" + UNIQUE.incrementAndGet(), "summary", "S", "lang", "en",
                            "startDate", "2025-01-01", "endDate", "2025-12-31", "enrolKey", "key");
                    o.put("categoryId", 1).put("visible", true).put("selfEnrol", false);
                    return o;
                }, List.of("categoryId", "fullname", "shortname", "summary", "lang", "visible", "startDate", "endDate", "selfEnrol", "enrolKey"),
                        Set.of("fullname", "shortname"), n -> "/api/course/courses/" + idOf(n)),
                new Target("course section", "POST", courseApi + "/sections", () -> obj("title", "Section", "summary", "S"),
                        List.of("title", "summary", "position"), Set.of("title"), n -> courseApi),
                new Target("course activity", "POST", courseApi + "/activities", () -> {
                    ObjectNode o = obj("type", "page", "name", "Page");
                    o.put("sectionId", section);
                    o.set("settings", obj("body", "Hello"));
                    return o;
                }, List.of("sectionId", "type", "name", "tracked", "hidden", "position", "settings"), Set.of("name"), n -> courseApi),
                new Target("best-practice case", "POST", "/api/bestpractice/cases", HostileInputIT::bestPracticeCase,
                        List.of("country", "organisation", "year", "platforms", "category", "summary", "outcome", "sources", "composite"),
                        Set.of("organisation", "summary", "outcome"), n -> "/api/bestpractice/cases/" + idOf(n)),
                new Target("best-practice proposal", "POST", "/api/bestpractice/proposals", HostileInputIT::bestPracticeCase,
                        List.of("organisation", "platforms", "summary", "outcome", "sources"), Set.of(), n -> null),
                new Target("library folder", "POST", "/api/library/folders", () -> obj("name", "F" + UNIQUE.incrementAndGet(), "visibility", "public"),
                        List.of("parentId", "name", "description", "visibility"), Set.of(), n -> "/api/library/folders/" + idOf(n)),
                new Target("library link", "POST", "/api/library/folders/" + folder + "/links",
                        () -> obj("title", "Link", "url", "https://example.org/", "visibility", "public"),
                        List.of("title", "authors", "year", "language", "country", "type", "description", "tags", "source", "visibility", "url"),
                        Set.of(), n -> "/api/library/documents/" + idOf(n)),
                new Target("profile", "PUT", "/api/profile", () -> obj("displayName", "Officer", "email", "officer@example.org", "country", "TR",
                        "organisation", "Police", "language", "en", "timezone", "Europe/Istanbul"),
                        List.of("displayName", "email", "country", "organisation", "language", "timezone"), Set.of("displayName", "organisation"),
                        n -> "/api/profile"));
    }

    private static ObjectNode bestPracticeCase() {
        ObjectNode o = obj("country", "AT", "organisation", "Police " + UNIQUE.incrementAndGet(), "year", "2014", "platforms", "Facebook",
                "category", "push-information", "summary", "Warnings.", "outcome", "Reached many.");
        o.putArray("sources").add("example.org");
        o.put("composite", false);
        return o;
    }

    @Test
    @Order(1)
    void every_json_property_of_the_write_endpoints_survives_hostile_values() throws Exception {
        List<String> problems = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        for (Target t : targets()) {
            String token = t.name().equals("profile") ? officer : admin;
            for (String field : t.fields()) {
                for (String value : HostilePayloads.strings()) {
                    ObjectNode body = t.valid().get();
                    body.put(field, value);
                    HttpResponse<String> r = send(token, t.method(), t.path(), JSON.writeValueAsString(body));
                    if (!fine(t.name() + "." + field, value, r, problems)) continue;
                    if (r.statusCode() / 100 != 2) {
                        refused++;
                        continue;
                    }
                    accepted++;
                    if (!t.exact().contains(field)) continue;
                    String path = t.readBack().apply(JSON.readTree(r.body()));
                    HttpResponse<String> back = send(token, "GET", path, null);
                    if (back.statusCode() != 200 || !holds(JSON.readTree(back.body()), value))
                        problems.add(t.name() + "." + field + " = " + shorten(value) + ": accepted but " + path + " reads back otherwise ("
                                + back.statusCode() + ")");
                }
                for (String raw : HostilePayloads.jsonValues()) {
                    ObjectNode body = t.valid().get();
                    body.put(field, "__hostile__");
                    String json = JSON.writeValueAsString(body).replace(SLOT, raw);
                    HttpResponse<String> r = send(token, t.method(), t.path(), json);
                    if (fine(t.name() + "." + field + " (JSON)", raw, r, problems)) {
                        if (r.statusCode() / 100 == 2) accepted++;
                        else refused++;
                    }
                }
            }
            // the whole body of the wrong shape
            for (String raw : List.of("", "null", "[]", "\"text\"", "42", "{", "{\"unknown\":1}", "<xml/>")) {
                fine(t.name() + " body", raw, send(token, t.method(), t.path(), raw), problems);
            }
        }
        System.out.println("Hostile JSON: " + accepted + " accepted, " + refused + " refused, problems: " + problems.size());
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    @Order(2)
    void the_html_forms_survive_hostile_values_and_pages_print_them_escaped() throws Exception {
        SecurityIT.Browser browser = new SecurityIT.Browser(somep);
        browser.signIn();
        List<String> problems = new ArrayList<>();
        for (String value : HostilePayloads.strings()) {
            String csrf = SecurityIT.Browser.csrf(browser.get("/forum/1"));
            Map<String, String> form = new HashMap<>(Map.of("_csrf", csrf, "title", value, "message", value));
            HttpResponse<String> r = browser.post("/forum/1/discussions", form);
            if (!fineHtml("forum form", value, r, problems) || r.statusCode() != 303) continue;
            String where = browser.location(r).getPath();
            PAGES.put(where, true);
            HttpResponse<String> page = browser.follow(r);
            unescaped(where, page.body(), problems);

            csrf = SecurityIT.Browser.csrf(browser.get("/profile"));
            HttpResponse<String> p = browser.post("/profile", Map.of("_csrf", csrf, "displayName", value, "email", "admin@example.org",
                    "country", "TR", "organisation", value, "language", "en", "timezone", "Europe/Istanbul"));
            if (fineHtml("profile form", value, p, problems)) unescaped("/profile", p.statusCode() == 303 ? browser.follow(p).body() : p.body(), problems);
        }
        // the pages that now show what the JSON test stored
        PAGES.put("/forum/discussion/" + discussion, true);
        PAGES.put("/course/" + course, true);
        PAGES.put("/bestpractice", true);
        PAGES.put("/library/folders/" + folder, true);
        PAGES.put("/admin/users", true);
        for (String path : PAGES.keySet()) {
            HttpResponse<String> page = browser.get(path);
            if (page.statusCode() >= 500) problems.add(path + ": " + page.statusCode());
            unescaped(path, page.body(), problems);
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    @Test
    @Order(3)
    void no_stored_markup_runs_script_in_chromium() throws Exception {
        SecurityIT.Browser browser = new SecurityIT.Browser(somep);
        browser.signIn();
        try (Chromium chromium = Chromium.start(); BrowserContext context = chromium.browser.newContext()) {
            context.addCookies(List.of(new Cookie("SOMEPSESSION", browser.session()).setDomain("localhost").setPath("/")));
            Page page = context.newPage();
            List<String> ran = new ArrayList<>();
            List<String> checked = new ArrayList<>();
            for (String path : PAGES.keySet()) {
                com.microsoft.playwright.Response r = page.navigate(somep.uri(path).toString());
                assertTrue(r != null && r.status() < 500, path + ": " + (r == null ? "no answer" : r.status()));
                page.waitForLoadState();
                checked.add(path);
                if (!"undefined".equals(page.evaluate("() => typeof window.__pwned"))) ran.add(path);
            }
            System.out.println("Chromium checked: " + checked);
            assertTrue(checked.size() >= 5, "pages were checked: " + checked);
            assertTrue(ran.isEmpty(), "stored markup ran script on " + ran);
        }
    }

    // ---- checks

    /** No 5xx, and a refusal says why as problem+json (or an HTML page), without a stack trace. */
    private static boolean fine(String where, String value, HttpResponse<String> r, List<String> problems) {
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() >= 500) {
            problems.add(where + " = " + shorten(value) + ": " + r.statusCode() + " " + shorten(r.body()));
            return false;
        }
        if (r.statusCode() >= 400 && !type.startsWith("application/problem+json") && !type.startsWith("text/html")) {
            problems.add(where + " = " + shorten(value) + ": " + r.statusCode() + " as " + type + " " + shorten(r.body()));
            return false;
        }
        if (r.body().contains("Exception") || r.body().contains("\tat ")) {
            problems.add(where + " = " + shorten(value) + ": the answer shows an exception: " + shorten(r.body()));
            return false;
        }
        return true;
    }

    private static boolean fineHtml(String where, String value, HttpResponse<String> r, List<String> problems) {
        if (r.statusCode() >= 500 || r.body().contains("Exception")) {
            problems.add(where + " = " + shorten(value) + ": " + r.statusCode() + " " + shorten(r.body()));
            return false;
        }
        return true;
    }

    private static void unescaped(String where, String html, List<String> problems) {
        for (String markup : HostilePayloads.MARKUP) {
            if (html.contains(markup)) problems.add(where + " prints " + markup + " unescaped");
        }
        if (html.contains("<script>window.__pwned") || html.contains("onerror=\"window.__pwned")) problems.add(where + " prints a hostile script");
    }

    /** Whether any text in the answer is the value, or the value trimmed: the site trims blanks and control characters at the ends. */
    private static boolean holds(JsonNode n, String value) {
        if (n.isTextual()) return n.asText().equals(value) || n.asText().equals(value.strip()) || n.asText().equals(value.trim());
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            if (holds(it.next(), value)) return true;
        }
        return false;
    }

    // ---- helpers

    private static ObjectNode obj(String... pairs) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) o.put(pairs[i], pairs[i + 1]);
        return o;
    }

    private static HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(somep.uri(path)).header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        return somep.send(b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static long id(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return idOf(JSON.readTree(r.body()));
    }

    /** The id of what an answer describes: its own, or the first one inside (a page around it). */
    private static long idOf(JsonNode n) {
        JsonNode id = n.has("id") ? n.get("id") : n.findValue("id");
        return id.asLong();
    }

    private static String shorten(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 160 ? one.substring(0, 160) + "… (" + s.length() + " chars)" : one;
    }
}
