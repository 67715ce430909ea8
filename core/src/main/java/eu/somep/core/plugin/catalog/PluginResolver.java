package eu.somep.core.plugin.catalog;

import eu.somep.core.plugin.PluginDescriptor;
import eu.somep.core.plugin.PluginRefusal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.felix.resolver.Logger;
import org.apache.felix.resolver.ResolverImpl;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.ResolveContext;

/**
 * Plans an install from the catalog with the Felix resolver (the one inside the framework): the chosen
 * resource must resolve against what is installed now (the framework's bundles and their wiring) plus the
 * catalog's resources. What the resolver pulls in from the catalog is what will be installed with it.
 * Installed plugins are preferred; the catalog offers no second copy of an installed plugin.
 */
final class PluginResolver {
    static final String NAMESPACE = "somep.plugin";
    private static final Pattern PLUGIN_FILTER = Pattern.compile("\\(somep\\.plugin=([^)]+)\\)");
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(PluginResolver.class.getName());

    private final BundleContext context;

    PluginResolver(BundleContext context) {
        this.context = context;
    }

    /** The catalog resources to install, dependencies first, ending with the target; 422 naming what is missing. */
    List<IndexResource> plan(IndexResource target, List<IndexResource> catalog, Set<String> installedComponents) {
        Context rc = new Context(target, catalog, installedComponents);
        Map<Resource, List<Wire>> result;
        try {
            result = new ResolverImpl(new JulLogger(), 1).resolve(rc);
        } catch (ResolutionException e) {
            throw new PluginRefusal(422, "Plugin '" + CatalogEntry.component(target) + "' cannot be installed: " + missing(rc, target, e) + ".");
        }
        List<IndexResource> ordered = new ArrayList<>();
        visit(target, result, ordered, new LinkedHashSet<>());
        return ordered;
    }

    /** Depth first over the wires: a provider from the catalog comes before the resource that needs it. */
    private static void visit(Resource r, Map<Resource, List<Wire>> result, List<IndexResource> out, Set<Resource> seen) {
        if (!(r instanceof IndexResource ir) || !seen.add(r)) return;
        for (Wire w : result.getOrDefault(r, List.of())) visit(w.getProvider(), result, out, seen);
        out.add(ir);
    }

    /** Names what nothing provides: the requirements without any candidate, through the catalog resources it would pull in. */
    private static String missing(Context rc, IndexResource target, ResolutionException e) {
        Set<String> names = new LinkedHashSet<>();
        List<Resource> todo = new ArrayList<>(List.of(target));
        Set<Resource> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            Resource r = todo.remove(0);
            if (!seen.add(r)) continue;
            for (Requirement req : r.getRequirements(null)) {
                if (!rc.isEffective(req) || Namespace.RESOLUTION_OPTIONAL.equals(req.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) continue;
                List<Capability> providers = rc.findProviders(req);
                if (providers.isEmpty()) names.add(describe(req) + (r == target ? "" : " (needed by '" + CatalogEntry.component(r) + "')"));
                for (Capability c : providers) if (c.getResource() instanceof IndexResource) todo.add(c.getResource());
            }
        }
        if (!names.isEmpty()) return "nothing installed or in the catalog provides " + String.join(", ", names);
        String m = e.getMessage();
        return m == null ? "its requirements conflict with what is installed" : m;
    }

