package eu.somep.core.dev;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.logging.Logger;

/**
 * The development loop ({@code somep.dev.watch}): watches plugin jars in build folders (such as
 * {@code plugins/glossary/target}) and copies each rebuilt one into the deploy folder, where the kernel updates
 * the plugin as for any deployed jar. A jar is copied once it has been the same size and age for one check (so a
 * jar still being written is never taken), opens as a jar, and declares {@code SOMEP-Component}. Jars already
 * there when SOMEP starts are copied too, so the running site serves what was last built.
 */
public final class DevWatch implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DevWatch.class.getName());
    private final List<Path> watched;
    private final Path deployDir;
    private final Map<Path, Stamp> seen = new HashMap<>();
    private final Map<Path, Stamp> deployed = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "somep-dev-watch");
        t.setDaemon(true);
        return t;
    });

    private record Stamp(long modified, long size) { }

    private DevWatch(List<Path> watched, Path deployDir) {
        this.watched = watched;
        this.deployDir = deployDir;
    }

    /**
     * Starts watching the paths, separated by the path separator ({@code :} on Linux) or commas: jar files, or
     * folders whose {@code *.jar} are watched. Null or blank: no watching (the default, as in production).
     */
    public static DevWatch start(String paths, Path deployDir, long intervalMs) {
        if (paths == null || paths.isBlank()) return null;
        List<Path> list = new ArrayList<>();
        for (String p : paths.split("[" + File.pathSeparator + ",]")) {
            if (!p.isBlank()) list.add(Path.of(p.strip()).toAbsolutePath().normalize());
        }
        DevWatch w = new DevWatch(List.copyOf(list), deployDir);
        LOG.info("Development loop: watching " + list + " for rebuilt plugins");
        w.timer.scheduleWithFixedDelay(w::check, 0, intervalMs, TimeUnit.MILLISECONDS);
        return w;
    }

    private void check() {
        try {
            for (Path jar : jars()) {
                Stamp now = stamp(jar);
                if (now == null) continue;
                Stamp before = seen.put(jar, now);
                if (now.equals(before) && !now.equals(deployed.get(jar))) {
                    deployed.put(jar, now);
                    copy(jar);
                }
            }
        } catch (RuntimeException e) {
            LOG.warning("Development loop: " + e); // keep watching: the next build may be fine
        }
    }

    private List<Path> jars() {
        List<Path> out = new ArrayList<>();
        for (Path p : watched) {
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().endsWith(".jar")).forEach(out::add);
                } catch (IOException e) {
                    // the folder went away (mvn clean): it comes back with the next build
                }
            } else if (p.getFileName().toString().endsWith(".jar")) {
                out.add(p);
            }
        }
        return out;
    }

    private static Stamp stamp(Path jar) {
        try {
            BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toMillis(), a.size());
        } catch (IOException e) {
            return null;
        }
    }

    private void copy(Path jar) {
        String component = componentOf(jar);
        if (component == null) return; // not a plugin (or not complete yet: it is taken when its stamp changes again)
        try {
            Path tmp = deployDir.resolve("dev-" + component + ".jar.part");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, deployDir.resolve("dev-" + component + ".jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Development loop: deployed " + jar + " as " + component);
        } catch (IOException e) {
            LOG.warning("Development loop: cannot copy " + jar + " to " + deployDir + ": " + e.getMessage());
        }
    }

    private static String componentOf(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("SOMEP-Component");
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
