package eu.somep.testkit;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import eu.somep.api.web.View;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Builds plugin bundles for tests from the classes under {@code eu.somep.testplugins.<name>} (on the test's class
 * path), with bnd, the same way the real plugins are built: DS annotations processed, imports versioned. This is
 * how a test registers a plugin that exists only for it.
 */
public final class TestPlugins {
    private TestPlugins() {
    }

    public static Path build(Path dir, String component, String version, Map<String, String> headers) throws Exception {
        try (Builder b = new Builder()) {
            b.setProperty("Bundle-SymbolicName", "eu.somep.test." + component);
            b.setProperty("Bundle-Version", version);
            b.setProperty("Bundle-Name", "Test plugin " + component);
            b.setProperty("SOMEP-Component", component);
            b.setProperty("SOMEP-Api", "[1.0,2)");
            b.setProperty("Private-Package", "eu.somep.testplugins." + component);
            b.setProperty("-dsannotations", "*");
            b.setProperty("-noimportjava", "true");
            headers.forEach(b::setProperty);
            b.addClasspath(rootOf("eu/somep/testplugins/" + component));
            b.addClasspath(jarOf(View.class));
            b.addClasspath(jarOf(jakarta.ws.rs.Path.class));
            b.addClasspath(jarOf(org.osgi.service.component.annotations.Component.class));
            // The shipped plugins' jars (not on the test class path), so a test plugin can import what they export,
            // such as the course plugin's eu.somep.course.spi, with versions.
            Path shipped = PluginJars.dist().resolve("plugins");
            if (Files.isDirectory(shipped)) {
                try (var s = Files.list(shipped)) {
                    for (Path p : s.filter(x -> x.toString().endsWith(".jar")).sorted().toList()) b.addClasspath(p.toFile());
                }
            }
            Jar jar = b.build();
            if (!b.getErrors().isEmpty()) throw new IllegalStateException("bnd: " + b.getErrors());
            Files.createDirectories(dir);
            Path out = dir.resolve(component + "-" + version + ".jar");
            jar.write(out.toFile());
            return out;
        }
    }

    public static Path build(Path dir, String component) throws Exception {
        return build(dir, component, "1.0.0", Map.of());
    }

    /** The class-path folder or jar that holds the resource (the test classes' folder for a test plugin). */
    private static File rootOf(String resource) throws URISyntaxException {
        java.net.URL url = Thread.currentThread().getContextClassLoader().getResource(resource);
        if (url == null) throw new IllegalStateException("No classes under " + resource + " on the class path");
        String u = url.toString();
        if (u.startsWith("jar:")) return new File(java.net.URI.create(u.substring(4, u.indexOf("!/"))));
        File f = new File(url.toURI());
        for (int i = resource.split("/").length; i > 0; i--) f = f.getParentFile();
        return f;
    }

    private static File jarOf(Class<?> c) throws URISyntaxException {
        return new File(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
