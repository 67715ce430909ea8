package eu.somep.core.backup;

import eu.somep.core.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/**
 * Writes a SOMEP backup archive (a zip): {@code somep-backup.properties}, the H2 database as {@code database/<name>.mv.db}
 * (taken with H2's {@code BACKUP TO}, which is consistent while SOMEP runs), and the data that lives beside the
 * database: {@code data/files/}, {@code data/disabled/} and {@code deploy/}. A PostgreSQL database is not in the
 * archive: {@code pg_dump} is the tool for it (docs/operations.md).
 */
public final class Backup {
    static final String MANIFEST = "somep-backup.properties";
    /** The folders under the data folder that belong to the site's content or state; the rest is rebuilt at start. */
    static final List<String> DATA_FOLDERS = List.of("files", "disabled");

    private final Settings settings;

    public Backup(Settings settings) {
        this.settings = settings;
    }

    public boolean isH2() {
        return settings.dbUrl().startsWith("jdbc:h2:");
    }

    /** Online: through the running pool. */
    public void write(DataSource ds, OutputStream out) throws IOException {
        try (Connection c = ds.getConnection()) {
            write(c, out);
        } catch (SQLException e) {
            throw new IllegalStateException("The database did not answer: " + e.getMessage(), e);
        }
    }

    /** Online, into a temporary file in the data folder, so a failure is an error answer rather than a cut-off zip. */
    public Path writeTemp(DataSource ds) throws IOException {
        Path tmp = Files.createTempFile(settings.dataDir(), "backup-", ".zip.part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            write(ds, out);
            return tmp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Offline: opens the database itself, so it fails clearly when a running SOMEP holds the H2 file. */
    public void writeOffline(OutputStream out) throws IOException {
        if (!isH2()) {
            write((Connection) null, out);
            return;
        }
        String user = settings.get(Settings.DB_USER, "sa");
        try (Connection c = DriverManager.getConnection(H2Files.openExisting(settings.dbUrl()), user, settings.get(Settings.DB_PASSWORD, ""))) {
            write(c, out);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open the H2 database (" + settings.dbUrl() + "): " + e.getMessage(), e);
        }
    }

    private void write(Connection c, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Properties manifest = new Properties();
        manifest.setProperty("format", "1");
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("database", isH2() ? "h2" : "postgresql");
        zip.putNextEntry(new ZipEntry(MANIFEST));
        manifest.store(zip, "SOMEP backup");
        zip.closeEntry();
        if (isH2() && c != null) copyH2(c, zip);
        for (String folder : DATA_FOLDERS) addTree(zip, settings.dataDir().resolve(folder), "data/" + folder + "/");
        addTree(zip, settings.deployDir(), "deploy/");
        zip.finish();
    }

    /** H2 writes its backup zip into a temporary file; its one entry (the .mv.db) goes into our archive. */
    private void copyH2(Connection c, ZipOutputStream zip) throws IOException {
        Path tmp = Files.createTempFile(settings.dataDir(), "backup-", ".zip");
        try {
            Files.delete(tmp); // H2 refuses nothing, but writes a fresh file
            try (PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, tmp.toString());
                ps.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("H2 could not write its backup: " + e.getMessage(), e);
            }
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(tmp))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (!e.getName().endsWith(".mv.db")) continue;
                    zip.putNextEntry(new ZipEntry("database/" + Path.of(e.getName()).getFileName()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void addTree(ZipOutputStream zip, Path root, String prefix) throws IOException {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                if (p.getFileName().toString().endsWith(".part")) continue; // a jar still being written
                zip.putNextEntry(new ZipEntry(prefix + root.relativize(p).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(p)) {
                    in.transferTo(zip);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read " + p + ": " + e.getMessage(), e);
                }
                zip.closeEntry();
            }
        }
    }
}
