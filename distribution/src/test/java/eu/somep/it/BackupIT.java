package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.TestDatabases;
import eu.somep.testkit.TestSomep;
import eu.somep.core.backup.Restore;
import eu.somep.core.config.Settings;
import java.io.File;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backup and restore of a whole site: content is made, backed up through {@code POST /api/admin/backup} while
 * SOMEP runs, changed, then restored with SOMEP stopped (PostgreSQL: with pg_dump/pg_restore, as
 * docs/operations.md says), and after a new start the content is what it was at the backup.
 */
class BackupIT {
    static Stream<TestDatabases.Db> databases() {
        return TestDatabases.both();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void a_backup_taken_while_running_brings_the_site_back_after_changes(TestDatabases.Db db) throws Exception {
        boolean h2 = db.url() == null;
        if (!h2) Assumptions.assumeTrue(new File("/usr/bin/pg_dump").canExecute() && new File("/usr/bin/pg_restore").canExecute(),
                "pg_dump and pg_restore (the PostgreSQL client) are needed for the PostgreSQL round trip");
        Path zip;
        Path dump = null;
        Path home;
        Settings settings;
        try (TestSomep somep = TestSomep.builder().database(db).start()) {
            home = somep.home();
            settings = somep.kernel().settings();
            somep.kernel().users().create("ayse", "ayse-pass-123", "Ayse", false);
            String ayse = TokensIT.create(somep, "ayse", "ayse-pass-123", "t");
            HttpResponse<String> before = ForumIT.as(somep, ayse, "POST", "/api/forum/forums/1/discussions",
                    "{\"title\":\"Kept by the backup\",\"message\":\"Written before the backup.\"}");
            assertEquals(201, before.statusCode(), before.body());
            long kept = ForumIT.id(before);
            Path note = settings.dataDir().resolve("files/forum/note.txt");
            Files.createDirectories(note.getParent());
            Files.writeString(note, "a file a plugin keeps");

            // only those with kernel:backup may take one
            assertEquals(403, ForumIT.as(somep, ayse, "POST", "/api/admin/backup", null).statusCode());
            HttpResponse<byte[]> backup = java.net.http.HttpClient.newHttpClient().send(somep.asAdmin("/api/admin/backup").POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, backup.statusCode(), new String(backup.body(), StandardCharsets.UTF_8));
            assertTrue(backup.headers().firstValue("Content-Disposition").orElse("").contains("somep-backup-"), backup.headers().toString());
            zip = Files.write(home.resolveSibling(home.getFileName() + "-backup.zip"), backup.body());
            String audit = ForumIT.as(somep, somep.adminToken(), "GET", "/api/audit?action=site/backup", null).body();
            assertTrue(audit.contains("\"action\":\"site/backup\"") && audit.contains("\"actor\":\"admin\""), "the backup is in the audit log: " + audit);
            if (!h2) dump = pgDump(db, home.resolveSibling(home.getFileName() + ".dump"));

            // changes after the backup: a discussion deleted, another written, a new user, the file gone
            assertEquals(204, ForumIT.as(somep, somep.adminToken(), "DELETE", "/api/forum/discussions/" + kept, null).statusCode());
            assertEquals(201, ForumIT.as(somep, ayse, "POST", "/api/forum/forums/1/discussions",
                    "{\"title\":\"Written after the backup\",\"message\":\"Lost by the restore.\"}").statusCode());
            somep.kernel().users().create("late", "late-pass-123", "Late", false);
            Files.delete(note);

            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new Restore(settings).from(zip));
            assertTrue(refused.getMessage().contains("SOMEP is running"), refused.getMessage());
        }
        Path damaged = Files.writeString(home.resolveSibling(home.getFileName() + "-notes.zip"), "not a backup");
        IllegalStateException notBackup = assertThrows(IllegalStateException.class, () -> new Restore(settings).from(damaged));
        assertTrue(notBackup.getMessage().contains("is not a SOMEP backup"), notBackup.getMessage());

        if (!h2) pgRestore(db, dump);
        Restore.Result restored = new Restore(settings).from(zip);
        assertEquals(h2 ? "h2" : "postgresql", restored.database());

        try (TestSomep again = TestSomep.builder().database(db).home(home).start()) {
            String ayse = TokensIT.create(again, "ayse", "ayse-pass-123", "after");
            String forum = ForumIT.as(again, ayse, "GET", "/api/forum/forums/1", null).body();
            assertTrue(forum.contains("Kept by the backup"), forum);
            assertFalse(forum.contains("Written after the backup"), forum);
            HttpResponse<String> page = again.get("/forum/1");
            assertTrue(page.body().contains("Kept by the backup"), "the forum page shows it again");
            HttpResponse<String> late = again.send(HttpRequest.newBuilder(again.uri("/api/tokens")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"late\",\"password\":\"late-pass-123\"}")).build());
            assertEquals(401, late.statusCode(), "the account made after the backup is gone: " + late.body());
            assertEquals("a file a plugin keeps", Files.readString(settings.dataDir().resolve("files/forum/note.txt")));
        }
    }

    private static final Pattern PG = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)");

    private static Path pgDump(TestDatabases.Db db, Path file) throws Exception {
        run(List.of("/usr/bin/pg_dump", "-Fc", "-f", file.toString()), db, null);
        return file;
    }

    private static void pgRestore(TestDatabases.Db db, Path file) throws Exception {
        run(List.of("/usr/bin/pg_restore", "--clean", "--if-exists", "--no-owner"), db, file);
    }

    /** Runs a PostgreSQL client with the connection taken from the test database's JDBC URL. */
    private static void run(List<String> command, TestDatabases.Db db, Path restoreFrom) throws Exception {
        Matcher m = PG.matcher(db.url());
        assertTrue(m.find(), db.url());
        List<String> cmd = new java.util.ArrayList<>(command);
        cmd.addAll(List.of("-h", m.group(1), "-p", m.group(2), "-U", db.user()));
        if (restoreFrom != null) cmd.addAll(List.of("-d", m.group(3), restoreFrom.toString()));
        else cmd.add(m.group(3));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", db.password());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd) + " did not end");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + out);
    }
}
