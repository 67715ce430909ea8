package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestSomep;
import eu.somep.core.config.Settings;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The library's pages as a browser uses them (forms with the CSRF token, redirects, error pages in the reader's
 * language), and the limits an administrator sets in the plugin's configuration (largest file, quota).
 */
class LibraryPagesIT {
    static SecurityIT.Browser signIn(TestSomep somep, String user, String language) throws Exception {
        SecurityIT.Browser b = new SecurityIT.Browser(somep, language);
        HttpResponse<String> form = b.get("/login");
        HttpResponse<String> in = b.post("/login", Map.of("username", user, "password", user + "-pass-123", "_csrf", SecurityIT.Browser.csrf(form)));
        assertEquals(303, in.statusCode(), in.body());
        return b;
    }

    static long guides(TestSomep somep) throws Exception {
        return LibraryIT.num("\"id\":(\\d+),\"parentId\":null,\"activityId\":null,\"name\":\"COMPOSITE guides\"", somep.get("/api/library/folders").body());
    }

    /** Sets the library's configuration through the framework's ConfigurationAdmin (reached by reflection: its classes live in their bundle). */
    static void configure(TestSomep somep, Map<String, Object> values) throws Exception {
        Bundle library = somep.kernel().plugins().bundle("library").orElseThrow();
        BundleContext system = library.getBundleContext().getBundle(0).getBundleContext();
        // all references: the test's class path has its own copy of the ConfigurationAdmin interface, so the assignable ones are none
        ServiceReference<?> ref = system.getAllServiceReferences("org.osgi.service.cm.ConfigurationAdmin", null)[0];
        Object admin = system.getService(ref);
        Class<?> adminType = Arrays.stream(admin.getClass().getInterfaces()).filter(i -> i.getName().equals("org.osgi.service.cm.ConfigurationAdmin")).findFirst().orElseThrow();
        Object config = adminType.getMethod("getConfiguration", String.class, String.class).invoke(admin, "eu.somep.library", null);
        Class<?> configType = Arrays.stream(config.getClass().getInterfaces()).filter(i -> i.getName().equals("org.osgi.service.cm.Configuration")).findFirst().orElseThrow();
        Method update = configType.getMethod("update", java.util.Dictionary.class);
        update.invoke(config, new Hashtable<>(values));
    }

