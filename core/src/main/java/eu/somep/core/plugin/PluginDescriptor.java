package eu.somep.core.plugin;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * What a plugin says about itself in its manifest:
 * {@code SOMEP-Component} (its name, which prefixes its routes, tables, capabilities and messages),
 * {@code SOMEP-Api} (the API version range it needs), {@code SOMEP-Requires} (other plugins it needs),
 * {@code SOMEP-Entities} (its JPA entities), and the usual Bundle-Name, Bundle-Description and Bundle-Version.
 */
public record PluginDescriptor(String component, String symbolicName, String version, String name,
                               String description, String apiRange, List<String> requires, List<String> entities) {

    public static final String COMPONENT = "SOMEP-Component";
    /** The API version this kernel implements; plugins state the range they accept. */
    public static final Version API_VERSION = new Version(1, 4, 0);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]{1,31}");
    /** First path segments the kernel uses itself. */
    static final Set<String> RESERVED = Set.of("api", "admin", "static", "health", "login", "logout", "kernel", "plugins", "tokens", "lang");

    public static boolean isPlugin(Bundle b) {
        return b.getHeaders("").get(COMPONENT) != null;
    }

    public static PluginDescriptor of(Bundle b) {
        Dictionary<String, String> h = b.getHeaders("");
        return parse(h::get);
    }

    public static PluginDescriptor of(Manifest mf) {
        Attributes a = mf.getMainAttributes();
        return parse(a::getValue);
    }

    private static PluginDescriptor parse(Function<String, String> header) {
        String component = trim(header.apply(COMPONENT));
        String bsn = trim(header.apply("Bundle-SymbolicName"));
        if (bsn != null && bsn.contains(";")) bsn = bsn.substring(0, bsn.indexOf(';')).trim();
        String name = trim(header.apply("Bundle-Name"));
        return new PluginDescriptor(component, bsn, orElse(trim(header.apply("Bundle-Version")), "0.0.0"),
                orElse(name, component), orElse(trim(header.apply("Bundle-Description")), ""),
                trim(header.apply("SOMEP-Api")), list(header.apply("SOMEP-Requires")), list(header.apply("SOMEP-Entities")));
    }

    /** Whether the name can be a component name at all (a bundle without one is not a plugin). */
    public static boolean validName(String c) {
        return c != null && NAME.matcher(c).matches() && !RESERVED.contains(c);
    }

    /** Why this plugin cannot be installed on this kernel, or null when its manifest is fine. */
    public String manifestProblem() {
        if (component == null) return "The jar is not a SOMEP plugin: its manifest has no SOMEP-Component header.";
        if (!NAME.matcher(component).matches())
            return "The component name '" + component + "' is not valid: use 2 to 32 lower-case letters and digits, starting with a letter.";
        if (RESERVED.contains(component)) return "The component name '" + component + "' is reserved by the kernel.";
        if (symbolicName == null) return "The jar has no Bundle-SymbolicName: it is not an OSGi bundle.";
        if (apiRange == null) return "Plugin '" + component + "' does not say which SOMEP API it needs (SOMEP-Api header).";
        try {
            if (!new VersionRange(apiRange).includes(API_VERSION))
                return "Plugin '" + component + "' needs SOMEP API " + apiRange + ", but this SOMEP provides API " + API_VERSION + ".";
        } catch (IllegalArgumentException e) {
            return "Plugin '" + component + "' has an invalid SOMEP-Api range '" + apiRange + "'.";
        }
        return null;
    }

    private static List<String> list(String v) {
        if (v == null || v.isBlank()) return List.of();
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String orElse(String s, String fallback) {
        return s == null ? fallback : s;
    }
}
