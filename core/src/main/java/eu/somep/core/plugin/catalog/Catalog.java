package eu.somep.core.plugin.catalog;

import eu.somep.core.plugin.PluginDescriptor;
import eu.somep.core.plugin.PluginInfo;
import eu.somep.core.plugin.PluginManager;
import eu.somep.core.plugin.PluginRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/**
 * The plugin catalog: a folder of plugin jars with an OSGi repository index ({@code index.xml}, made by bnd's
 * indexer at build time). Lists what it offers, plans an install with the OSGi resolver and installs the
 * plan through the plugin manager, dependencies first. The index is read on every call, so a folder
 * changed by an administrator shows at once.
 */
public final class Catalog {
    private static final Logger LOG = Logger.getLogger(Catalog.class.getName());
    private final Path dir;
    private final PluginManager plugins;
    private final PluginResolver resolver;

    public Catalog(Path dir, BundleContext context, PluginManager plugins) {
        this.dir = dir;
        this.plugins = plugins;
        this.resolver = new PluginResolver(context);
    }

    public Path dir() {
        return dir;
    }

    /** The newest version of each plugin in the catalog, by component name. */
    public List<CatalogEntry> entries() {
        Map<String, String> installed = installedVersions();
        List<CatalogEntry> out = new ArrayList<>();
        for (IndexResource r : newest().values()) {
            String c = CatalogEntry.component(r);
            String api = CatalogEntry.text(r, PluginResolver.NAMESPACE, "api", "");
            out.add(new CatalogEntry(c, CatalogEntry.text(r, PluginResolver.NAMESPACE, "name", c),
                    CatalogEntry.text(r, "osgi.identity", "description", ""), CatalogEntry.version(r).toString(), api,
                    PluginResolver.requiredPlugins(r), status(r, api, installed.get(c)), installed.get(c)));
        }
        out.sort(Comparator.comparing(CatalogEntry::component));
        return out;
    }

    private static String status(IndexResource r, String api, String installed) {
        if (installed != null) {
            int cmp = CatalogEntry.version(r).compareTo(Version.parseVersion(installed));
            if (cmp == 0) return "installed";
            if (cmp < 0) return "older";
        }
        if (!accepts(api, PluginDescriptor.API_VERSION)) return "incompatible";
        return installed == null ? "available" : "upgradable";
    }

    /** Resolves the plugin against the installed bundles and the catalog: what would be installed, in order. */
    public CatalogPlan plan(String component) {
        Map<String, IndexResource> all = newest();
        IndexResource target = all.get(component);
        if (target == null) throw new PluginRefusal(404, "The catalog has no plugin named '" + component + "'.");
        Map<String, String> installed = installedVersions();
        String api = CatalogEntry.text(target, PluginResolver.NAMESPACE, "api", "");
        String status = status(target, api, installed.get(component));
        if (status.equals("installed")) throw new PluginRefusal(409, "Plugin '" + component + "' version " + installed.get(component) + " is already installed.");
        if (status.equals("older"))
            throw new PluginRefusal(409, "Plugin '" + component + "' cannot be downgraded from version " + installed.get(component) + " to "
                    + CatalogEntry.version(target) + ".");
        if (status.equals("incompatible"))
            throw new PluginRefusal(422, "Plugin '" + component + "' needs SOMEP API " + api + ", but this SOMEP provides API " + PluginDescriptor.API_VERSION + ".");
        List<CatalogPlan.Step> steps = new ArrayList<>();
        for (IndexResource r : resolver.plan(target, List.copyOf(all.values()), installed.keySet())) {
            String c = CatalogEntry.component(r);
            steps.add(new CatalogPlan.Step(c, CatalogEntry.text(r, PluginResolver.NAMESPACE, "name", c), CatalogEntry.version(r).toString(), installed.containsKey(c)));
        }
        return new CatalogPlan(component, CatalogEntry.version(target).toString(), steps);
    }

