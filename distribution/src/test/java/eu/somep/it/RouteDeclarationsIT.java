package eu.somep.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.testkit.SomepTest;
import eu.somep.testkit.TestPlugins;
import eu.somep.testkit.TestSomep;
import eu.somep.api.web.PublicAccess;
import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.RequiresCapability;
import eu.somep.core.routes.PluginApi;
import eu.somep.testplugins.hello.HelloResource;
import jakarta.ws.rs.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Every Jakarta REST resource method the kernel and the shipped plugins serve declares who may call it:
 * {@link RequiresCapability} or {@link PublicAccess}, on the method or on its class. The kernel closes an
 * undeclared route at run time (deny by default); this test finds such a route before anyone ships it.
 */
@SomepTest
class RouteDeclarationsIT {
    private static final String ROUTES_PACKAGE = "eu.somep.core.routes";
    private static TestSomep somep;

    @BeforeAll
    static void site(TestSomep s) {
        somep = s;
    }

    @TempDir
    Path jars;

    @Test
    void every_route_of_the_kernel_and_of_the_shipped_plugins_declares_who_may_call_it() throws Exception {
        Scan scan = new Scan();
        List<Class<?>> kernel = kernelResources();
        assertTrue(kernel.contains(PluginApi.class), "the kernel scan finds its own PluginApi: " + kernel);
        for (Class<?> c : kernel) scan.check(c);

        List<Bundle> bundles = new ArrayList<>(somep.kernel().plugins().bundles());
        assertFalse(bundles.isEmpty(), "the shipped plugins are installed");
        int pluginResources = 0;
        for (Bundle b : bundles) {
            List<Class<?>> resources = bundleResources(b); // a plugin may serve no routes at all
            pluginResources += resources.size();
            for (Class<?> c : resources) scan.check(c);
        }

        assertTrue(scan.checked.size() > 10, "the scan checked a reasonable number of routes, not an empty set: " + scan.checked);
        assertTrue(pluginResources > 0, "the scan reached the plugins' resources");
        for (String plugin : List.of("pages", "course", "forum", "bestpractice", "library", "glossary")) {
            assertTrue(scan.checked.stream().anyMatch(s -> s.startsWith("eu.somep." + plugin + ".")),
                    "the scan reached the " + plugin + " plugin's routes: " + scan.checked);
        }
        assertTrue(scan.undeclared.isEmpty(), "Routes that declare neither @RequiresCapability nor @PublicAccess (on the method or its class):\n  "
                + String.join("\n  ", scan.undeclared));
    }

    @Test
    void the_check_reports_a_route_that_declares_nothing() {
        Scan scan = new Scan();
        scan.check(HelloResource.class);
        assertEquals(List.of(HelloResource.class.getName() + ".undeclared() [GET hello/undeclared]"), scan.undeclared,
                "only the undeclared route is reported, and it is");
        assertTrue(scan.checked.contains(HelloResource.class.getName() + ".hello() [GET hello]"), scan.checked.toString());
        assertEquals(2, scan.checked.size(), scan.checked.toString());
    }

    @Test
    void the_bundle_scan_reports_an_undeclared_route_in_an_installed_plugin() throws Exception {
        PluginLifecycleIT.install(somep, TestPlugins.build(jars, "hello"));
        try {
            Bundle hello = somep.kernel().plugins().bundle("hello").orElseThrow();
            List<Class<?>> resources = bundleResources(hello);
            assertEquals(List.of(HelloResource.class.getName()), resources.stream().map(Class::getName).toList());
            assertTrue(resources.get(0).getClassLoader() != HelloResource.class.getClassLoader(),
                    "the class came from the bundle, not from the test class path");
            Scan scan = new Scan();
            for (Class<?> c : resources) scan.check(c);
            assertEquals(List.of(HelloResource.class.getName() + ".undeclared() [GET hello/undeclared]"), scan.undeclared);
        } finally {
            somep.adminDelete("/api/plugins/hello?purge=true");
        }
    }

