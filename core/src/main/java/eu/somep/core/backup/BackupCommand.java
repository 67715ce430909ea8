package eu.somep.core.backup;

import eu.somep.core.config.Settings;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java eu.somep.core.backup.BackupCommand backup FILE | restore FILE}: what {@code bin/somep backup} (while
 * SOMEP is stopped) and {@code bin/somep restore} run, with the same settings as SOMEP itself. Exit code 1 and one
 * line on standard error when it is refused.
 */
public final class BackupCommand {
    private BackupCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("backup") || args[0].equals("restore"))) {
            System.err.println("usage: backup FILE | restore FILE");
            System.exit(2);
        }
        Map<String, String> overrides = new HashMap<>();
        for (String key : new String[] {Settings.HOME, Settings.DIST}) {
            String v = System.getProperty(key);
            if (v != null) overrides.put(key, v);
        }
        Settings settings = Settings.load(overrides, System.getenv());
        Path file = Path.of(args[1]).toAbsolutePath();
        try {
            if (args[0].equals("backup")) {
                Path tmp = file.resolveSibling(file.getFileName() + ".part");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    new Backup(settings).writeOffline(out);
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                System.out.println("Wrote the backup " + file + (new Backup(settings).isH2() ? "."
                        : " (files and plugins only: back up the PostgreSQL database with pg_dump, see docs/operations.md)."));
            } else {
                if (!Files.isRegularFile(file)) throw new IllegalStateException("There is no backup file " + file + ".");
                Restore.Result r = new Restore(settings).from(file);
                System.out.println("Restored " + file + ": the " + ("h2".equals(r.database()) ? "H2 database and " : "") + r.files()
                        + " file(s) in data/files, data/disabled and deploy/." + ("h2".equals(r.database()) ? ""
                        : " Restore the PostgreSQL database with pg_restore (docs/operations.md)."));
            }
        } catch (Exception e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