    static String describe(Requirement req) {
        String filter = req.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        if (NAMESPACE.equals(req.getNamespace())) {
            Matcher m = PLUGIN_FILTER.matcher(filter);
            if (m.find()) return "the plugin '" + m.group(1) + "'";
        }
        if ("osgi.wiring.package".equals(req.getNamespace())) {
            Matcher m = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)").matcher(filter);
            if (m.find()) return "the package " + m.group(1);
        }
        return req.getNamespace() + " " + filter;
    }

    /** The plugin names a requirement list asks for with {@code somep.plugin} requirements. */
    static List<String> requiredPlugins(Resource r) {
        List<String> out = new ArrayList<>();
        for (Requirement req : r.getRequirements(NAMESPACE)) {
            Matcher m = PLUGIN_FILTER.matcher(req.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, ""));
            if (m.find()) out.add(m.group(1));
        }
        return out;
    }

    private final class Context extends ResolveContext {
        private final IndexResource target;
        private final List<Resource> installed = new ArrayList<>();
        private final Map<Resource, Wiring> wirings = new HashMap<>();
        /** Plugins installed from jars built before they declared the somep.plugin capability. */
        private final Map<Resource, Capability> implied = new HashMap<>();
        private final List<IndexResource> offered = new ArrayList<>();

        Context(IndexResource target, List<IndexResource> catalog, Set<String> installedComponents) {
            this.target = target;
            for (Bundle b : context.getBundles()) {
                if (b.getState() == Bundle.UNINSTALLED) continue;
                BundleRevision rev = b.adapt(BundleRevision.class);
                if (rev == null) continue;
                installed.add(rev);
                BundleWiring w = b.adapt(BundleWiring.class);
                if (w != null && w.getRevision() == rev) wirings.put(rev, w);
                String c = b.getHeaders("").get(PluginDescriptor.COMPONENT);
                if (c != null && rev.getCapabilities(NAMESPACE).isEmpty())
                    implied.put(rev, new IndexResource.Cap(NAMESPACE, Map.of(), Map.of(NAMESPACE, c.trim(), "version", rev.getVersion()), rev));
            }
            for (IndexResource r : catalog) {
                if (r == target || !installedComponents.contains(CatalogEntry.component(r))) offered.add(r);
            }
        }

        @Override
        public Collection<Resource> getMandatoryResources() {
            return List.of(target);
        }

        @Override
        public List<Capability> findProviders(Requirement req) {
            Filter f = filter(req);
            List<Capability> out = new ArrayList<>();
            for (Resource r : installed) {
                for (Capability c : r.getCapabilities(req.getNamespace())) if (matches(f, c)) out.add(c);
                Capability extra = implied.get(r);
                if (extra != null && NAMESPACE.equals(req.getNamespace()) && matches(f, extra)) out.add(extra);
            }
            for (IndexResource r : offered) {
                for (Capability c : r.getCapabilities(req.getNamespace())) if (matches(f, c)) out.add(c);
            }
            return out;
        }

        private boolean matches(Filter f, Capability c) {
            String eff = c.getDirectives().get(Namespace.CAPABILITY_EFFECTIVE_DIRECTIVE);
            if (eff != null && !Namespace.EFFECTIVE_RESOLVE.equals(eff)) return false;
            return f == null || f.matches(c.getAttributes());
        }

        private Filter filter(Requirement req) {
            String s = req.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
            if (s == null) return null;
            try {
                return FrameworkUtil.createFilter(s);
            } catch (InvalidSyntaxException e) {
                throw new PluginRefusal(422, "A requirement of '" + CatalogEntry.component(req.getResource()) + "' has an invalid filter: " + s);
            }
        }

        @Override
        public int insertHostedCapability(List<Capability> caps, HostedCapability hc) {
            caps.add(hc);
            return caps.size() - 1;
        }

        @Override
        public boolean isEffective(Requirement req) {
            String eff = req.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
            return eff == null || Namespace.EFFECTIVE_RESOLVE.equals(eff);
        }

        @Override
        public Map<Resource, Wiring> getWirings() {
            return wirings;
        }
    }

    /** The resolver's diagnostics go to the kernel's log, not to standard output. */
    private static final class JulLogger extends Logger {
        JulLogger() {
            super(LOG_WARNING);
        }

        @Override
        protected void doLog(int level, String msg, Throwable t) {
            LOG.log(level <= LOG_ERROR ? Level.WARNING : Level.FINE, msg, t);
        }
    }
}
