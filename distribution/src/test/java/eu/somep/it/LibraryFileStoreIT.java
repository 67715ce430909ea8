package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.core.config.Settings;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The library's database file store (setting {@code store = database}) on H2 and PostgreSQL: the files already on
 * the disk move into it on request, files of several 1 MB chunks come back byte for byte, the setting can go back to
 * the disk without losing what the database holds, and deleting documents leaves nothing in {@code library_blob}.
 */
class LibraryFileStoreIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    /** About 3.4 MB of words: four chunks, the last one partial. */
    static byte[] longText(String word) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 3_400_000; i++) b.append("Line ").append(i).append(": patrol report ").append(word).append('\n');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static long blobRows(TestSomep somep, String where) throws Exception {
        try (Connection c = somep.kernel().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM library_blob" + where); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String str(String regex, String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(body);
        assertTrue(m.find(), regex + " in " + body);
        return m.group(1);
    }

    static void useStore(TestSomep somep, String store) throws Exception {
        HttpResponse<String> saved = RegistrationIT.as(somep, somep.adminToken(), "PUT", "/api/admin/plugins/library/settings", "{\"store\":\"" + store + "\"}");
        assertEquals(200, saved.statusCode(), saved.body()); // answered once the plugin has the value
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void files_in_the_database_come_back_intact_survive_a_switch_and_leave_nothing_when_deleted(TestDatabases.Db db) throws Exception {
        try (TestSomep somep = TestSomep.builder().database(db).set(Settings.PLUGIN_START_TIMEOUT, "60000").start()) {
            String admin = somep.adminToken();
            Path disk = somep.kernel().settings().dataDir().resolve("files/library/store");
            String described = LibraryIT.expect(200, RegistrationIT.as(somep, admin, "GET", "/api/admin/plugins/library/settings", null)).body();
            assertTrue(described.contains("\"key\":\"store\"") && described.contains("\"value\":\"database\"") && described.contains("The database"), described);
            // moving the files already on the disk is refused until the database is chosen, and only for administrators
            assertTrue(LibraryIT.expect(409, RegistrationIT.as(somep, admin, "POST", "/api/library/storage/move", null)).body().contains("Choose \\\"The database\\\""));
            // an administrator chooses the database on the library's settings page
            SecurityIT.Browser browser = new SecurityIT.Browser(somep);
            browser.signIn();
            HttpResponse<String> form = browser.get("/admin/plugins/library/settings");
            assertTrue(form.body().contains("File store") && form.body().contains("value=\"database\"") && form.body().contains("The database"), form.body());
            HttpResponse<String> chosen = browser.post("/admin/plugins/library/settings",
                    Map.of("_csrf", SecurityIT.Browser.csrf(form), "maxFileMb", "25", "quotaMb", "500", "store", "database"));
            assertEquals(303, chosen.statusCode(), chosen.body());
            assertTrue(browser.follow(chosen).body().contains("The settings are saved"));
            somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            LibraryIT.expect(403, RegistrationIT.as(somep, TokensIT.create(somep, "ayse", "ayse-pass-123", "t"), "POST", "/api/library/storage/move", null));

            // the shipped guides, written to the disk at the first start, move into the database and are still served
            long guides = LibraryIT.num("\"id\":(\\d+),\"parentId\":null,\"activityId\":null,\"name\":\"COMPOSITE guides\"",
                    LibraryIT.as(somep, null, "GET", "/api/library/folders", null).body());
            String firstGuide = str("\"download\":\"(/library/documents/\\d+/download)\"", LibraryIT.as(somep, null, "GET", "/api/library/folders/" + guides, null).body());
            byte[] guideBytes = LibraryIT.bytes(somep, null, firstGuide).body();
            long shipped = LibraryIT.files(disk);
            assertTrue(shipped >= 9, "the nine guides are on the disk: " + shipped);
            String moved = LibraryIT.expect(200, RegistrationIT.as(somep, admin, "POST", "/api/library/storage/move", null)).body();
            assertTrue(moved.contains("\"moved\":" + shipped + ",") && moved.contains("\"missing\":0,\"damaged\":0"), moved);
            assertEquals(0, LibraryIT.files(disk), "nothing left on the disk");
            assertEquals(shipped, blobRows(somep, ""));
            assertArrayEquals(guideBytes, LibraryIT.bytes(somep, null, firstGuide).body());
            assertTrue(LibraryIT.expect(200, RegistrationIT.as(somep, admin, "POST", "/api/library/storage/move", null)).body().contains("\"moved\":0,"), "a second run has nothing to do");
            LibraryIT.expect(204, RegistrationIT.as(somep, admin, "DELETE", "/api/library/folders/" + guides, null));
            assertEquals(0, blobRows(somep, ""), "deleting the collection deleted its files in the database");

            long pub = LibraryIT.id(LibraryIT.expect(201, LibraryIT.as(somep, admin, "POST", "/api/library/folders", "{\"name\":\"Shared\",\"visibility\":\"public\"}")));
            String to = "/api/library/folders/" + pub + "/documents?name=";
            long onDisk = LibraryIT.files(disk);

            // a PDF (with its preview) and a text of four chunks go to the database, not to the disk
            byte[] pdf = LibraryIT.pdf("Harbour patrol handbook", "The quetzal checkpoint opens at dawn.");
            long guide = LibraryIT.id(LibraryIT.expect(201, LibraryIT.upload(somep, admin, to + "handbook.pdf&title=Harbour+handbook", pdf, null)));
            byte[] text = longText("axolotl");
            long log = LibraryIT.id(LibraryIT.expect(201, LibraryIT.upload(somep, admin, to + "log.txt&title=Patrol+log", text, null)));
            assertEquals(onDisk, LibraryIT.files(disk), "nothing new on the disk");
            assertEquals(6, blobRows(somep, ""), "the PDF, its preview and the text in four chunks");
            assertEquals(1, blobRows(somep, " WHERE seq = 3"), "the text's fourth chunk");
            byte[] even = java.util.Arrays.copyOf(text, 2 << 20); // exactly two chunks: no empty third one
            long twoChunks = LibraryIT.id(LibraryIT.expect(201, LibraryIT.upload(somep, admin, to + "even.txt", even, null)));
            assertEquals(8, blobRows(somep, ""));
            assertArrayEquals(even, LibraryIT.bytes(somep, null, "/library/documents/" + twoChunks + "/download").body());
            LibraryIT.expect(204, LibraryIT.as(somep, admin, "DELETE", "/api/library/documents/" + twoChunks, null));
            assertEquals(6, blobRows(somep, ""));

            HttpResponse<byte[]> got = LibraryIT.bytes(somep, null, "/library/documents/" + log + "/download");
            assertEquals(200, got.statusCode());
            assertEquals(String.valueOf(text.length), got.headers().firstValue("Content-Length").orElse(""));
            assertArrayEquals(text, got.body(), "the text, byte for byte");
            assertArrayEquals(pdf, LibraryIT.bytes(somep, null, "/library/documents/" + guide + "/download").body());
            assertEquals(200, LibraryIT.bytes(somep, null, "/library/documents/" + guide + "/thumbnail").statusCode());
            assertEquals(1, LibraryIT.total(somep, null, "q=quetzal"));
            assertEquals(1, LibraryIT.total(somep, null, "q=axolotl"));

            // back to the disk: new files go there, the database's are still served
            useStore(somep, "local");
            byte[] note = "Shift note: the ocelot van is back.".getBytes(StandardCharsets.UTF_8);
            long local = LibraryIT.id(LibraryIT.expect(201, LibraryIT.upload(somep, admin, to + "note.txt", note, null)));
            assertEquals(onDisk + 1, LibraryIT.files(disk));
            assertArrayEquals(note, LibraryIT.bytes(somep, null, "/library/documents/" + local + "/download").body());
            assertArrayEquals(text, LibraryIT.bytes(somep, null, "/library/documents/" + log + "/download").body(), "still served after the switch");

            // a new version on the database store, then deleting everything leaves no row
            useStore(somep, "database");
            LibraryIT.expect(201, LibraryIT.upload(somep, admin, "/api/library/documents/" + local + "/versions?name=note-2.txt", "Second note".getBytes(StandardCharsets.UTF_8), null));
            for (long id : new long[] {guide, log, local}) LibraryIT.expect(204, LibraryIT.as(somep, admin, "DELETE", "/api/library/documents/" + id, null));
            assertEquals(0, blobRows(somep, ""), "no chunk is left in library_blob");
            assertEquals(onDisk, LibraryIT.files(disk), "the disk's file went with its document");
            assertEquals(404, LibraryIT.bytes(somep, null, "/library/documents/" + log + "/download").statusCode());
        }
    }
}