    /** Every class of the package {@code eu.somep.core.routes}, from the jar or folder that holds {@link PluginApi}. */
    static List<Class<?>> kernelResources() throws Exception {
        URL where = PluginApi.class.getProtectionDomain().getCodeSource().getLocation();
        Path root = Path.of(where.toURI());
        String dir = ROUTES_PACKAGE.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (var s = Files.walk(root.resolve(dir))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".class")).toList()) {
                    names.add(root.relativize(p).toString().replace('\\', '/'));
                }
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                    String n = e.nextElement().getName();
                    if (n.startsWith(dir) && n.endsWith(".class")) names.add(n);
                }
            }
        }
        List<Class<?>> out = new ArrayList<>();
        for (String n : names) {
            String cls = className(n);
            if (cls == null) continue;
            Class<?> c = Class.forName(cls, false, PluginApi.class.getClassLoader());
            if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) out.add(c);
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        assertTrue(out.size() >= 5, "the kernel has its resource classes in " + root + ": " + out);
        return out;
    }

    /** Every class of the bundle annotated with {@code @Path}, loaded through the bundle. */
    static List<Class<?>> bundleResources(Bundle b) throws IOException {
        List<Class<?>> out = new ArrayList<>();
        List<String> unloadable = new ArrayList<>();
        Enumeration<URL> entries = b.findEntries("/", "*.class", true);
        for (URL u : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
            String cls = className(u.getPath());
            if (cls == null) continue;
            Class<?> c;
            try {
                c = b.loadClass(cls);
            } catch (ClassNotFoundException | LinkageError e) {
                // a class that cannot load cannot serve; but one that names @Path must not hide from the check
                if (mentionsPath(u)) unloadable.add(cls + ": " + e);
                continue;
            }
            if (c.isAnnotationPresent(jakarta.ws.rs.Path.class)) out.add(c);
        }
        assertTrue(unloadable.isEmpty(), "resource classes of " + b.getSymbolicName() + " that could not be loaded to check: " + unloadable);
        out.sort((x, y) -> x.getName().compareTo(y.getName()));
        return out;
    }

    private static boolean mentionsPath(URL u) throws IOException {
        try (InputStream in = u.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("Ljakarta/ws/rs/Path;");
        }
    }

    /** The class name of a class-file entry; null for module-info, package-info and versioned entries. */
    private static String className(String entry) {
        String n = entry.startsWith("/") ? entry.substring(1) : entry;
        if (n.startsWith("META-INF/") || n.startsWith("OSGI-INF/")) return null;
        n = n.substring(0, n.length() - ".class".length());
        if (n.endsWith("module-info") || n.endsWith("package-info")) return null;
        return n.replace('/', '.');
    }

    /** Checks resource classes the way the kernel's CapabilityFeature reads them: the method first, then its class. */
    static final class Scan {
        final List<String> checked = new ArrayList<>();
        final List<String> undeclared = new ArrayList<>();

        void check(Class<?> resource) {
            List<Method> methods = new ArrayList<>();
            for (Class<?> k = resource; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Method m : k.getDeclaredMethods()) {
                    if (m.isSynthetic() || m.isBridge()) continue;
                    if (methods.stream().anyMatch(o -> overrides(o, m))) continue; // the subclass's own wins
                    methods.add(m);
                }
            }
            methods.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (Method m : methods) {
                String verb = httpMethod(m);
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                if (verb == null && sub == null) continue; // not a resource method nor a locator
                String route = (verb == null ? "LOCATOR" : verb) + " " + path(resource, sub);
                String name = resource.getName() + "." + m.getName() + "("
                        + java.util.Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ") [" + route + "]";
                checked.add(name);
                boolean declared = m.isAnnotationPresent(RequiresCapability.class) || m.isAnnotationPresent(PublicAccess.class)
                        || m.isAnnotationPresent(ContextCapability.class)
                        || resource.isAnnotationPresent(RequiresCapability.class) || resource.isAnnotationPresent(PublicAccess.class)
                        || resource.isAnnotationPresent(ContextCapability.class);
                if (!declared) undeclared.add(name);
            }
        }

        private static boolean overrides(Method sub, Method sup) {
            return sub.getName().equals(sup.getName()) && java.util.Arrays.equals(sub.getParameterTypes(), sup.getParameterTypes());
        }

        /** GET, POST, ... or any annotation meta-annotated with {@link HttpMethod}; null if none. */
        private static String httpMethod(Method m) {
            for (Annotation a : m.getAnnotations()) {
                HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
                if (h != null) return h.value();
            }
            return null;
        }

        private static String path(Class<?> resource, jakarta.ws.rs.Path sub) {
            String base = strip(resource.getAnnotation(jakarta.ws.rs.Path.class).value());
            if (sub == null) return base;
            String s = strip(sub.value());
            return base.isEmpty() ? s : base + "/" + s;
        }

        private static String strip(String p) {
            String s = p;
            while (s.startsWith("/")) s = s.substring(1);
            while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
            return s;
        }
    }
}
