package eu.somep.core.backup;

import eu.somep.core.config.Settings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Puts a backup archive ({@link Backup}) back, only while SOMEP is stopped. The archive is checked and unpacked
 * aside first; only then are the database file, {@code data/files/}, {@code data/disabled/} and {@code deploy/}
 * replaced, so a damaged archive changes nothing.
 */
public final class Restore {
    private final Settings settings;

    public Restore(Settings settings) {
        this.settings = settings;
    }

    /** What was restored, for the operator. */
    public record Result(String database, int files) {
    }

    public Result from(Path archive) throws IOException {
        refuseWhileRunning();
        Path data = settings.dataDir();
        Files.createDirectories(data);
        Path staging = Files.createTempDirectory(data, "restore-");
        try {
            Properties manifest = unpack(archive, staging);
            String database = manifest.getProperty("database", "");
            boolean h2 = new Backup(settings).isH2();
            if ("h2".equals(database) != h2)
                throw new IllegalStateException("This backup holds a " + ("h2".equals(database) ? "H2" : "PostgreSQL")
                        + " site, but this SOMEP is configured for " + (h2 ? "H2" : "PostgreSQL") + " (somep.db.url); nothing was changed.");
            if (h2) {
                Path db = firstFile(staging.resolve("database"));
                if (db == null) throw new IllegalStateException("The backup has no database file; nothing was changed.");
                Path target = H2Files.mvFile(settings.dbUrl());
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(H2Files.base(settings.dbUrl()).resolveSibling(H2Files.base(settings.dbUrl()).getFileName() + ".trace.db"));
                Files.move(db, target, StandardCopyOption.REPLACE_EXISTING);
            }
            int files = 0;
            for (String folder : Backup.DATA_FOLDERS) files += replace(staging.resolve("data").resolve(folder), data.resolve(folder));
            files += replace(staging.resolve("deploy"), settings.deployDir());
            return new Result(database, files);
        } finally {
            deleteTree(staging);
        }
    }

    /** A running SOMEP holds a lock on its H2 file, keeps data/cli-token, and writes data/somep.pid when started by bin/somep. */
    private void refuseWhileRunning() throws IOException {
        Path pid = settings.dataDir().resolve("somep.pid");
        if (Files.isRegularFile(pid)) {
            try {
                long id = Long.parseLong(Files.readString(pid).strip());
                if (ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false)) throw running();
            } catch (NumberFormatException ignored) {
                // a damaged pid file says nothing
            }
        }
        // SOMEP writes cli-token at start and deletes it at stop: with PostgreSQL it is the sign that a SOMEP runs here
        if (Files.exists(settings.dataDir().resolve("cli-token")))
            throw new IllegalStateException("SOMEP is running (" + settings.dataDir().resolve("cli-token")
                    + " exists): stop it first (bin/somep stop), then restore. If SOMEP crashed, delete that file. Nothing was changed.");
        if (!new Backup(settings).isH2()) return;
        Path db = H2Files.mvFile(settings.dbUrl());
        if (!Files.exists(db)) return;
        try (FileChannel ch = FileChannel.open(db, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) throw running();
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw running();
        }
    }

    private static IllegalStateException running() {
        return new IllegalStateException("SOMEP is running: stop it first (bin/somep stop), then restore. Nothing was changed.");
    }

    /** Unpacks into the staging folder, refusing names that would land outside it, and returns the manifest. */
    private static Properties unpack(Path archive, Path staging) throws IOException {
        Properties manifest = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.isDirectory()) continue;
                if (Backup.MANIFEST.equals(e.getName())) {
                    manifest = new Properties();
                    manifest.load(in);
                    continue;
                }
                Path target = staging.resolve(e.getName()).normalize();
                boolean known = Stream.of("database", "data/files", "data/disabled", "deploy").anyMatch(p -> target.startsWith(staging.resolve(p)));
                if (!known) throw new IllegalStateException("The backup holds an unexpected entry '" + e.getName() + "'; nothing was changed.");
                Files.createDirectories(target.getParent());
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalStateException(archive + " is not a SOMEP backup (" + e.getMessage() + "); nothing was changed.", e);
        }
        if (manifest == null) throw new IllegalStateException(archive + " is not a SOMEP backup (no " + Backup.MANIFEST + "); nothing was changed.");
        return manifest;
    }

    private static Path firstFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return null;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".mv.db")).findFirst().orElse(null);
        }
    }

    /** Empties the target and moves the staged tree into it; returns how many files it now holds. */
    private static int replace(Path staged, Path target) throws IOException {
        deleteTree(target);
        Files.createDirectories(target);
        if (!Files.isDirectory(staged)) return 0;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(staged)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(staged.relativize(p).toString());
                Files.createDirectories(to.getParent());
                Files.move(p, to, StandardCopyOption.REPLACE_EXISTING);
                files.add(to);
            }
        }
        return files.size();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
