package eu.somep.it;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.core.privacy.PersonalColumns;
import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.ServiceRegistration;

/**
 * Privacy (GDPR) across the shipped plugins, on H2 and PostgreSQL: every table that refers to people belongs to a
 * component with a privacy provider; a person's "my data" archive holds their forum post, quiz attempt, library upload,
 * best-practice proposal, enrolment and account; an administrator's erase leaves nothing that points at them, keeps
 * discussions readable under an anonymous author, and keeps the account when a provider fails.
 */
class PrivacyIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    static HttpResponse<String> as(TestSomep somep, String token, String method, String path, String body) throws Exception {
        return RegistrationIT.as(somep, token, method, path, body);
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        return r;
    }

    /** Entry name → content of a zip download. */
    static Map<String, String> zip(TestSomep somep, String token, String path) throws Exception {
        HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(somep.uri(path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElse(""));
        assertTrue(r.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        Map<String, String> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(r.body()))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Every "table.column = id" left in the database for the person, over all person-referencing columns. */
    static List<String> traces(TestSomep somep, long userId) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = somep.kernel().dataSource().getConnection()) {
            for (var t : new PersonalColumns(somep.kernel().dataSource()).tables().entrySet()) {
                for (String col : t.getValue()) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + t.getKey() + " WHERE " + col + " = ?")) {
                        ps.setLong(1, userId);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) out.add(t.getKey() + "." + col);
                        }
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void every_plugin_exports_and_erases_a_person(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = QuizIT.site(db)) {
            String admin = somep.adminToken();

            // every table that refers to people belongs to a component with a provider: this fails for a shipped
            // plugin that stores personal data without implementing the privacy SPI
            Map<String, List<String>> personal = new PersonalColumns(somep.kernel().dataSource()).tables();
            for (String t : List.of("forum_post", "quiz_attempt", "library_version", "course_enrolment", "bestpractice_case", "kernel_token"))
                assertTrue(personal.containsKey(t), "the scan finds " + t + ": " + personal.keySet());
            assertEquals(Map.of(), somep.kernel().privacy().uncovered(), "tables that refer to people without a privacy provider");
            String overview = expect(200, as(somep, admin, "GET", "/api/users/privacy", null)).body();
            assertTrue(overview.contains("\"uncovered\":{}"), overview);
            for (String c : List.of("forum", "course", "quiz", "library", "bestpractice", "kernel"))
                assertTrue(overview.contains("\"component\":\"" + c + "\""), c + " in " + overview);

            for (String u : new String[] {"ayse", "mehmet"}) somep.kernel().users().create(u, u + "-pass-123", u.toUpperCase(), false);
            long ayseId = somep.kernel().users().byName("ayse").orElseThrow().id();
            long mehmetId = somep.kernel().users().byName("mehmet").orElseThrow().id();
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");
            String mehmet = TokensIT.create(somep, "mehmet", "mehmet-pass-123", "t");

            // Ayşe's traces across the plugins
            expect(201, as(somep, admin, "POST", "/api/course/courses/1/participants", "{\"username\":\"ayse\"}"));
            long d = ForumIT.id(expect(201, as(somep, ayse, "POST", "/api/forum/forums/1/discussions",
                    "{\"title\":\"Platforms for warnings\",\"message\":\"Ayse writes about zebracorn warnings.\"}")));
            expect(201, as(somep, mehmet, "POST", "/api/forum/discussions/" + d + "/posts", "{\"message\":\"Mehmet answers about okapi alerts.\"}"));
            expect(201, as(somep, ayse, "POST", "/api/quiz/quizzes/1/attempts", null));
            long folder = LibraryIT.id(expect(201, as(somep, admin, "POST", "/api/library/folders", "{\"name\":\"Shared\",\"visibility\":\"public\"}")));
            long doc = LibraryIT.id(expect(201, LibraryIT.upload(somep, ayse, "/api/library/folders/" + folder + "/documents?name=notes.txt&title=Ayse+notes",
                    "Quokka patrol notes by Ayse.".getBytes(StandardCharsets.UTF_8), null)));
            expect(201, as(somep, ayse, "POST", "/api/bestpractice/proposals", BestPracticeIT.CASE.replace("Vienna police", "Graz police")));

            // her archive: every plugin's part, with an index, and nothing of Mehmet's
            Map<String, String> mine = zip(somep, ayse, "/api/profile/data");
            assertTrue(mine.containsKey("README.txt") && mine.containsKey("index.json"), mine.keySet().toString());
            assertTrue(mine.get("README.txt").contains("forum/posts.json") && mine.get("README.txt").contains("quiz/"), mine.get("README.txt"));
            assertTrue(mine.get("forum/posts.json").contains("zebracorn warnings"), mine.get("forum/posts.json"));
            assertFalse(String.join("\n", mine.values()).contains("okapi alerts"), "only her own data");
            assertTrue(mine.get("quiz/attempts.json").contains("\"quiz_id\" : 1"), mine.get("quiz/attempts.json"));
            assertTrue(mine.get("library/uploads.json").contains("notes.txt"), mine.get("library/uploads.json"));
            assertTrue(mine.entrySet().stream().anyMatch(e -> e.getKey().startsWith("library/files/") && e.getValue().equals("Quokka patrol notes by Ayse.")),
                    mine.keySet().toString());
            assertTrue(mine.get("bestpractice/proposals.json").contains("Graz police"));
            assertTrue(mine.get("course/enrolments.json").contains("\"course_id\" : 1"), mine.get("course/enrolments.json"));
            assertTrue(mine.get("kernel/account.json").contains("\"username\" : \"ayse\""), mine.get("kernel/account.json"));
            assertFalse(mine.get("kernel/tokens.json").matches("(?s).*[0-9a-f]{64}.*"), "never a token or its hash");

            // only administrators export or erase others
            expect(403, as(somep, mehmet, "GET", "/api/users/ayse/data", null));
            expect(403, as(somep, mehmet, "POST", "/api/users/ayse/erase", null));
            expect(401, as(somep, null, "GET", "/api/profile/data", null));
            assertTrue(zip(somep, admin, "/api/users/ayse/data").get("forum/posts.json").contains("zebracorn warnings"));
            expect(404, as(somep, admin, "POST", "/api/users/nobody/erase", null));
            expect(409, as(somep, admin, "POST", "/api/users/admin/erase", null));

            // erase: the account goes, her posts stay under an anonymous author, Mehmet's data is untouched
            String erased = expect(200, as(somep, admin, "POST", "/api/users/ayse/erase", null)).body();
            assertTrue(erased.contains("\"complete\":true") && erased.contains("\"component\":\"forum\""), erased);
            expect(401, as(somep, ayse, "GET", "/api/profile/data", null));
            assertEquals(List.of(), traces(somep, ayseId), "nothing in the database points at her");
            String after = expect(200, as(somep, mehmet, "GET", "/api/forum/discussions/" + d, null)).body();
            assertTrue(after.contains("zebracorn warnings") && after.contains("Former participant") && after.contains("okapi alerts")
                    && after.contains("\"author\":\"MEHMET\""), after);
            assertFalse(after.contains("AYSE"), after);
            assertTrue(somep.get("/forum/discussion/" + d).body().contains("Former participant"));
            String versions = expect(200, as(somep, admin, "GET", "/api/library/documents/" + doc + "/versions", null)).body();
            assertTrue(versions.contains("Former member") && !versions.contains("AYSE"), versions);
            assertFalse(as(somep, admin, "GET", "/api/quiz/quizzes/1/attempts", null).body().contains("ayse"));
            assertFalse(as(somep, admin, "GET", "/api/course/courses/1/participants", null).body().contains("ayse"));
            assertTrue(as(somep, admin, "GET", "/api/bestpractice/proposals", null).body().contains("Graz police"), "the proposal stays, without her");
            assertFalse(as(somep, admin, "GET", "/api/users", null).body().contains("\"ayse\""));
            String audit = expect(200, as(somep, admin, "GET", "/api/audit?limit=1000", null)).body();
            assertFalse(audit.contains("\"ayse\""), "her name is gone from the audit log");
            assertTrue(audit.contains("\"user/erase\"") && audit.contains("#" + ayseId), "the erase itself is recorded");
            assertFalse(traces(somep, mehmetId).isEmpty(), "Mehmet's data stays");

            // a plugin whose tables no running provider covers: erase is refused and nothing changes
            expect(200, somep.adminPost("/api/plugins/quiz/disable"));
            String refused = expect(409, as(somep, admin, "POST", "/api/users/mehmet/erase", null)).body();
            assertTrue(refused.contains("quiz_attempt"), refused);
            assertTrue(somep.kernel().users().byName("mehmet").isPresent());
            expect(200, somep.adminPost("/api/plugins/quiz/enable"));

            // a provider that fails: reported, and the account is kept (suspended) until an erase succeeds
            ServiceRegistration<PrivacyProvider> broken = somep.kernel().bundleContext().registerService(PrivacyProvider.class, new Broken(), null);
            String failed = expect(409, as(somep, admin, "POST", "/api/users/mehmet/erase", null)).body();
            assertTrue(failed.contains("\"complete\":false") && failed.contains("disk on fire"), failed);
            assertTrue(somep.kernel().users().byName("mehmet").orElseThrow().suspended(), "kept, suspended");
            expect(401, as(somep, mehmet, "GET", "/api/profile/data", null));
            broken.unregister();
            expect(200, as(somep, admin, "POST", "/api/users/mehmet/erase", null));
            assertTrue(somep.kernel().users().byName("mehmet").isEmpty());
            assertEquals(List.of(), traces(somep, mehmetId));
            assertTrue(expect(200, as(somep, admin, "GET", "/api/forum/discussions/" + d, null)).body().contains("okapi alerts"), "discussions stay readable");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_pages_confirm_before_erasing(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).set("somep.plugin.start.timeout.ms", "60000").start()) {
            somep.kernel().users().create("ayse", "ayse-pass-123", "AYSE", false);
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            String list = expect(200, browser.get("/admin/users")).body();
            assertTrue(list.contains("href=\"/admin/users/ayse/erase\"") && list.contains("href=\"/admin/users/ayse/data\""), list);
            // while a plugin with personal data is disabled, the page says why it cannot erase, and offers no button
            expect(200, somep.adminPost("/api/plugins/quiz/disable"));
            String blocked = expect(200, browser.get("/admin/users/ayse/erase")).body();
            assertTrue(blocked.contains("data-testid=\"erase-uncovered\"") && blocked.contains("quiz_attempt") && !blocked.contains("everywhere</button>"), blocked);
            expect(200, somep.adminPost("/api/plugins/quiz/enable"));
            HttpResponse<String> confirm = expect(200, browser.get("/admin/users/ayse/erase"));
            assertTrue(confirm.body().contains("Erase ayse everywhere") && confirm.body().contains("forum: posts"), confirm.body());
            expect(403, browser.post("/admin/users/ayse/erase", Map.of()));
            assertTrue(somep.kernel().users().byName("ayse").isPresent(), "no CSRF token, no erase");
            HttpResponse<String> done = expect(200, browser.post("/admin/users/ayse/erase", Map.of("_csrf", SecurityIT.Browser.csrf(confirm))));
            assertTrue(done.body().contains("data-testid=\"erase-result\"") && done.body().contains("the account was deleted"), done.body());
            assertTrue(somep.kernel().users().byName("ayse").isEmpty());

            // a user's own page lists what is stored and links to the archive
            somep.kernel().users().create("mehmet", "mehmet-pass-123", "MEHMET", false);
            SecurityIT.Browser own = new SecurityIT.Browser(somep, "de");
            HttpResponse<String> form = own.get("/login");
            own.follow(own.post("/login", Map.of("username", "mehmet", "password", "mehmet-pass-123", "_csrf", SecurityIT.Browser.csrf(form))));
            String profile = expect(200, own.get("/profile")).body();
            assertTrue(profile.contains("href=\"/api/profile/data\"") && profile.contains("Meine Daten herunterladen"), profile);
            HttpResponse<String> archive = own.get("/api/profile/data");
            assertEquals(200, archive.statusCode());
            assertEquals("application/zip", archive.headers().firstValue("Content-Type").orElse(""));
        }
    }

    /** A provider that cannot erase, to show that the account is then kept. */
    static final class Broken implements PrivacyProvider {
        @Override public String component() { return "broken"; }
        @Override public List<StoredData> describe() { return List.of(); }
        @Override public void export(long userId, PrivacyExport export) { }
        @Override public long erase(long userId) { throw new IllegalStateException("disk on fire"); }
    }
}