    /** Plans again (the installation may have changed since the administrator saw the plan) and installs it. */
    public List<PluginInfo> install(String component) {
        CatalogPlan plan = plan(component);
        Map<String, IndexResource> all = newest();
        List<PluginInfo> done = new ArrayList<>();
        for (CatalogPlan.Step s : plan.install()) {
            Path jar = file(all.get(s.component()));
            try (InputStream in = Files.newInputStream(jar)) {
                done.add(plugins.install(in));
            } catch (IOException e) {
                throw new PluginRefusal(422, "Plugin '" + s.component() + "' could not be read from the catalog: " + e.getMessage());
            } catch (PluginRefusal e) {
                if (done.isEmpty()) throw e;
                throw new PluginRefusal(e.status(), e.getMessage() + " Installed before it: "
                        + String.join(", ", done.stream().map(PluginInfo::component).toList()) + ".");
            }
        }
        return done;
    }

    /** Every installed plugin against an API version an administrator considers upgrading the kernel to. */
    public Compatibility compatibility(String apiVersion) {
        Version v;
        try {
            v = Version.parseVersion(apiVersion == null ? "" : apiVersion.trim());
        } catch (IllegalArgumentException e) {
            throw new PluginRefusal(400, "'" + apiVersion + "' is not a version; give one such as 2.0.0.");
        }
        if (apiVersion == null || apiVersion.isBlank()) throw new PluginRefusal(400, "Give the API version to check against, such as 2.0.0.");
        List<Compatibility.Row> rows = new ArrayList<>();
        int bad = 0;
        for (PluginInfo p : plugins.list()) {
            if (p.state().equals("uninstalled")) continue;
            Optional<Bundle> b = plugins.bundle(p.component());
            String range = b.map(x -> PluginDescriptor.of(x).apiRange()).orElse(null);
            boolean ok = range != null && accepts(range, v);
            String reason = range == null ? "It does not state an API range." : ok ? "" : "It accepts API " + range + ".";
            if (!ok) bad++;
            rows.add(new Compatibility.Row(p.component(), p.name(), p.version(), range == null ? "" : range, ok, reason));
        }
        return new Compatibility(v.toString(), rows, bad);
    }

    private static boolean accepts(String range, Version v) {
        try {
            return range != null && !range.isBlank() && new VersionRange(range).includes(v);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Map<String, String> installedVersions() {
        Map<String, String> out = new HashMap<>();
        for (PluginInfo p : plugins.list()) {
            if (p.state().equals("uninstalled")) continue;
            plugins.bundle(p.component()).ifPresent(b -> out.put(p.component(), b.getVersion().toString()));
        }
        return out;
    }

    /** The index's plugins (resources with a somep.plugin capability), the newest version of each. */
    private Map<String, IndexResource> newest() {
        Path index = dir.resolve("index.xml");
        if (!Files.isRegularFile(index)) return Map.of();
        List<IndexResource> all;
        try {
            all = RepositoryIndex.read(index);
        } catch (IOException e) {
            LOG.warning(e.getMessage());
            throw new PluginRefusal(503, "The plugin catalog cannot be read: " + e.getMessage());
        }
        Map<String, IndexResource> out = new HashMap<>();
        for (IndexResource r : all) {
            String c = CatalogEntry.component(r);
            if (c == null) continue;
            out.merge(c, r, (a, b) -> CatalogEntry.version(a).compareTo(CatalogEntry.version(b)) >= 0 ? a : b);
        }
        return out;
    }

    /** The jar of a resource: its osgi.content URL, relative to the index and never outside the catalog folder. */
    private Path file(IndexResource r) {
        Object url = r.attribute("osgi.content", "url");
        if (url == null) throw new PluginRefusal(422, "The catalog index gives no file for '" + CatalogEntry.component(r) + "'.");
        Path p = dir.resolve(url.toString()).normalize();
        if (!p.startsWith(dir.normalize()) || !Files.isRegularFile(p))
            throw new PluginRefusal(422, "The catalog file for '" + CatalogEntry.component(r) + "' is missing: " + url + ".");
        return p;
    }
}
