package eu.somep.core.osgi;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Manifest;

/**
 * The packages the system bundle exports to plugins: SOMEP's API, the Jakarta and OSGi APIs plugins use, and Jackson.
 * Versions come from each jar's own {@code Export-Package} header, so plugin import ranges computed by bnd
 * at build time always match what runs.
 */
public final class HostExports {
    /** One class of each host jar whose packages plugins may import. */
    static final List<String> MARKERS = List.of(
            "eu/somep/api/web/View.class",
            "jakarta/ws/rs/Path.class",
            "jakarta/persistence/Entity.class",
            "jakarta/inject/Inject.class",
            "jakarta/annotation/PostConstruct.class",
            "org/osgi/service/component/ComponentConstants.class",
            "org/osgi/util/promise/Promise.class",
            "org/osgi/util/function/Function.class",
            "org/osgi/service/log/LogService.class",
            // JSON for plugins (course archives, imports): the same Jackson Jersey uses for the REST API
            "com/fasterxml/jackson/databind/ObjectMapper.class",
            "com/fasterxml/jackson/core/JsonParser.class",
            "com/fasterxml/jackson/annotation/JsonProperty.class");

    private HostExports() {
    }

    public static String compute() {
        Set<String> exports = new LinkedHashSet<>();
        for (String marker : MARKERS) {
            Manifest mf = manifestOf(marker);
            if (mf == null) continue;
            String header = mf.getMainAttributes().getValue("Export-Package");
            if (header != null) exports.addAll(simplify(header));
        }
        return String.join(",", exports);
    }

    /** Reduces an Export-Package header to {@code pkg;version="x"} clauses (uses: constraints are for bundles, not the host). */
    static List<String> simplify(String header) {
        List<String> out = new ArrayList<>();
        for (String clause : splitOutsideQuotes(header, ',')) {
            List<String> parts = splitOutsideQuotes(clause, ';');
            String version = null;
            List<String> names = new ArrayList<>();
            for (String p : parts) {
                String t = p.trim();
                if (t.startsWith("version=")) version = t.substring("version=".length()).replace("\"", "");
                else if (!t.contains("=")) names.add(t);
            }
            for (String n : names) out.add(version == null ? n : n + ";version=\"" + version + "\"");
        }
        return out;
    }

    static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : s.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** The manifest of the jar (or class folder, in a build) that holds the resource, or null if absent. */
    static Manifest manifestOf(String resource) {
        URL url = HostExports.class.getClassLoader().getResource(resource);
        if (url == null) return null;
        try {
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                return c.getJarFile().getManifest();
            }
            if ("file".equals(url.getProtocol())) {
                Path classes = Path.of(url.toURI());
                for (int i = 0; i < resource.split("/").length; i++) classes = classes.getParent();
                Path mf = classes.resolve("META-INF/MANIFEST.MF");
                if (Files.isRegularFile(mf)) {
                    try (InputStream in = Files.newInputStream(mf)) {
                        return new Manifest(in);
                    }
                }
            }
            return null;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot read the manifest next to " + resource, e);
        }
    }

    /** The jar file that holds the resource, for installing infrastructure bundles from the class path. */
    public static Path jarOf(String resource) {
        URL url = HostExports.class.getClassLoader().getResource(resource);
        if (url == null || !"jar".equals(url.getProtocol())) return null;
        try {
            String file = url.getPath();
            return Path.of(new URL(file.substring(0, file.indexOf("!/"))).toURI());
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the jar of " + resource, e);
        }
    }
}