    @Test
    void forms_refusals_in_the_readers_language_and_limits_from_the_settings() throws Exception {
        try (TestSomep somep = TestSomep.builder().set(Settings.PLUGIN_START_TIMEOUT, "60000").start()) {
            somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            somep.kernel().users().create("emre", "emre-pass-123", "Emre", false);
            long guides = guides(somep);
            SecurityIT.Browser ayse = signIn(somep, "ayse", "en-GB,en;q=0.9");

            // the upload form: with its token, a PDF becomes a document, and the browser lands on its page
            HttpResponse<String> folder = ayse.get("/library/folders/" + guides);
            assertEquals(200, folder.statusCode());
            assertTrue(folder.body().contains("id=\"library-upload\"") && folder.body().contains("Up to 25 MB each"), folder.body());
            String csrf = SecurityIT.Browser.csrf(folder);
            byte[] pdf = LibraryIT.pdf("The pangolin protocol for patrols");
            assertEquals(403, ayse.upload("/library/folders/" + guides + "/upload", Map.of("title", "No token"), "file", "a.pdf", "application/pdf", pdf).statusCode());
            HttpResponse<String> up = ayse.upload("/library/folders/" + guides + "/upload", Map.of("_csrf", csrf, "title", "Pangolin protocol", "year", "2015",
                    "type", "guideline"), "file", "pangolin.pdf", "application/pdf", pdf);
            assertEquals(303, up.statusCode(), up.body());
            String docPath = ayse.location(up).getPath();
            assertTrue(docPath.matches("/library/documents/\\d+"), docPath);
            HttpResponse<String> doc = ayse.follow(up);
            assertTrue(doc.body().contains("Pangolin protocol") && doc.body().contains("data-testid=\"library-thumbnail\""), doc.body());
            assertTrue(somep.get("/library/search?q=pangolin").body().contains("<mark>pangolin</mark>"));

            // several files in one go: each becomes a document (named after its file), and the browser goes to the folder
            Map<String, byte[]> two = new java.util.LinkedHashMap<>();
            two.put("okapi-notes.txt", "Okapi notes for the night shift".getBytes(StandardCharsets.UTF_8));
            two.put("quokka-notes.txt", "Quokka notes for the day shift".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> both = ayse.uploadMany("/library/folders/" + guides + "/upload", Map.of("_csrf", csrf, "year", "2016"), "file", "text/plain", two);
            assertEquals(303, both.statusCode(), both.body());
            assertEquals("/library/folders/" + guides, ayse.location(both).getPath());
            String okapi = ayse.get("/library/search?q=okapi").body();
            assertTrue(okapi.contains("<mark>okapi</mark>") || okapi.contains("<mark>Okapi</mark>"), "the first file is stored and indexed: " + okapi);
            String quokka = ayse.get("/library/search?q=quokka").body();
            assertTrue(quokka.contains("<mark>quokka</mark>") || quokka.contains("<mark>Quokka</mark>"), "the second too: " + quokka);

            // all or nothing: one refused file among three keeps none of them, and the refusal names it
            java.nio.file.Path store = somep.kernel().settings().dataDir().resolve("files/library/store");
            long stored;
            try (var files = java.nio.file.Files.walk(store)) {
                stored = files.filter(java.nio.file.Files::isRegularFile).count();
            }
            Map<String, byte[]> three = new java.util.LinkedHashMap<>();
            three.put("capybara-notes.txt", "Capybara notes for the night shift".getBytes(StandardCharsets.UTF_8));
            three.put("setup.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0});
            three.put("tapir-notes.txt", "Tapir notes for the day shift".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> refused = ayse.uploadMany("/library/folders/" + guides + "/upload", Map.of("_csrf", csrf), "file", "text/plain", three);
            assertEquals(422, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("setup.pdf: This kind of file is not accepted") && refused.body().contains("Nothing of this upload was kept"), refused.body());
            assertFalse(ayse.get("/library/search?q=capybara").body().contains("capybara-notes"), "the file before the refused one is not kept");
            assertFalse(ayse.get("/library/search?q=tapir").body().contains("tapir-notes"));
            try (var files = java.nio.file.Files.walk(store)) {
                assertEquals(stored, files.filter(java.nio.file.Files::isRegularFile).count(), "no stored file is left behind");
            }

            // a second version through the page, then the first made current again, and the details edited
            HttpResponse<String> v2 = ayse.upload(docPath + "/versions", Map.of("_csrf", csrf), "file", "pangolin-2.txt", "text/plain",
                    "Revised: the armadillo protocol".getBytes(StandardCharsets.UTF_8));
            assertEquals(303, v2.statusCode(), v2.body());
            String page = ayse.follow(v2).body();
            assertTrue(page.contains("pangolin-2.txt"), page);
            long v1 = LibraryIT.num("action=\"" + docPath + "/versions/(\\d+)/restore\"", page);
            assertEquals(303, ayse.upload(docPath + "/versions/" + v1 + "/restore", Map.of("_csrf", csrf), "none", "", "application/octet-stream", new byte[0]).statusCode());
            assertTrue(somep.get("/library/search?q=pangolin").body().contains("Pangolin protocol"));
            assertEquals(303, ayse.upload(docPath + "/edit", Map.of("_csrf", csrf, "title", "Pangolin protocol (2015)", "year", "2015", "type", "guideline"),
                    "none", "", "application/octet-stream", new byte[0]).statusCode());
            assertTrue(ayse.get(docPath).body().contains("Pangolin protocol (2015)"));

            // refusals are pages in the reader's language; nobody else may change the document
            SecurityIT.Browser emre = signIn(somep, "emre", "tr-TR,tr;q=0.9");
            String emreCsrf = SecurityIT.Browser.csrf(emre.get("/library/folders/" + guides));
            HttpResponse<String> empty = emre.upload("/library/folders/" + guides + "/upload", Map.of("_csrf", emreCsrf), "file", "bos.pdf", "application/pdf", new byte[0]);
            assertEquals(422, empty.statusCode());
            assertTrue(empty.body().contains("Dosya boş."), empty.body());
            HttpResponse<String> exe = emre.upload("/library/folders/" + guides + "/upload", Map.of("_csrf", emreCsrf), "file", "rapor.pdf", "application/pdf",
                    new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0});
            assertEquals(422, exe.statusCode());
            assertTrue(exe.body().contains("Bu tür dosya kabul edilmiyor"), exe.body());
            assertEquals(404, emre.upload(docPath + "/edit", Map.of("_csrf", emreCsrf, "title", "Mine"), "none", "", "application/octet-stream", new byte[0]).statusCode());
            assertFalse(emre.get(docPath).body().contains("action=\"" + docPath + "/edit\""), "no edit form for others");

            // long lists come in pages of 20, for folders and for search results
            String admin = somep.adminToken();
            long many = LibraryIT.id(LibraryIT.expect(201, LibraryIT.as(somep, admin, "POST", "/api/library/folders", "{\"name\":\"Many\"}")));
            for (int i = 1; i <= 23; i++) {
                LibraryIT.expect(201, LibraryIT.upload(somep, admin, "/api/library/folders/" + many + "/documents?name=n" + i + ".txt&title=Note+" + (100 + i),
                        ("Patrol note about the axolotl case, number " + i).getBytes(StandardCharsets.UTF_8), null));
            }
            String first = somep.get("/library/folders/" + many).body();
            assertTrue(first.contains("Page 1 of 2") && first.contains("Note 101") && !first.contains("Note 123"), first);
            String second = somep.get("/library/folders/" + many + "?page=2").body();
            assertTrue(second.contains("Page 2 of 2") && second.contains("Note 123") && !second.contains("Note 101"), second);
            HttpResponse<String> results = somep.get("/library/search?q=axolotl&page=2");
            assertEquals(200, results.statusCode());
            assertTrue(results.body().contains("Found: 23") && results.body().contains("Page 2 of 2"), results.body());

            // the administrator's limits: 1 MB per file, 1 MB in all for each user
            configure(somep, Map.of("maxFileMb", 1, "quotaMb", 1));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!ayse.get("/library/folders/" + guides).body().contains("Up to 1 MB each")) {
                assertTrue(Instant.now().isBefore(deadline), "the new limit applies within 30 s");
            }
            byte[] text = ("Notes on patrol routes. ".repeat(25_000)).getBytes(StandardCharsets.UTF_8); // 600 KB
            HttpResponse<String> big = ayse.upload("/library/folders/" + guides + "/upload", Map.of("_csrf", csrf), "file", "big.txt", "text/plain",
                    ("x".repeat(1_200_000)).getBytes(StandardCharsets.UTF_8));
            assertEquals(413, big.statusCode());
            assertTrue(big.body().contains("larger than 1 MB"), big.body());
            assertEquals(303, ayse.upload("/library/folders/" + guides + "/upload", Map.of("_csrf", csrf), "file", "a.txt", "text/plain", text).statusCode());
            HttpResponse<String> over = ayse.upload("/library/folders/" + guides + "/upload", Map.of("_csrf", csrf), "file", "b.txt", "text/plain", text);
            assertEquals(413, over.statusCode());
            assertTrue(over.body().contains("used your upload quota of 1 MB"), over.body());
        }
    }
}
