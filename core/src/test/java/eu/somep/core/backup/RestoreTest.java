package eu.somep.core.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.core.config.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore refuses archives it should not trust, and then leaves the site's files exactly as they were. */
class RestoreTest {
    @TempDir
    Path home;

    private Settings settings(String dbUrl) {
        return dbUrl == null ? Settings.load(Map.of(Settings.HOME, home.toString()), Map.of())
                : Settings.load(Map.of(Settings.HOME, home.toString(), Settings.DB_URL, dbUrl), Map.of());
    }

    private Path archive(String database, String entry, String content) throws IOException {
        Path zip = home.resolve("backup.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(Backup.MANIFEST));
            z.write(("format=1\ndatabase=" + database + "\n").getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
            z.putNextEntry(new ZipEntry(entry));
            z.write(content.getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return zip;
    }

    @Test
    void an_entry_that_would_land_outside_the_site_is_refused_and_nothing_changes() throws IOException {
        Path kept = Files.createDirectories(home.resolve("data/files/forum")).resolve("kept.txt");
        Files.writeString(kept, "mine");
        Path zip = archive("h2", "data/files/../../../escaped.txt", "evil");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Restore(settings(null)).from(zip));
        assertTrue(e.getMessage().contains("unexpected entry"), e.getMessage());
        assertFalse(Files.exists(home.getParent().resolve("escaped.txt")));
        assertFalse(Files.exists(home.resolve("escaped.txt")));
        assertEquals("mine", Files.readString(kept));
    }

    @Test
    void a_backup_of_the_other_database_kind_is_refused() throws IOException {
        Path zip = archive("postgresql", "data/files/forum/a.txt", "a");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Restore(settings(null)).from(zip));
        assertTrue(e.getMessage().contains("PostgreSQL site") && e.getMessage().contains("nothing was changed"), e.getMessage());
    }

    @Test
    void a_postgresql_site_gets_its_folders_back() throws IOException {
        Files.createDirectories(home.resolve("deploy"));
        Files.writeString(home.resolve("deploy/old.jar"), "old");
        Path zip = archive("postgresql", "data/files/forum/a.txt", "a");
        Restore.Result r = new Restore(settings("jdbc:postgresql://localhost/somep")).from(zip);
        assertEquals("postgresql", r.database());
        assertEquals("a", Files.readString(home.resolve("data/files/forum/a.txt")));
        assertFalse(Files.exists(home.resolve("deploy/old.jar")), "deploy/ is what the backup held");
    }
}
