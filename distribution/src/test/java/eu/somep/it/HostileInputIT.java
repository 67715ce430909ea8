package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.SharedSomep;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile input on every JSON property of the write endpoints of every shipped plugin and the kernel's
 * administration, and on the HTML forms, as a signed-in user allowed to write: never a 5xx; an accepted text reads
 * back as sent; pages print it escaped; and in Chromium no stored markup runs script. Each endpoint's main text
 * property gets all the strings (SOMEP's own and the whole Big List of Naughty Strings); its other properties get the
 * markup and a rotating sample, and every property gets JSON values of the wrong type. The JSON part runs on H2 and
 * on PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final String SLOT = "\"__hostile__\"";
    /** How many strings a property that does not get them all gets besides the markup. */
    private static final int SAMPLE = 14;
    /** How many JSON values of the wrong type a property gets when it is not its endpoint's first. */
    private static final int RAW_SAMPLE = 4;
    /** Parallel clients: the server is shared by many users, and this keeps the test within a few minutes. */
    private static final int CLIENTS = 3;
    static TestSomep somep;
    @RegisterExtension
    static final SharedSomep SITE = new SharedSomep(s -> somep = s);

    /** The H2 site's fixture, whose pages the HTML and Chromium tests check afterwards. */
    private static Site h2;
    /** HTML pages that now hold stored hostile values, checked for escaping and in Chromium. */
    private static final Map<String, Boolean> PAGES = Collections.synchronizedMap(new LinkedHashMap<>());

    /**
     * One endpoint: its request, who sends it, a valid body, the property that gets every string ({@code full}),
     * the others, those that must read back exactly, where to read back; {@code serial} when requests depend on the previous one.
     */
    record Target(String name, String method, String path, String token, Supplier<ObjectNode> valid, String full, List<String> fields,
                  Set<String> exact, Function<JsonNode, String> readBack, boolean serial) {
    }

    /** What one site holds for the test: tokens and the ids the endpoints write into. */
    static final class Site {
        final TestSomep somep;
        final String admin;
        final String officer;
        /** Whether each endpoint's main text property gets every string (on H2), or the sample as the others (on PostgreSQL). */
        boolean everything;
        long discussion;
        long course;
        long section;
        long folder;
        long quiz;
        long category;
        long attempt;
        long term;

        Site(TestSomep somep) throws Exception {
            this.somep = somep;
            admin = somep.adminToken();
            somep.kernel().users().create("officer", "officer-pass-123", "Officer", false);
            officer = TokensIT.create(somep, "officer", "officer-pass-123", "t");
            discussion = id(send(this, admin, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"Hostile\",\"message\":\"Base.\"}"), 201);
            long cat = id(send(this, admin, "POST", "/api/course/categories", "{\"name\":\"Hostile\"}"), 201);
            course = id(send(this, admin, "POST", "/api/course/courses", "{\"categoryId\":" + cat + ",\"fullname\":\"Hostile\",\"shortname\":\"HOST\"}"), 201);
            section = id(send(this, admin, "POST", "/api/course/courses/" + course + "/sections", "{\"title\":\"Base\"}"), 201);
            folder = id(send(this, admin, "POST", "/api/library/folders", "{\"name\":\"Hostile\",\"visibility\":\"public\"}"), 201);
            check(201, send(this, admin, "POST", "/api/course/courses/" + course + "/participants", "{\"username\":\"officer\"}"));
            // a quiz with one short-answer question, and the officer's attempt at it (autosaves go there)
            quiz = quizOf(check(201, send(this, admin, "POST", "/api/course/courses/" + course + "/activities",
                    "{\"sectionId\":" + section + ",\"type\":\"quiz\",\"name\":\"Hostile quiz\",\"settings\":{}}")));
            category = id(send(this, admin, "POST", "/api/quiz/courses/" + course + "/categories", "{\"name\":\"Hostile\"}"), 201);
            long question = id(send(this, admin, "POST", "/api/quiz/categories/" + category + "/questions", question().toString()), 201);
            check(201, send(this, admin, "POST", "/api/quiz/quizzes/" + quiz + "/questions", "{\"questionId\":" + question + "}"));
            attempt = JSON.readTree(check(201, send(this, officer, "POST", "/api/quiz/quizzes/" + quiz + "/attempts", null)).body())
                    .path("attempt").path("id").asLong();
            term = id(send(this, admin, "POST", "/api/glossary/terms", "{\"translations\":{\"en\":{\"name\":\"Hostile\",\"definition\":\"Base.\"}}}"), 201);
        }
    }

    static List<Target> targets(Site s) {
        String courseApi = "/api/course/courses/" + s.course;
        String attempt = "/api/quiz/attempts/" + s.attempt;
        return List.of(
                new Target("forum discussion", "POST", "/api/forum/forums/1/discussions", s.admin,
                        () -> obj("title", "T" + UNIQUE.incrementAndGet(), "message", "Hello"), "title", List.of("message"), Set.of("title"),
                        n -> "/api/forum/discussions/" + idOf(n), false),
                new Target("forum post", "POST", "/api/forum/discussions/" + s.discussion + "/posts", s.admin,
                        () -> obj("message", "Reply"), null, List.of("message", "parentId"), Set.of(), n -> "/api/forum/discussions/" + s.discussion, false),
                new Target("course", "POST", "/api/course/courses", s.admin, () -> {
                    ObjectNode o = obj("fullname", "Course", "shortname", "H" + UNIQUE.incrementAndGet(), "summary", "S", "lang", "en",
                            "startDate", "2025-01-01", "endDate", "2025-12-31", "enrolKey", "key");
                    o.put("categoryId", 1).put("visible", true).put("selfEnrol", false);
                    return o;
                }, "fullname", List.of("categoryId", "shortname", "summary", "lang", "visible", "startDate", "endDate", "selfEnrol", "enrolKey"),
                        Set.of("fullname", "shortname"), n -> "/api/course/courses/" + idOf(n), false),
                new Target("course section", "POST", courseApi + "/sections", s.admin, () -> obj("title", "Section", "summary", "S"),
                        null, List.of("title", "summary", "position"), Set.of("title"), n -> courseApi, false),
                new Target("course activity", "POST", courseApi + "/activities", s.admin, () -> {
                    ObjectNode o = obj("type", "page", "name", "Page");
                    o.put("sectionId", s.section);
                    o.set("settings", obj("body", "Hello"));
                    return o;
                }, null, List.of("name", "sectionId", "type", "tracked", "hidden", "position", "settings", "settings.body"), Set.of("name"), n -> courseApi, false),
                new Target("best-practice case", "POST", "/api/bestpractice/cases", s.admin, HostileInputIT::bestPracticeCase, "summary",
                        List.of("country", "organisation", "year", "platforms", "category", "outcome", "sources", "composite"),
                        Set.of("organisation", "summary", "outcome"), n -> "/api/bestpractice/cases/" + idOf(n), false),
                new Target("best-practice proposal", "POST", "/api/bestpractice/proposals", s.admin, HostileInputIT::bestPracticeCase, null,
                        List.of("organisation", "platforms", "summary", "outcome", "sources"), Set.of(), n -> null, false),
                new Target("library folder", "POST", "/api/library/folders", s.admin, () -> obj("name", "F" + UNIQUE.incrementAndGet(), "visibility", "public"),
                        null, List.of("parentId", "name", "description", "visibility"), Set.of(), n -> "/api/library/folders/" + idOf(n), false),
                new Target("library link", "POST", "/api/library/folders/" + s.folder + "/links", s.admin,
                        () -> obj("title", "Link", "url", "https://example.org/", "visibility", "public"), "title",
                        List.of("authors", "year", "language", "country", "type", "description", "tags", "source", "visibility", "url"),
                        Set.of(), n -> "/api/library/documents/" + idOf(n), false),
                new Target("profile", "PUT", "/api/profile", s.officer, () -> obj("displayName", "Officer", "email", "officer@example.org", "country", "TR",
                        "organisation", "Police", "language", "en", "timezone", "Europe/Istanbul"), "displayName",
                        List.of("email", "country", "organisation", "language", "timezone"), Set.of("displayName", "organisation"), n -> "/api/profile", true),
                // quiz: the question bank, the quiz's settings, and a trainee's autosaved answers
                new Target("quiz question", "POST", "/api/quiz/categories/" + s.category + "/questions", s.admin, HostileInputIT::question, "text",
                        List.of("type", "name", "single", "shuffle", "caseSensitive", "answers", "generalFeedback", "answers.0.text", "answers.0.fraction",
                                "answers.0.feedback"), Set.of("name", "text", "generalFeedback"), n -> "/api/quiz/questions/" + idOf(n), false),
                new Target("quiz settings", "POST", courseApi + "/activities", s.admin, () -> {
                    ObjectNode o = obj("type", "quiz", "name", "Quiz " + UNIQUE.incrementAndGet());
                    o.put("sectionId", s.section);
                    o.set("settings", obj("intro", "Intro", "attempts", "2", "grading", "highest", "passgrade", "50", "maxgrade", "100"));
                    return o;
                }, null, List.of("settings.intro", "name", "settings.open", "settings.close", "settings.timelimit", "settings.attempts", "settings.grading",
                        "settings.passgrade", "settings.maxgrade", "settings.overdue", "settings.grace", "settings.perpage", "settings.navigation",
                        "settings.shuffle", "settings.feedback", "settings.reviewresponses"), Set.of("name", "settings.intro"),
                        n -> "/api/quiz/quizzes/" + quizOf(n), false),
                new Target("quiz autosave", "PUT", attempt + "/answers/1", s.officer, () -> {
                    ObjectNode o = obj("response", "Ankara");
                    o.put("sequence", sequence(s));
                    return o;
                }, "response", List.of("sequence"), Set.of("response"), n -> attempt, true),
                new Target("glossary term", "POST", "/api/glossary/terms", s.admin, () -> {
                    ObjectNode o = JSON.createObjectNode();
                    o.putObject("translations").set("en", obj("name", "Term " + UNIQUE.incrementAndGet(), "definition", "Meaning."));
                    return o;
                }, "translations.en.definition", List.of("translations", "translations.en", "translations.en.name", "translations.tr.name",
                        "translations.xx.name"), Set.of("translations.en.name", "translations.en.definition"), n -> "/api/glossary/terms/" + idOf(n), false),
                new Target("glossary translation", "PUT", "/api/glossary/terms/" + s.term + "/translations/de", s.admin,
                        () -> obj("name", "Begriff", "definition", "Bedeutung."), null, List.of("name", "definition"), Set.of("name", "definition"),
                        n -> "/api/glossary/terms/" + s.term, true),
                new Target("page", "PUT", "/api/pages/hostile", s.admin, () -> obj("language", "en", "title", "Hostile", "body", "Body.",
                        "visibility", "public"), null, List.of("title", "body", "language", "visibility"), Set.of("title"),
                        n -> "/api/pages/hostile?language=en", true),
                // administration: accounts, roles, plugin settings, themes
                new Target("user", "POST", "/api/users", s.admin, () -> obj("username", "u" + UNIQUE.incrementAndGet(), "displayName", "User",
                        "password", "user-pass-12345"), null, List.of("username", "displayName", "password"), Set.of("displayName"), n -> "/api/users", false),
                new Target("role", "POST", "/api/roles", s.admin, () -> obj("shortname", "r" + UNIQUE.incrementAndGet(), "name", "Role", "archetype", "teacher"),
                        null, List.of("name", "shortname", "archetype"), Set.of("name"), n -> "/api/roles/" + n.path("shortname").asText(), false),
                new Target("forum settings", "PUT", "/api/admin/plugins/forum/settings", s.admin, () -> obj("editMinutes", "30"), null,
                        List.of("editMinutes", "mailSeconds", "digestHour"), Set.of(), n -> null, true),
                new Target("library settings", "PUT", "/api/admin/plugins/library/settings", s.admin, () -> obj("maxFileMb", "25"), null,
                        List.of("maxFileMb", "quotaMb"), Set.of(), n -> null, true),
                new Target("glossary settings", "PUT", "/api/admin/plugins/glossary/settings", s.admin, () -> obj("otherLanguages", "true"), null,
                        List.of("otherLanguages"), Set.of(), n -> null, true),
                new Target("theme", "PUT", "/api/admin/themes", s.admin, () -> obj("theme", "default"), null, List.of("theme"), Set.of(), n -> null, true));
    }

    private static ObjectNode bestPracticeCase() {
        ObjectNode o = obj("country", "AT", "organisation", "Police " + UNIQUE.incrementAndGet(), "year", "2014", "platforms", "Facebook",
                "category", "push-information", "summary", "Warnings.", "outcome", "Reached many.");
        o.putArray("sources").add("example.org");
        o.put("composite", false);
        return o;
    }

    private static ObjectNode question() {
        ObjectNode o = obj("type", "shortanswer", "name", "Q" + UNIQUE.incrementAndGet(), "text", "The capital of Turkey?", "generalFeedback", "Ankara.");
        ArrayNode answers = o.putArray("answers");
        answers.addObject().put("text", "Ankara").put("fraction", 1).put("feedback", "Right");
        return o;
    }

    /** The sequence the trainee's client last saw for the question (an autosave must send it). */
    private static int sequence(Site s) {
        try {
            JsonNode page = JSON.readTree(check(200, send(s, s.officer, "GET", "/api/quiz/attempts/" + s.attempt, null)).body());
            return page.path("items").path(0).path("sequence").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * H2 (every string on each area's main property) and PostgreSQL (the sample) at once, each site with its own
     * clients, so that the PostgreSQL kernel's start and requests overlap the H2 site's (requests also wait on the disk
     * and on each other).
     */
    @Test
    @Order(1)
    void every_json_property_of_the_write_endpoints_survives_hostile_values_on_h2_and_postgresql() throws Exception {
        TestDatabases.Db postgres = TestDatabases.postgres();
        ExecutorService other = Executors.newSingleThreadExecutor();
        Future<?> pg = other.submit(() -> {
            try (TestSomep site = TestSomep.builder().database(postgres).set("somep.plugin.start.timeout.ms", "60000").start()) {
                attack(new Site(site), postgres);
            }
            return null;
        });
        Throwable failed = null;
        try {
            h2 = new Site(somep);
            h2.everything = true;
            attack(h2, TestDatabases.h2());
        } catch (Throwable t) {
            failed = t;
        }
        try {
            pg.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (failed == null) failed = e.getCause();
            else failed.addSuppressed(e.getCause());
        } finally {
            other.shutdown();
        }
        if (failed instanceof Error e) throw e;
        if (failed != null) throw (Exception) failed;
    }

    private static void attack(Site site, TestDatabases.Db db) throws Exception {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger turn = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            // the serial targets first: each is one long chain, which the other clients' work then runs beside
            List<Target> targets = new ArrayList<>(targets(site));
            targets.sort(java.util.Comparator.comparing(t -> !t.serial()));
            for (Target t : targets) {
                List<Runnable> cases = new ArrayList<>();
                List<String> fields = new ArrayList<>();
                if (t.full() != null) fields.add(t.full());
                fields.addAll(t.fields());
                for (String field : fields) {
                    List<String> values = site.everything && field.equals(t.full()) ? HostilePayloads.strings() : HostilePayloads.sample(turn.getAndIncrement(), SAMPLE);
                    for (String value : values) cases.add(() -> sendString(site, t, field, value, problems, accepted, refused));
                    // the endpoint's first property gets every JSON value of the wrong type; the others four, in turn
                    List<String> raws = field.equals(fields.get(0)) ? HostilePayloads.jsonValues() : HostilePayloads.jsonSample(turn.get(), RAW_SAMPLE);
                    for (String raw : raws) cases.add(() -> sendRaw(site, t, field, raw, problems, accepted, refused));
                }
                // the whole body of the wrong shape
                for (String raw : List.of("", "null", "[]", "\"text\"", "42", "{", "{\"unknown\":1}", "<xml/>", "{\"a\":\"\\u0000\"}")) {
                    cases.add(() -> {
                        try {
                            fine(t.name() + " body", raw, send(site, t.token(), t.method(), t.path(), raw), problems);
                        } catch (Exception e) {
                            problems.add(t.name() + " body " + raw + ": " + e);
                        }
                    });
                }
                if (t.serial()) running.add(pool.submit(() -> cases.forEach(Runnable::run)));
                else for (Runnable c : cases) running.add(pool.submit(c));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdown();
        }
        System.out.printf("Hostile JSON on %s: %d accepted, %d refused, %d problems, %d s%n", db, accepted.get(), refused.get(), problems.size(),
                (System.nanoTime() - start) / 1_000_000_000L);
        java.nio.file.Files.write(java.nio.file.Path.of("target/hostile-json-" + db + ".txt"), problems); // every problem, for reading
        assertTrue(problems.isEmpty(), db + ": " + problems.size() + " problems:\n" + String.join("\n", problems.stream().limit(80).toList()));
    }

    private static void sendString(Site site, Target t, String field, String value, List<String> problems, AtomicInteger accepted, AtomicInteger refused) {
        try {
            ObjectNode body = t.valid().get();
            put(body, field, JSON.getNodeFactory().textNode(value));
            HttpResponse<String> r = send(site, t.token(), t.method(), t.path(), JSON.writeValueAsString(body));
            if (!fine(t.name() + "." + field, value, r, problems)) return;
            if (r.statusCode() / 100 != 2) {
                refused.incrementAndGet();
                return;
            }
            accepted.incrementAndGet();
            if (!t.exact().contains(field)) return;
            JsonNode answer = JSON.readTree(r.body());
            // the whole list on H2: the write's answer (made from the saved entity) is checked, a read per value would double the requests;
            // the sample, and everything on PostgreSQL, is read back
            if (site.everything && field.equals(t.full()) && (value.isBlank() || holds(answer, value))) return;
            String path = t.readBack().apply(answer);
            HttpResponse<String> back = send(site, t.token(), "GET", path, null);
            // a blank value in an optional property is stored as no value (null), which is what was meant
            if (back.statusCode() != 200 || !value.isBlank() && !holds(JSON.readTree(back.body()), value))
                problems.add(t.name() + "." + field + " = " + shorten(value) + ": accepted but " + path + " reads back otherwise (" + back.statusCode() + ")");
        } catch (Exception e) {
            problems.add(t.name() + "." + field + " = " + shorten(value) + ": " + e);
        }
    }

    private static void sendRaw(Site site, Target t, String field, String raw, List<String> problems, AtomicInteger accepted, AtomicInteger refused) {
        try {
            ObjectNode body = t.valid().get();
            put(body, field, JSON.getNodeFactory().textNode("__hostile__"));
            String json = JSON.writeValueAsString(body).replace(SLOT, raw);
            HttpResponse<String> r = send(site, t.token(), t.method(), t.path(), json);
            if (fine(t.name() + "." + field + " (JSON)", raw, r, problems)) {
                if (r.statusCode() / 100 == 2) accepted.incrementAndGet();
                else refused.incrementAndGet();
            }
        } catch (Exception e) {
            problems.add(t.name() + "." + field + " (JSON) = " + shorten(raw) + ": " + e);
        }
    }

    /** Sets a property given as a dotted path ({@code settings.intro}, {@code answers.0.text}), making the objects on the way. */
    private static void put(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        JsonNode at = body;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = at.isArray() ? at.path(Integer.parseInt(parts[i])) : at.path(parts[i]);
            if (!next.isContainerNode()) next = ((ObjectNode) at).putObject(parts[i]);
            at = next;
        }
        ((ObjectNode) at).set(parts[parts.length - 1], value);
    }

    @Test
    @Order(2)
    void the_html_forms_survive_hostile_values_and_pages_print_them_escaped() throws Exception {
        SecurityIT.Browser browser = new SecurityIT.Browser(somep);
        browser.signIn();
        SecurityIT.Browser officer = new SecurityIT.Browser(somep);
        officer.signIn("officer", "officer-pass-123");
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        String quizEdit = "/quiz/" + h2.quiz + "/edit";
        String attemptPage = "/quiz/attempt/" + h2.attempt;
        int turn = 0;
        // the token is the session's: read once, as a browser with the form open sends it (a page fewer per post)
        final String csrf = SecurityIT.Browser.csrf(browser.get("/forum/1"));
        final String officerCsrf = SecurityIT.Browser.csrf(officer.get(attemptPage));
        // the forum's new discussion form, from three signed-in browsers at once (three people posting)
        List<String> all = HostilePayloads.strings();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                running.add(pool.submit(() -> {
                    SecurityIT.Browser b = new SecurityIT.Browser(somep);
                    b.signIn();
                    String token = SecurityIT.Browser.csrf(b.get("/forum/1"));
                    for (int i = client; i < all.size(); i += CLIENTS) {
                        String value = all.get(i);
                        // the markup, every third string and the long ones: the forum's JSON title gets them all, behind the same service
                        if (!HostilePayloads.MARKUP.contains(value) && value.length() < 1000 && i % 3 != 0) continue;
                        HttpResponse<String> r = b.post("/forum/1/discussions", new HashMap<>(Map.of("_csrf", token, "title", value, "message", value)));
                        if (fineHtml("forum form", value, r, problems) && r.statusCode() == 303) {
                            String where = b.location(r).getPath();
                            // Chromium opens the discussions made from the markup and a sample of the others (each page costs it a few hundred ms)
                            if (HostilePayloads.MARKUP.contains(value) || value.contains("<") && i % 4 == 0) PAGES.put(where, true);
                            unescaped(where, b.follow(r).body(), problems);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) f.get();
        } finally {
            pool.shutdown();
        }
        // the other forms the markup and every eighth other string, in order (the attempt's autosave sequence depends on it)
        for (String value : all) {
            if (!HostilePayloads.MARKUP.contains(value) && turn++ % 8 != 0) continue;

            HttpResponse<String> p = browser.post("/profile", Map.of("_csrf", csrf, "displayName", value, "email", "admin@example.org",
                    "country", "TR", "organisation", value, "language", "en", "timezone", "Europe/Istanbul"));
            if (fineHtml("profile form", value, p, problems)) unescaped("/profile", p.statusCode() == 303 ? browser.follow(p).body() : p.body(), problems);

            // quiz: the simple question editor, and a trainee's answer through the attempt form
            HttpResponse<String> q = browser.post(quizEdit, Map.of("_csrf", csrf, "type", "shortanswer", "name", value, "text", value,
                    "answers", "1 | " + value + " | " + value, "general", value));
            if (fineHtml("quiz editor form", value, q, problems)) unescaped(quizEdit, q.statusCode() == 303 ? browser.follow(q).body() : q.body(), problems);
            String seq = String.valueOf(sequence(h2));
            HttpResponse<String> a = officer.post(attemptPage, Map.of("_csrf", officerCsrf, "q1", value, "seq1", seq));
            if (fineHtml("quiz attempt form", value, a, problems)) unescaped(attemptPage, a.statusCode() == 303 ? officer.follow(a).body() : a.body(), problems);

            // glossary and administration forms
            HttpResponse<String> g = browser.post("/glossary/terms", Map.of("_csrf", csrf, "en_name", value, "en_definition", value,
                    "tr_name", value, "tr_definition", value));
            if (fineHtml("glossary form", value, g, problems)) unescaped("/glossary", g.statusCode() == 303 ? browser.follow(g).body() : g.body(), problems);
            HttpResponse<String> u = browser.post("/admin/users", Map.of("_csrf", csrf, "username", "f" + UNIQUE.incrementAndGet(), "displayName", value,
                    "password", "form-pass-12345"));
            if (fineHtml("user form", value, u, problems)) unescaped("/admin/users", u.statusCode() == 303 ? browser.follow(u).body() : u.body(), problems);
            HttpResponse<String> ro = browser.post("/admin/roles", Map.of("_csrf", csrf, "shortname", "f" + UNIQUE.incrementAndGet(), "name", value,
                    "archetype", ""));
            if (fineHtml("role form", value, ro, problems)) unescaped("/admin/roles", ro.statusCode() == 303 ? browser.follow(ro).body() : ro.body(), problems);
            HttpResponse<String> st = browser.post("/admin/plugins/forum/settings", Map.of("_csrf", csrf, "editMinutes", value, "mailSeconds", value,
                    "digestHour", value));
            if (fineHtml("forum settings form", value, st, problems))
                unescaped("/admin/plugins/forum/settings", st.statusCode() == 303 ? browser.follow(st).body() : st.body(), problems);
            HttpResponse<String> th = browser.post("/admin/themes", Map.of("_csrf", csrf, "theme", value));
            if (fineHtml("theme form", value, th, problems)) unescaped("/admin/themes", th.statusCode() == 303 ? browser.follow(th).body() : th.body(), problems);
        }
        // the pages that now show what the JSON test stored
        for (String path : List.of("/forum/discussion/" + h2.discussion, "/course/" + h2.course, "/bestpractice", "/library/folders/" + h2.folder,
                "/admin/users", "/admin/roles", "/glossary", "/quiz/" + h2.quiz, quizEdit, "/quiz/bank/" + h2.course, "/admin/plugins/forum/settings",
                "/admin/themes", "/pages/hostile")) {
            PAGES.put(path, true);
        }
        for (String path : PAGES.keySet()) {
            HttpResponse<String> page = browser.get(path);
            if (page.statusCode() >= 500) problems.add(path + ": " + page.statusCode());
            unescaped(path, page.body(), problems);
        }
        HttpResponse<String> mine = officer.get(attemptPage);
        if (mine.statusCode() >= 500) problems.add(attemptPage + ": " + mine.statusCode());
        unescaped(attemptPage, mine.body(), problems);
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems.stream().limit(80).toList()));
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
            List<String> paths;
            synchronized (PAGES) {
                paths = new ArrayList<>(PAGES.keySet());
            }
            for (String path : paths) {
                com.microsoft.playwright.Response r = page.navigate(somep.uri(path).toString());
                assertTrue(r != null && r.status() < 500, path + ": " + (r == null ? "no answer" : r.status()));
                page.waitForLoadState();
                checked.add(path);
                if (!"undefined".equals(page.evaluate("() => typeof window.__pwned"))) ran.add(path);
            }
            System.out.println("Chromium checked " + checked.size() + " pages");
            assertTrue(checked.size() >= 10, "pages were checked: " + checked);
            assertTrue(ran.isEmpty(), "stored markup ran script on " + ran);
        }
    }

    // ---- checks

    /** No 5xx, and a refusal says why as problem+json (or an HTML page), without a stack trace. */
    static boolean fine(String where, String value, HttpResponse<String> r, List<String> problems) {
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
        if (r.statusCode() >= 400 && (r.body().contains("could not execute") || r.body().contains("insert into "))) {
            problems.add(where + " = " + shorten(value) + ": the answer shows the database's error: " + shorten(r.body()));
            return false;
        }
        return true;
    }

    static boolean fineHtml(String where, String value, HttpResponse<String> r, List<String> problems) {
        if (r.statusCode() >= 500 || r.body().contains("Exception")) {
            problems.add(where + " = " + shorten(value) + ": " + r.statusCode() + " " + shorten(r.body()));
            return false;
        }
        return true;
    }

    static void unescaped(String where, String html, List<String> problems) {
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

    private static HttpResponse<String> send(Site site, String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(site.somep.uri(path)).header("Accept", "application/json").header("Authorization", "Bearer " + token);
        if (json != null) b.header("Content-Type", "application/json");
        HttpRequest req = b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return site.somep.send(req);
        } catch (java.io.IOException e) {
            // the JDK client may reuse a pooled connection the server already closed as idle (seen at load 30): once more, on a new one
            return site.somep.send(req);
        }
    }

    private static HttpResponse<String> check(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    private static long id(HttpResponse<String> r, int status) throws Exception {
        return idOf(JSON.readTree(check(status, r).body()));
    }

    /** The quiz an activity answer links to ({@code /quiz/<id>}). */
    private static long quizOf(HttpResponse<String> r) throws Exception {
        return quizOf(JSON.readTree(r.body()));
    }

    private static long quizOf(JsonNode activity) {
        String link = activity.findValue("link").asText();
        return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
    }

    /** The id of what an answer describes: its own, or the first one inside (a page around it). */
    private static long idOf(JsonNode n) {
        JsonNode id = n.has("id") ? n.get("id") : n.findValue("id");
        return id.asLong();
    }

    static String shorten(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() > 160 ? one.substring(0, 160) + "… (" + s.length() + " chars)" : one;
    }
}
