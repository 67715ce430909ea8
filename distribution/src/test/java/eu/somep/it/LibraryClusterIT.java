package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.api.event.Event;
import eu.somep.core.config.Settings;
import eu.somep.library.LibraryService;
import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL database, each with its own home (disk and Lucene index), the library on the database
 * store: a document uploaded through node A can be downloaded from node B, and B's search index takes it in within
 * a few seconds without anybody searching on B first.
 */
class LibraryClusterIT {
    static long lastChange(TestSomep somep) throws Exception {
        try (Connection c = somep.kernel().dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) FROM library_change")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_document_uploaded_on_one_node_is_downloaded_and_found_on_the_other() throws Exception {
        TestDatabases.Db db = TestDatabases.postgres();
        try (TestSomep a = TestSomep.builder().database(db).set(Settings.PLUGIN_START_TIMEOUT, "60000").start();
             TestSomep b = TestSomep.builder().database(db).set(Settings.PLUGIN_START_TIMEOUT, "60000").start()) {
            String admin = a.adminToken();
            LibraryFileStoreIT.useStore(a, "database");
            long folder = LibraryIT.id(LibraryIT.expect(201, LibraryIT.as(a, admin, "POST", "/api/library/folders", "{\"name\":\"Both nodes\",\"visibility\":\"public\"}")));
            assertEquals(0, LibraryIT.total(b, null, "q=capybara"));

            long before = lastChange(a);
            CompletableFuture<Event> indexedOnB = b.nextEvent(LibraryService.TOPIC_INDEXED, e -> ((Number) e.get("change")).longValue() > before);
            byte[] pdf = LibraryIT.pdf("Joint operation notes", "The capybara unit patrols the river bank.");
            long uploadedAt = System.nanoTime();
            long doc = LibraryIT.id(LibraryIT.expect(201, LibraryIT.upload(a, admin, "/api/library/folders/" + folder + "/documents?name=notes.pdf&title=Joint+notes", pdf, null)));

            // the bytes are in the shared database: node B serves them at once
            HttpResponse<byte[]> got = LibraryIT.bytes(b, null, "/library/documents/" + doc + "/download");
            assertEquals(200, got.statusCode());
            assertArrayEquals(pdf, got.body());
            assertEquals(200, LibraryIT.bytes(b, null, "/library/documents/" + doc + "/thumbnail").statusCode());

            // node B's index takes in A's change by itself within a few seconds (its timer looks every 2 s)
            indexedOnB.get(10, TimeUnit.SECONDS);
            System.out.println("LibraryClusterIT: node B's index had node A's upload after " + (System.nanoTime() - uploadedAt) / 1_000_000 + " ms");
            String found = LibraryIT.expect(200, LibraryIT.as(b, null, "GET", "/api/library/search?q=capybara", null)).body();
            assertTrue(found.contains("\"total\":1") && found.contains("Joint notes"), found);

            // a deletion on B leaves A's index the same way
            long deletedAt = lastChange(b);
            CompletableFuture<Event> removedOnA = a.nextEvent(LibraryService.TOPIC_INDEXED, e -> ((Number) e.get("change")).longValue() > deletedAt);
            LibraryIT.expect(204, LibraryIT.as(b, b.adminToken(), "DELETE", "/api/library/documents/" + doc, null));
            removedOnA.get(10, TimeUnit.SECONDS);
            assertEquals(0, LibraryIT.total(a, null, "q=capybara"));
            assertEquals(404, LibraryIT.bytes(a, null, "/library/documents/" + doc + "/download").statusCode());
            assertEquals(0, LibraryFileStoreIT.blobRows(a, ""));

            // disabling the library on B stops its timer thread (no thread left behind); enabled again, it catches up
            List<Thread> timers = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("somep-library-index")).toList();
            assertEquals(2, timers.size(), "one per node");
            assertEquals(200, b.adminPost("/api/plugins/library/disable").statusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (timers.stream().allMatch(Thread::isAlive) && System.nanoTime() < deadline) timers.get(0).join(50); // a timed wait for an end
            assertEquals(1, timers.stream().filter(Thread::isAlive).count(), "B's timer ended with its library; A's runs on");
            long upTo = lastChange(a);
            LibraryIT.expect(201, LibraryIT.upload(a, admin, "/api/library/folders/" + folder + "/documents?name=later.txt", "The tapir file".getBytes(java.nio.charset.StandardCharsets.UTF_8), null));
            assertEquals(200, b.adminPost("/api/plugins/library/enable").statusCode());
            assertEquals(1, LibraryIT.total(b, null, "q=tapir"), "caught up at start: " + upTo);
        }
    }
}
