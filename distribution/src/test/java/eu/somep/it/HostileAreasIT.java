package eu.somep.it;

import static eu.somep.it.HostileInputIT.fine;
import static eu.somep.it.HostileInputIT.fineHtml;
import static eu.somep.it.HostileInputIT.shorten;
import static eu.somep.it.HostileInputIT.unescaped;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import eu.somep.testkit.SharedSomep;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile input where {@link HostileInputIT} does not reach: library uploads (multipart form fields and file names,
 * REST and the HTML form), the HTML forms of the course, best-practice, forum and pages plugins, role permission
 * changes and assignments, and the quiz's GIFT and Moodle XML import (hostile text, malformed files, XXE, billion
 * laughs, huge input). On H2 and PostgreSQL, one kernel each for every area; the H2 site's pages are then opened in
 * Chromium. On H2 the main field of each area gets every string; everything else gets the markup and a rotating sample.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileAreasIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger UNIQUE = new AtomicInteger();
    private static final AtomicInteger TURN = new AtomicInteger(1000);
    private static final byte[] CONTENT = "Hostile upload: plain text that any type check accepts.\n".getBytes(StandardCharsets.UTF_8);
    static TestSomep somep;
    @RegisterExtension
    static final SharedSomep SITE = new SharedSomep(s -> somep = s);
    private static TestSomep postgres;
    private static final java.util.Set<String> OPENED = Collections.synchronizedSet(new java.util.HashSet<>());
    private static final Map<String, Site> SITES = new java.util.concurrent.ConcurrentHashMap<>();
    /** H2 pages that show stored hostile values, opened in Chromium at the end. */
    private static final Map<String, Boolean> PAGES = Collections.synchronizedMap(new LinkedHashMap<>());

    /** One database's site: the administrator's token and browser, and whether main fields get every string. */
    static final class Site {
        final TestSomep somep;
        final String admin;
        final SecurityIT.Browser browser;
        final boolean everything;
        final long category;
        final long course;
        /** The session's CSRF token (one per session): read once, as a browser with the form open would send it. */
        final String csrf;

        Site(TestSomep somep, boolean everything) throws Exception {
            this.somep = somep;
            this.everything = everything;
            admin = somep.adminToken();
            browser = new SecurityIT.Browser(somep);
            browser.signIn();
            csrf = SecurityIT.Browser.csrf(browser.get("/profile"));
            category = id(send(this, "POST", "/api/course/categories", "{\"name\":\"Hostile\"}"), 201);
            course = id(send(this, "POST", "/api/course/courses", "{\"categoryId\":" + category + ",\"fullname\":\"Hostile\",\"shortname\":\"HOSTA\"}"), 201);
        }

        /** For forms, which the JSON test's whole list already reaches behind: on H2 the markup and every fourth string, the sample otherwise. */
        List<String> forms() {
            if (!everything) return sample();
            List<String> out = new ArrayList<>(HostilePayloads.MARKUP);
            List<String> all = HostilePayloads.strings();
            for (int i = HostilePayloads.MARKUP.size(); i < all.size(); i += 4) out.add(all.get(i));
            return out;
        }

        /** Every string on H2 for a main field, the sample otherwise. */
        List<String> main() {
            return everything ? HostilePayloads.strings() : sample();
        }
    }

    static List<String> sample() {
        return HostilePayloads.sample(TURN.getAndIncrement(), 14);
    }

    interface Area {
        void run(TestDatabases.Db db) throws Exception;
    }

    private static TestDatabases.Db postgresDb;

    /**
     * Runs an area on H2 and on PostgreSQL at the same time, each site with its own client, so that the PostgreSQL
     * kernel's start and requests overlap the H2 site's (requests also wait on the disk and on each other).
     */
    private static void both(Area area) throws Exception {
        synchronized (HostileAreasIT.class) {
            if (postgresDb == null) postgresDb = TestDatabases.postgres();
        }
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        java.util.concurrent.Future<?> pg = other.submit(() -> {
            area.run(postgresDb);
            return null;
        });
        Throwable failed = null;
        try {
            area.run(TestDatabases.h2());
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

    private static final Object H2_LOCK = new Object();
    private static final Object POSTGRES_LOCK = new Object();

    /** The database's site, made on first use (a lock each: the PostgreSQL kernel's start must not hold up the H2 tests). */
    private static Site site(TestDatabases.Db db) throws Exception {
        synchronized (db.url() == null ? H2_LOCK : POSTGRES_LOCK) {
            return siteOf(db);
        }
    }

    private static Site siteOf(TestDatabases.Db db) throws Exception {
        Site s = SITES.get(db.name());
        if (s != null) return s;
        if (db.url() == null) {
            s = new Site(somep, true);
        } else {
            postgres = TestSomep.builder().database(db).set("somep.plugin.start.timeout.ms", "60000").start();
            s = new Site(postgres, false);
        }
        SITES.put(db.name(), s);
        return s;
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
            postgres.deleteHome();
        }
    }

    // ---- 1. library uploads

    @Test
    @Order(1)
    void library_uploads_keep_hostile_file_names_and_fields_as_sent_or_refuse_them() throws Exception {
        both(HostileAreasIT::libraryUploads);
    }

    private static void libraryUploads(TestDatabases.Db db) throws Exception {
        Site s = site(db);
        long folder = id(send(s, "POST", "/api/library/folders", "{\"name\":\"Uploads\",\"visibility\":\"public\"}"), 201);
        String api = "/api/library/folders/" + folder + "/documents";
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger tooLong = new AtomicInteger();
        List<java.util.concurrent.Callable<Void>> cases = new ArrayList<>();
        // REST: the file name (a query parameter) gets every string on H2
        for (String name : s.main()) {
            cases.add(() -> {
                String path = api + "?name=" + enc(name);
                HttpResponse<String> r;
                try {
                    r = upload(s, path, CONTENT);
                } catch (java.io.IOException e) {
                    // Jetty refuses a request line over its 8 KB header buffer and may close the connection; the form below sends such names
                    if (path.length() <= 8192) throw e;
                    tooLong.incrementAndGet();
                    return null;
                }
                if (!fine("library upload name", name, r, problems) || r.statusCode() != 201) return null;
                accepted.incrementAndGet();
                JsonNode doc = JSON.readTree(r.body());
                // a blank name is no name: the file is called after its type
                String expected = name.strip().isEmpty() ? "document.txt" : name;
                if (!sameText(doc.path("filename").asText(), expected)) problems.add("library upload name = " + shorten(name) + ": stored as " + shorten(doc.path("filename").asText()));
                downloads(s, doc, name, problems);
                return null;
            });
        }
        // REST: every metadata field, the sample
        for (String field : List.of("title", "authors", "description", "tags", "source", "year", "language", "country", "type", "visibility")) {
            for (String value : sample()) {
                cases.add(() -> {
                    HttpResponse<String> r = upload(s, api + "?name=a.txt&" + field + "=" + enc(value), CONTENT);
                    if (!fine("library upload " + field, value, r, problems) || r.statusCode() != 201) return null;
                    accepted.incrementAndGet();
                    String stored = JSON.readTree(r.body()).path(field).asText();
                    // the library drops control characters other than line breaks and tabs from metadata (and trims the ends)
                    String sent = value.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "");
                    if (List.of("title", "authors", "description", "tags", "source").contains(field) && !sent.isBlank() && !sameText(stored, sent))
                        problems.add("library upload " + field + " = " + shorten(value) + ": stored as " + shorten(stored));
                    return null;
                });
            }
        }
        // three clients at once, as in HostileInputIT: each upload is detected, extracted and indexed, which is most of this test's time
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            for (var f : pool.invokeAll(cases)) f.get();
        } finally {
            pool.shutdown();
        }
        // the HTML form, multipart with the CSRF token: the file name and the text fields at once
        String page = "/library/folders/" + folder;
        int turn = 0;
        for (String value : s.main()) {
            if (!HostilePayloads.MARKUP.contains(value) && value.length() < 1000 && turn++ % 4 != 0) continue;
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("_csrf", s.csrf);
            for (String f : List.of("title", "authors", "description", "tags", "source")) fields.put(f, value);
            HttpResponse<String> r = multipart(s.browser, page + "/upload", fields, value + ".txt", CONTENT);
            if (!fineHtml("library upload form", value, r, problems)) continue;
            if (r.statusCode() == 303) {
                accepted.incrementAndGet();
                String where = s.browser.location(r).getPath();
                String html = s.browser.follow(r).body();
                unescaped(where, html, problems);
                shows(where, html, value, problems);
                if (s.everything && (HostilePayloads.MARKUP.contains(value) || value.contains("<") && turn % 3 == 0)) PAGES.put(where, true);
            } else {
                unescaped(page + "/upload", r.body(), problems);
            }
        }
        if (s.everything) PAGES.put(page, true);
        HttpResponse<String> list = s.browser.get(page);
        assertTrue(list.statusCode() < 500, list.body());
        unescaped(page, list.body(), problems);
        // no upload wrote a file where its name pointed: the only files are under the kernel's home, none named from a request
        try (Stream<Path> files = Files.walk(s.somep.home())) {
            files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("passwd") || n.contains("win.ini") || n.contains("<") || n.contains("script"))
                    .forEach(n -> problems.add("a file named from an upload: " + n));
        }
        System.out.printf("Hostile library uploads on %s: %d accepted, %d names too long for a URL, %d problems%n", db, accepted.get(), tooLong.get(), problems.size());
        assertTrue(accepted.get() > 0, "some uploads were accepted");
        assertTrue(problems.isEmpty(), db + ": " + problems.size() + " problems:\n" + String.join("\n", problems.stream().limit(60).toList()));
    }

    private static void downloads(Site s, JsonNode doc, String name, List<String> problems) throws Exception {
        String path = doc.path("download").asText();
        HttpResponse<String> d = s.browser.get(path);
        if (d.statusCode() != 200 || !new String(CONTENT, StandardCharsets.UTF_8).equals(d.body()))
            problems.add("library upload name = " + shorten(name) + ": the download answers " + d.statusCode() + " with other bytes");
        String disposition = d.headers().firstValue("Content-Disposition").orElse("");
        if (!disposition.startsWith("attachment; filename=\"") || disposition.contains("\r") || disposition.contains("\n") || disposition.contains("/"))
            problems.add("library upload name = " + shorten(name) + ": Content-Disposition " + shorten(disposition));
    }

    private static HttpResponse<String> upload(Site s, String path, byte[] body) throws Exception {
        try {
            return uploadOnce(s, path, body);
        } catch (java.io.IOException e) {
            // the JDK client may reuse a pooled connection the server already closed as idle (as in HostileInputIT): once more
            return uploadOnce(s, path, body);
        }
    }

    private static HttpResponse<String> uploadOnce(Site s, String path, byte[] body) throws Exception {
        return s.somep.send(HttpRequest.newBuilder(s.somep.uri(path)).header("Accept", "application/json").header("Authorization", "Bearer " + s.admin)
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /**
     * A multipart form with one file, encoded as a browser encodes it: in names {@code "}, CR and LF become
     * {@code %22}, {@code %0D} and {@code %0A} (the HTML standard's multipart/form-data encoding).
     */
    static HttpResponse<String> multipart(SecurityIT.Browser b, String path, Map<String, String> fields, String fileName, byte[] content) throws Exception {
        return multipart(b, path, fields, "file", fileName, content);
    }

    static HttpResponse<String> multipart(SecurityIT.Browser b, String path, Map<String, String> fields, String fileField, String fileName, byte[] content)
            throws Exception {
        String boundary = "----somep" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + e.getValue().replace("\r\n", "\n")
                    .replace("\r", "\n").replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        String name = fileName.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + name + "\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.send(b.request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    // ---- 2. the HTML forms of course, best practice, forum replies, forums and pages

    @Test
    @Order(2)
    void html_forms_survive_hostile_values_and_show_them_escaped() throws Exception {
        both(HostileAreasIT::htmlForms);
    }

    private static void htmlForms(TestDatabases.Db db) throws Exception {
        Site s = site(db);
        SecurityIT.Browser b = s.browser;
        List<String> problems = new ArrayList<>();
        long section = id(send(s, "POST", "/api/course/courses/" + s.course + "/sections", "{\"title\":\"Forms\"}"), 201);
        long discussion = id(send(s, "POST", "/api/forum/forums/1/discussions", "{\"title\":\"Replies\",\"message\":\"Base.\"}"), 201);
        String coursePage = "/course/" + s.course;
        int turn = 0;
        for (String value : s.forms()) {
            // the course form gets them all (its JSON twin gets the whole list in HostileInputIT); the other forms the markup and every third
            Map<String, String> course = new LinkedHashMap<>(Map.of("categoryId", String.valueOf(s.category), "fullname", value,
                    "shortname", "F" + UNIQUE.incrementAndGet(), "summary", value, "lang", "en", "visible", "on", "enrolKey", value));
            form(s, "/course/new", "/course/new", course, value, true, problems);
            if (!HostilePayloads.MARKUP.contains(value) && turn++ % 3 != 0) continue;
            form(s, coursePage, coursePage + "/sections", Map.of("title", value, "summary", value), value, true, problems);
            form(s, coursePage + "/add?section=" + section + "&type=page", coursePage + "/add",
                    Map.of("type", "page", "section", String.valueOf(section), "name", value, "setting.body", value, "tracked", "on"), value, true, problems);
            form(s, coursePage + "/edit", coursePage + "/edit", Map.of("categoryId", String.valueOf(s.category), "fullname", "Hostile", "shortname", "HOSTA",
                    "summary", value, "lang", value, "startDate", value, "endDate", "", "enrolKey", value), value, false, problems);
            Map<String, String> bp = new LinkedHashMap<>(Map.of("country", "AT", "organisation", value, "year", "2014", "platforms", value,
                    "category", "push-information", "summary", value, "outcome", value, "sources", value + "\nexample.org"));
            form(s, "/bestpractice/new", "/bestpractice/new", bp, value, true, problems);
            Map<String, String> odd = new LinkedHashMap<>(bp);
            odd.putAll(Map.of("organisation", "Police", "country", value, "year", value, "category", value));
            form(s, "/bestpractice/new", "/bestpractice/new", odd, value, false, problems);
            form(s, "/bestpractice/propose", "/bestpractice/propose", bp, value, false, problems);
            form(s, "/forum/discussion/" + discussion, "/forum/discussion/" + discussion + "/reply", Map.of("message", value), value, false, problems);
            form(s, "/forum/discussion/" + discussion, "/forum/discussion/" + discussion + "/reply", Map.of("message", "Reply", "parentId", value), value, false, problems);
            form(s, "/forum", "/forum", Map.of("category", value, "name", value, "intro", value, "type", "general"), value, false, problems);
            // a new discussion with an attachment (multipart): the title, the message and the file's name
            HttpResponse<String> fa = multipart(b, "/forum/1/discussions", Map.of("_csrf", s.csrf, "title", value, "message", value), "attachment",
                    value + ".txt", CONTENT);
            if (fineHtml("forum attachment form", value, fa, problems)) {
                if (fa.statusCode() == 303) {
                    String where = b.location(fa).getPath();
                    unescaped(where, b.follow(fa).body(), problems);
                    if (s.everything && HostilePayloads.MARKUP.contains(value)) PAGES.put(where, true);
                } else {
                    unescaped("/forum/1/discussions", fa.body(), problems);
                }
            }
            form(s, "/pages/new/edit", "/pages/new/edit", Map.of("slug", "h" + UNIQUE.incrementAndGet(), "language", "en", "title", value, "body", value,
                    "visibility", "public"), value, true, problems);
            form(s, "/pages/new/edit", "/pages/new/edit", Map.of("slug", value, "language", value, "title", "T", "body", "B", "visibility", value), value, false, problems);
        }
        for (String path : List.of(coursePage, "/bestpractice", "/bestpractice/review", "/forum/discussion/" + discussion, "/forum", "/course")) {
            HttpResponse<String> r = b.get(path);
            if (r.statusCode() >= 500) problems.add(path + ": " + r.statusCode());
            unescaped(path, r.body(), problems);
            if (s.everything) PAGES.put(path, true);
        }
        System.out.printf("Hostile HTML forms on %s: %d problems%n", db, problems.size());
        assertTrue(problems.isEmpty(), db + ": " + problems.size() + " problems:\n" + String.join("\n", problems.stream().limit(60).toList()));
    }

    /**
     * Opens the form's page, posts the fields with its CSRF token; no 5xx, no markup printed raw on the answer or
     * the page it leads to, which (when {@code shown}) holds the value escaped.
     */
    private static void form(Site s, String page, String action, Map<String, String> fields, String value, boolean shown,
                             List<String> problems) throws Exception {
        SecurityIT.Browser b = s.browser;
        if (OPENED.add(s.somep.uri(page).toString())) { // the form page once: the token is the session's
            HttpResponse<String> p = b.get(page);
            if (p.statusCode() != 200) problems.add(page + ": " + p.statusCode());
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", s.csrf);
        HttpResponse<String> r = b.post(action, all);
        if (!fineHtml(action, value, r, problems)) return;
        if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"))
            problems.add(action + " = " + shorten(value) + ": " + r.statusCode() + " not as a page");
        if (r.statusCode() != 303) {
            unescaped(action, r.body(), problems);
            return;
        }
        String where = b.location(r).getPath();
        HttpResponse<String> after = b.follow(r);
        if (after.statusCode() >= 500) problems.add(where + ": " + after.statusCode());
        unescaped(where, after.body(), problems);
        if (shown) shows(where, after.body(), value, problems);
        if (shown && s.everything && (HostilePayloads.MARKUP.contains(value) || value.contains("<") && UNIQUE.get() % 5 == 0)) PAGES.put(where, true);
    }

    /** The page holds the value as Freemarker escapes it (when it is short printable text: the site trims the ends). */
    private static void shows(String where, String html, String value, List<String> problems) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 200 || v.chars().anyMatch(c -> Character.isISOControl(c) || c == 0xFEFF || c == 0x200B) || !v.equals(value.trim())) return;
        if (!html.contains(escape(v))) problems.add(where + " does not show " + shorten(value) + " escaped");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Test
    @Order(2)
    void library_forms_survive_hostile_values_and_show_them_escaped() throws Exception {
        both(HostileAreasIT::libraryForms);
    }

    /** The library's other forms (all multipart): a new folder, a document's metadata, a link, a new version. */
    private static void libraryForms(TestDatabases.Db db) throws Exception {
        Site s = site(db);
        SecurityIT.Browser b = s.browser;
        List<String> problems = new ArrayList<>();
        long folder = id(send(s, "POST", "/api/library/folders", "{\"name\":\"Forms\",\"visibility\":\"public\"}"), 201);
        long doc = id(upload(s, "/api/library/folders/" + folder + "/documents?name=base.txt", CONTENT), 201);
        List<String> values = new ArrayList<>();
        if (s.everything) {
            values.addAll(HostilePayloads.MARKUP);
            List<String> all = HostilePayloads.strings();
            for (int i = HostilePayloads.MARKUP.size(); i < all.size(); i += 6) values.add(all.get(i));
        } else {
            values.addAll(sample());
        }
        for (String value : values) {
            libraryForm(s, "/library/folders", Map.of("name", value, "description", value, "visibility", "public", "parentId", String.valueOf(folder)),
                    value, true, problems);
            libraryForm(s, "/library/folders", Map.of("name", "Odd", "visibility", value, "parentId", value), value, false, problems);
            libraryForm(s, "/library/documents/" + doc + "/edit", Map.of("title", value, "authors", value, "description", value, "tags", value,
                    "source", value, "visibility", "public", "language", "en"), value, true, problems);
            libraryForm(s, "/library/documents/" + doc + "/edit", Map.of("title", "Odd", "year", value, "language", value, "country", value,
                    "type", value, "visibility", value), value, false, problems);
            libraryForm(s, "/library/folders/" + folder + "/links", Map.of("url", value, "title", value, "visibility", "public"), value, false, problems);
            HttpResponse<String> v;
            try {
                v = multipart(b, "/library/documents/" + doc + "/versions", Map.of("_csrf", s.csrf), value + ".txt", CONTENT);
            } catch (java.io.IOException e) { // on a connection the previous refusal closed (see libraryForm): once more
                v = multipart(b, "/library/documents/" + doc + "/versions", Map.of("_csrf", s.csrf), value + ".txt", CONTENT);
            }
            if (fineHtml("library new version form", value, v, problems) && v.statusCode() != 303) unescaped("library new version form", v.body(), problems);
        }
        for (String path : List.of("/library", "/library/folders/" + folder, "/library/documents/" + doc)) {
            HttpResponse<String> r = b.get(path);
            if (r.statusCode() >= 500) problems.add(path + ": " + r.statusCode());
            unescaped(path, r.body(), problems);
            if (s.everything) PAGES.put(path, true);
        }
        System.out.printf("Hostile library forms on %s: %d values, %d problems%n", db, values.size(), problems.size());
        assertTrue(problems.isEmpty(), db + ": " + problems.size() + " problems:\n" + String.join("\n", problems.stream().limit(60).toList()));
    }

    private static void libraryForm(Site s, String action, Map<String, String> fields, String value, boolean shown, List<String> problems) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", s.csrf);
        // the forms take no file here: an empty part under a name the routes do not read
        HttpResponse<String> r;
        try {
            r = multipart(s.browser, action, all, "unused", "", new byte[0]);
        } catch (java.io.IOException e) {
            // Jetty refuses a field over its multipart limit before reading the rest of the body and then closes the
            // connection: the 400 can be lost to the reset, and the client may send the next request on the
            // closing connection. Acceptable for such a field; any other request is sent once more, on a new one.
            if (fields.values().stream().anyMatch(v -> v.length() > 8_192)) return;
            r = multipart(s.browser, action, all, "unused", "", new byte[0]);
        }
        if (!fineHtml(action, value, r, problems)) return;
        if (r.statusCode() != 303) {
            unescaped(action, r.body(), problems);
            return;
        }
        HttpResponse<String> after = s.browser.follow(r);
        String where = s.browser.location(r).getPath();
        if (after.statusCode() >= 500) problems.add(where + ": " + after.statusCode());
        unescaped(where, after.body(), problems);
        if (shown) shows(where, after.body(), value, problems);
    }

    // ---- 3. role permissions and assignments

    @Test
    @Order(3)
    void role_permission_changes_refuse_hostile_names_and_values_and_store_nothing() throws Exception {
        both(HostileAreasIT::rolePermissions);
    }

    private static void rolePermissions(TestDatabases.Db db) throws Exception {
        Site s = site(db);
        List<String> problems = new ArrayList<>();
        String role = "hostile_" + UNIQUE.incrementAndGet();
        check(201, send(s, "POST", "/api/roles", "{\"shortname\":\"" + role + "\",\"name\":\"Hostile\",\"archetype\":\"trainer\"}"));
        String permissions = "/api/roles/" + role + "/permissions";
        String before = check(200, send(s, "GET", permissions, null)).body();
        String capability = JSON.readTree(before).path("permissions").path(0).path("capability").asText();
        String current = JSON.readTree(before).path("permissions").path(0).path("permission").asText();
        String page = "/admin/roles/" + role;
        int turn = 0;
        for (String value : s.main()) {
            String quoted = JSON.writeValueAsString(value);
            refused("capability in the path", value, send(s, "PUT", permissions + "/" + segment(value), "{\"permission\":\"allow\"}"), problems);
            refused("permission value", value, send(s, "PUT", permissions + "/" + capability, "{\"permission\":" + quoted + "}"), problems);
            refused("capability in the map", value, send(s, "PUT", permissions, "{" + quoted + ":\"allow\"}"), problems);
            refused("permission in the map", value, send(s, "PUT", permissions, "{\"" + capability + "\":" + quoted + "}"), problems);
            if (!HostilePayloads.MARKUP.contains(value) && turn++ % 4 != 0) continue;
            refused("assignment", value, send(s, "POST", "/api/roles/" + role + "/assignments", "{\"username\":" + quoted + "}"), problems);
            // a context that happens to exist ("1" is the site's) is a fair request: it sets what the capability already has there
            fine("role context", value, send(s, "PUT", permissions + "/" + capability + "?context=" + enc(value), "{\"permission\":\"" + current + "\"}"), problems);
            refused("role in the path", value, send(s, "PUT", "/api/roles/" + segment(value) + "/permissions/" + capability, "{\"permission\":\"allow\"}"), problems);
            // the define form: a hostile permission is refused with the form again; a hostile capability field is nothing to set
            String csrf = s.csrf;
            HttpResponse<String> f = s.browser.post(page, Map.of("_csrf", csrf, "context", "1", "perm." + capability, value));
            if (fineHtml("role form permission", value, f, problems)) unescaped(page, f.body(), problems);
            f = s.browser.post(page, Map.of("_csrf", csrf, "context", value, "perm." + value, "allow"));
            if (fineHtml("role form capability", value, f, problems)) unescaped(page, f.body(), problems);
            f = s.browser.post(page + "/assign", Map.of("_csrf", csrf, "username", value));
            if (fineHtml("role form assign", value, f, problems)) unescaped(page + "/assign", f.body(), problems);
        }
        // nothing changed: every value was refused
        String after = check(200, send(s, "GET", permissions, null)).body();
        if (!JSON.readTree(before).equals(JSON.readTree(after))) problems.add("the role's permissions changed");
        JsonNode r = JSON.readTree(check(200, send(s, "GET", "/api/roles/" + role, null)).body());
        if (r.path("assignedUsers").size() != 0) problems.add("the role was assigned: " + r.path("assignedUsers"));
        HttpResponse<String> p = s.browser.get(page);
        unescaped(page, p.body(), problems);
        if (s.everything) PAGES.put(page, true);
        System.out.printf("Hostile role changes on %s: %d problems%n", db, problems.size());
        assertTrue(problems.isEmpty(), db + ": " + problems.size() + " problems:\n" + String.join("\n", problems.stream().limit(60).toList()));
    }

    /** A hostile name or value: a clear 4xx (problem+json), never a 5xx or a change. */
    private static void refused(String where, String value, HttpResponse<String> r, List<String> problems) {
        // Jetty's own refusal of an ambiguous or illegal address (an encoded /, a control character) before SOMEP sees it:
        // a 400 without a body (PathNormalisationIT covers these addresses)
        if (where.endsWith("in the path") && r.statusCode() == 400 && r.headers().firstValue("Content-Type").isEmpty()) return;
        if (!fine("role " + where, value, r, problems)) return;
        if (r.statusCode() < 400) problems.add("role " + where + " = " + shorten(value) + ": accepted (" + r.statusCode() + ") " + shorten(r.body()));
    }

    // ---- 4. quiz import

    @Test
    @Order(4)
    void quiz_import_keeps_hostile_text_and_refuses_malformed_files() throws Exception {
        both(HostileAreasIT::quizImport);
    }

    private static void quizImport(TestDatabases.Db db) throws Exception {
        Site s = site(db);
        List<String> problems = new ArrayList<>();
        long category = id(send(s, "POST", "/api/quiz/courses/" + s.course + "/categories", "{\"name\":\"Imported\"}"), 201);
        String imports = "/api/quiz/categories/" + category + "/import?format=";
        List<String> values = s.main();
        int stored = 0;
        // the question text: many questions in one file, each read back; GIFT escapes its special characters, XML its markup
        for (int from = 0; from < values.size(); from += 60) {
            List<String> batch = values.subList(from, Math.min(values.size(), from + 60));
            StringBuilder gift = new StringBuilder();
            for (String v : batch) gift.append("::G").append(UNIQUE.incrementAndGet()).append("::").append(giftEscape(v)).append("{=Ankara####").append(giftEscape(v)).append("}\n\n");
            stored += imported("GIFT", batch, importText(s, imports + "gift", "text/plain", gift.toString()), s, category, problems);
            List<String> xmlBatch = batch.stream().filter(HostileAreasIT::xmlCanHold).toList();
            StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
            for (String v : xmlBatch) xml.append("<question type=\"shortanswer\"><name><text>X").append(UNIQUE.incrementAndGet())
                    .append("</text></name><questiontext format=\"plain_text\"><text>").append(xmlEscape(v)).append("</text></questiontext><generalfeedback format=\"plain_text\"><text>")
                    .append(xmlEscape(v)).append("</text></generalfeedback><answer fraction=\"100\" format=\"plain_text\"><text>Ankara</text></answer></question>\n");
            stored += imported("XML", xmlBatch, importText(s, imports + "xml", "application/xml", xml.append("</quiz>").toString()), s, category, problems);
        }
        // answers: a sample, in both formats
        for (String v : sample()) {
            importText(s, imports + "gift", "text/plain", "::A::Capital?{=" + giftEscape(v) + "#" + giftEscape(v) + "}\n");
            if (xmlCanHold(v)) importText(s, imports + "xml", "application/xml", "<quiz><question type=\"multichoice\"><name><text>A</text></name>"
                    + "<questiontext><text>Capital?</text></questiontext><answer fraction=\"100\"><text>" + xmlEscape(v) + "</text></answer>"
                    + "<answer fraction=\"0\"><text>x</text></answer></question></quiz>");
        }
        // malformed and hostile files: a clear 4xx or a report of what was skipped; no entity resolved, nothing read from the disk
        String question = "<question type=\"shortanswer\"><name><text>E</text></name><questiontext><text>&xxe;</text></questiontext>"
                + "<answer fraction=\"100\"><text>a</text></answer></question>";
        Map<String, String> xmlFiles = new LinkedHashMap<>();
        xmlFiles.put("XXE file", "<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><quiz>" + question + "</quiz>");
        xmlFiles.put("XXE parameter", "<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><quiz>" + question + "</quiz>");
        xmlFiles.put("external DTD", "<?xml version=\"1.0\"?><!DOCTYPE quiz SYSTEM \"http://127.0.0.1:9/evil.dtd\"><quiz>" + question.replace("&xxe;", "x") + "</quiz>");
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE quiz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) lol.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        xmlFiles.put("billion laughs", lol.append("]><quiz>").append(question.replace("&xxe;", "&lol9;")).append("</quiz>").toString());
        xmlFiles.put("XInclude", "<quiz xmlns:xi=\"http://www.w3.org/2001/XInclude\"><question type=\"shortanswer\"><name><text>I</text></name><questiontext><text>"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/>x</text></questiontext><answer fraction=\"100\"><text>a</text></answer></question></quiz>");
        xmlFiles.put("unclosed", "<quiz><question type=\"shortanswer\"><name><text>U</text>");
        xmlFiles.put("not a quiz", "<html><body>x</body></html>");
        xmlFiles.put("unknown type", "<quiz><question type=\"../../etc/passwd\"><name><text>T</text></name><questiontext><text>t</text></questiontext></question></quiz>");
        xmlFiles.put("deep", "<quiz><question type=\"shortanswer\"><questiontext><text>" + "<b>".repeat(100_000) + "</b>".repeat(100_000) + "</text></questiontext></question></quiz>");
        xmlFiles.put("NUL", "<quiz>\u0000</quiz>");
        xmlFiles.put("huge", "<quiz>" + "<question type=\"essay\"><questiontext><text>x</text></questiontext></question>".repeat(40_000) + "</quiz>");
        xmlFiles.put("too many", "<quiz>" + "<question type=\"essay\"><name><text>M</text></name><questiontext><text>x</text></questiontext></question>".repeat(2_001) + "</quiz>");
        Map<String, String> giftFiles = new LinkedHashMap<>();
        giftFiles.put("unbalanced open", "::U::Question {=a");
        giftFiles.put("unbalanced close", "::U::Question }=a}");
        giftFiles.put("nested", "::U::Q {={=a}}");
        giftFiles.put("two sets", "::U::Q {=a} and {=b}");
        giftFiles.put("title unclosed", "::U Q {=a}");
        giftFiles.put("braces", "{".repeat(50_000) + "}".repeat(50_000));
        giftFiles.put("weights", "::W::Q {~%1e309%a ~%-99999999999999999999%b =%NaN%c}");
        giftFiles.put("numbers", "::N::Q {#1e309:NaN ~..}");
        giftFiles.put("only escapes", "\\".repeat(10_001));
        giftFiles.put("huge", "x".repeat(2_000_001));
        giftFiles.put("NUL", "::N::\u0000{=\u0000}");
        giftFiles.put("category", "$CATEGORY: ../../" + "a".repeat(1_000) + "\n\n::C::Q{=a}");
        for (var e : xmlFiles.entrySet()) malformed(s, "XML " + e.getKey(), importText(s, imports + "xml", "application/xml", e.getValue()), problems);
        for (var e : giftFiles.entrySet()) malformed(s, "GIFT " + e.getKey(), importText(s, imports + "gift", "text/plain", e.getValue()), problems);
        // nothing stored read the disk or expanded an entity
        String bank = check(200, send(s, "GET", "/api/quiz/categories/" + category + "/questions", null)).body();
        if (bank.contains("root:") || bank.contains("lollollol")) problems.add("an imported question holds a file's text or an expanded entity");
        // the HTML import form, with the CSRF token
        long quiz = quizOf(check(201, send(s, "POST", "/api/course/courses/" + s.course + "/activities",
                "{\"sectionId\":" + id(send(s, "POST", "/api/course/courses/" + s.course + "/sections", "{\"title\":\"Import\"}"), 201) + ",\"type\":\"quiz\",\"name\":\"Import\",\"settings\":{}}")));
        String page = "/quiz/" + quiz + "/import";
        int turn = 0;
        for (String v : values) {
            if (!HostilePayloads.MARKUP.contains(v) && turn++ % 8 != 0) continue;
            for (String format : List.of("gift", "xml")) {
                String content = "gift".equals(format) ? "::F::" + giftEscape(v) + "{=" + giftEscape(v) + "}" : v;
                HttpResponse<String> r = s.browser.post(page, Map.of("_csrf", s.csrf, "format", format, "content", content, "add", "on"));
                if (fineHtml("import form " + format, v, r, problems)) unescaped(page, r.body(), problems);
            }
        }
        for (String format : List.of("gift", "xml")) {
            for (String file : ("gift".equals(format) ? giftFiles : xmlFiles).values()) {
                if (file.length() > 500_000) continue; // the form's limits are the API's, tried above
                HttpResponse<String> r = s.browser.post(page, Map.of("_csrf", s.csrf, "format", format, "content", file));
                if (fineHtml("import form " + format, file, r, problems)) unescaped(page, r.body(), problems);
                if (r.body().contains("root:x:")) problems.add("the import form shows /etc/passwd");
            }
        }
        for (String path : List.of("/quiz/" + quiz + "/edit", "/quiz/bank/" + s.course, "/quiz/" + quiz)) {
            HttpResponse<String> r = s.browser.get(path);
            if (r.statusCode() >= 500) problems.add(path + ": " + r.statusCode());
            unescaped(path, r.body(), problems);
            if (s.everything) PAGES.put(path, true);
        }
        System.out.printf("Hostile quiz import on %s: %d questions read back, %d problems%n", db, stored, problems.size());
        assertTrue(stored > 0, "questions were imported");
        assertTrue(problems.isEmpty(), db + ": " + problems.size() + " problems:\n" + String.join("\n", problems.stream().limit(60).toList()));
    }

    private static HttpResponse<String> importText(Site s, String path, String type, String body) throws Exception {
        return s.somep.send(HttpRequest.newBuilder(s.somep.uri(path)).header("Accept", "application/json").header("Authorization", "Bearer " + s.admin)
                .header("Content-Type", type + "; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Checks an import of one question per value: each imported question's text and general feedback read back as sent. */
    private static int imported(String format, List<String> values, HttpResponse<String> r, Site s, long category, List<String> problems) throws Exception {
        if (!fine(format + " import", values.isEmpty() ? "" : values.get(0), r, problems)) return 0;
        if (values.isEmpty()) return 0;
        if (r.statusCode() != 200) {
            problems.add(format + " import of " + values.size() + " questions from " + shorten(values.get(0)) + ": " + r.statusCode() + " " + shorten(r.body()));
            return 0;
        }
        JsonNode items = JSON.readTree(r.body()).path("items");
        if (items.size() != values.size()) {
            problems.add(format + " import from " + shorten(values.get(0)) + ": " + items.size() + " items for " + values.size() + " questions");
            return 0;
        }
        // one read of the category for the whole batch
        Map<Long, JsonNode> bank = new HashMap<>();
        for (JsonNode q : JSON.readTree(check(200, send(s, "GET", "/api/quiz/categories/" + category + "/questions", null)).body())) bank.put(q.path("id").asLong(), q);
        int n = 0;
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            JsonNode item = items.get(i);
            if (!item.path("imported").asBoolean()) {
                if (item.path("reason").asText().isBlank()) problems.add(format + " import of " + shorten(v) + ": skipped without a reason");
                continue;
            }
            JsonNode q = bank.get(item.path("questionId").asLong());
            if (q == null) {
                problems.add(format + " import of " + shorten(v) + ": imported but not in the category");
                continue;
            }
            String expected = "GIFT".equals(format) ? v.replace("\r", "") : v;
            if (!sameText(q.path("text").asText(), expected) || !sameText(q.path("generalFeedback").asText(), expected))
                problems.add(format + " import of " + shorten(v) + ": stored as " + shorten(q.path("text").asText()));
            n++;
        }
        return n;
    }

    private static void malformed(Site s, String what, HttpResponse<String> r, List<String> problems) throws Exception {
        if (!fine("import " + what, what, r, problems)) return;
        if (r.body().contains("root:x:") || r.body().contains("lollollol")) problems.add("import " + what + ": the answer shows a file or an expanded entity");
        if (r.statusCode() == 200) {
            for (JsonNode item : JSON.readTree(r.body()).path("items")) {
                if (!item.path("imported").asBoolean() && item.path("reason").asText().isBlank()) problems.add("import " + what + ": skipped without a reason");
            }
        } else if (r.statusCode() < 400) {
            problems.add("import " + what + ": " + r.statusCode());
        }
    }

    static String giftEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\' || "~=#{}:".indexOf(c) >= 0) b.append('\\').append(c);
            else if (c == '\n') b.append("\\n");
            else if (c != '\r') b.append(c);
        }
        return b.toString();
    }

    /** Whether XML 1.0 can carry the text at all (no NUL, other control characters, lone surrogates or U+FFFE/FFFF). */
    static boolean xmlCanHold(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) return false;
            if (Character.isHighSurrogate(c) && (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(++i)))) return false;
            if (Character.isLowSurrogate(c)) return false;
        }
        return true;
    }

    static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }

    // ---- 5. Chromium: no stored value runs script

    @Test
    @Order(5)
    void no_stored_markup_runs_script_in_chromium() throws Exception {
        Site s = SITES.get("H2");
        assertTrue(s != null, "the H2 tests ran first");
        try (Chromium chromium = Chromium.start(); BrowserContext context = chromium.browser.newContext()) {
            context.addCookies(List.of(new Cookie("SOMEPSESSION", s.browser.session()).setDomain("localhost").setPath("/")));
            Page page = context.newPage();
            List<String> ran = new ArrayList<>();
            List<String> paths;
            synchronized (PAGES) {
                paths = new ArrayList<>(PAGES.keySet());
            }
            for (String path : paths) {
                com.microsoft.playwright.Response r = page.navigate(somep.uri(path).toString());
                assertTrue(r != null && r.status() < 500, path + ": " + (r == null ? "no answer" : r.status()));
                page.waitForLoadState();
                if (!"undefined".equals(page.evaluate("() => typeof window.__pwned"))) ran.add(path);
            }
            System.out.println("Chromium checked " + paths.size() + " pages");
            assertTrue(paths.size() >= 10, "pages were checked: " + paths);
            assertTrue(ran.isEmpty(), "stored markup ran script on " + ran);
        }
    }

    // ---- helpers

    /** Equal as the site stores text: the ends trimmed of blanks and control characters. */
    static boolean sameText(String stored, String sent) {
        return stored.equals(sent) || stored.equals(sent.strip()) || stored.equals(sent.trim());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String segment(String s) {
        return enc(s).replace("+", "%20");
    }

    static HttpResponse<String> send(Site s, String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(s.somep.uri(path)).header("Accept", "application/json").header("Authorization", "Bearer " + s.admin);
        if (json != null) b.header("Content-Type", "application/json");
        HttpRequest req = b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            return s.somep.send(req);
        } catch (java.io.IOException e) {
            // a pooled connection the server closed as idle while the other database's site was tested: once more, on a new one
            return s.somep.send(req);
        }
    }

    static HttpResponse<String> check(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    static long id(HttpResponse<String> r, int status) throws Exception {
        JsonNode n = JSON.readTree(check(status, r).body());
        return (n.has("id") ? n.get("id") : n.findValue("id")).asLong();
    }

    static long quizOf(HttpResponse<String> r) throws Exception {
        String link = JSON.readTree(r.body()).findValue("link").asText();
        return Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
    }
}
