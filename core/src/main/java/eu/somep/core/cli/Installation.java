package eu.somep.core.cli;

import eu.somep.core.config.Settings;
import eu.somep.core.plugin.PluginDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/** The plugin jars of a stopped installation: those shipped in {@code plugins/} and those dropped into {@code deploy/}. */
final class Installation {
    /** A plugin jar and what its manifest says. */
    record Jar(Path path, PluginDescriptor descriptor, boolean deployed) {
    }

    private final Settings settings;

    Installation(Settings settings) {
        this.settings = settings;
    }

    /** Every plugin jar by component; a jar in {@code deploy/} wins over a shipped one, as at start. */
    Map<String, Jar> jars() throws IOException {
        Map<String, Jar> out = new LinkedHashMap<>();
        for (Jar j : scan(settings.pluginsDir(), false)) out.put(j.descriptor().component(), j);
        for (Jar j : scan(settings.deployDir(), true)) out.put(j.descriptor().component(), j);
        return out;
    }

    /** The jars in {@code deploy/} that hold this component (normally one). */
    List<Path> deployed(String component) throws IOException {
        return scan(settings.deployDir(), true).stream().filter(j -> component.equals(j.descriptor().component())).map(Jar::path).toList();
    }

    static PluginDescriptor read(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            if (f.getManifest() == null) throw new IOException(jar.getFileName() + " has no manifest: it is not a SOMEP plugin.");
            return PluginDescriptor.of(f.getManifest());
        }
    }

    private static List<Jar> scan(Path dir, boolean deployed) throws IOException {
        List<Jar> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                try {
                    PluginDescriptor d = read(p);
                    if (PluginDescriptor.validName(d.component())) out.add(new Jar(p, d, deployed));
                } catch (IOException e) {
                    // not a plugin jar: the kernel ignores it too
                }
            }
        }
        return out;
    }
}
