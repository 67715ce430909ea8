package eu.somep.core.plugin.catalog;

import java.util.List;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/**
 * A plugin of the catalog as the admin page and the REST API show it. {@code status} is one of
 * {@code available}, {@code installed}, {@code upgradable} (the catalog has a newer version),
 * {@code older} (the installed version is newer) and {@code incompatible} (its API range excludes this kernel's).
 */
public record CatalogEntry(String component, String name, String description, String version, String api,
                           List<String> requires, String status, String installedVersion) {

    static String component(Resource r) {
        for (Capability c : r.getCapabilities(PluginResolver.NAMESPACE)) {
            Object v = c.getAttributes().get(PluginResolver.NAMESPACE);
            if (v != null) return v.toString();
        }
        return null;
    }

    static Version version(IndexResource r) {
        Object v = r.attribute("osgi.identity", "version");
        return v instanceof Version ver ? ver : Version.parseVersion(v == null ? "0" : v.toString());
    }

    static String text(IndexResource r, String namespace, String attribute, String fallback) {
        Object v = r.attribute(namespace, attribute);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }
}
