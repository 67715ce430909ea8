package eu.somep.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Finds a plugin's bundle by its component name ({@code SOMEP-Component}). Looked at, in this order:
 * <ol>
 *   <li>the jars and folders of the system property {@code somep.testkit.plugins} (separated by the path separator);</li>
 *   <li>{@code target/} of the module under test: a plugin's own jar, when its tests run after {@code package}
 *       (as failsafe's {@code *IT} do);</li>
 *   <li>{@code plugins/} of the built distribution (system property {@code somep.dist}, default {@code target/somep});</li>
 *   <li>{@code ../*}{@code /target/}: the other plugins of the same reactor build, e.g. {@code plugins/forum/target}.</li>
 * </ol>
 */
public final class PluginJars {
    private PluginJars() {
    }

    public static Path dist() {
        return Path.of(System.getProperty("somep.dist", "target/somep"));
    }

    public static Path find(String component) throws IOException {
        for (Path candidate : candidates()) {
            if (component.equals(componentOf(candidate))) return candidate;
        }
        throw new IllegalStateException("No bundle with SOMEP-Component: " + component + " among " + candidates()
                + " (build it first, or name it in -Dsomep.testkit.plugins)");
    }

    static List<Path> candidates() throws IOException {
        List<Path> out = new ArrayList<>();
        String extra = System.getProperty("somep.testkit.plugins", "");
        for (String s : extra.split(File.pathSeparator)) {
            if (!s.isBlank()) jars(Path.of(s), out);
        }
        jars(Path.of("target"), out);
        jars(dist().resolve("plugins"), out);
        Path parent = Path.of("").toAbsolutePath().getParent();
        if (parent != null) {
            try (var siblings = Files.list(parent)) {
                for (Path s : siblings.sorted().toList()) jars(s.resolve("target"), out);
            }
        }
        return out;
    }

    private static void jars(Path p, List<Path> out) throws IOException {
        if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) {
            out.add(p);
        } else if (Files.isDirectory(p)) {
            try (var s = Files.list(p)) {
                // newest first: a rebuilt jar wins over a stale one of another version
                s.filter(f -> f.toString().endsWith(".jar")).sorted(Comparator.comparing(PluginJars::modified).reversed()).forEach(out::add);
            }
        }
    }

    /** The component a jar declares, or null when it is not a plugin. */
    public static String componentOf(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("SOMEP-Component");
        } catch (IOException e) {
            return null;
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
