package eu.somep.core.plugin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Orders plugins so that each comes after the plugins it requires (unknown or cyclic requirements are left to fail later). */
final class DependencyOrder {
    private DependencyOrder() {
    }

    static List<String> sort(Map<String, PluginDescriptor> plugins) {
        List<String> out = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        for (String c : new TreeSet<>(plugins.keySet())) visit(c, plugins, visiting, out);
        return out;
    }

    private static void visit(String c, Map<String, PluginDescriptor> plugins, Set<String> visiting, List<String> out) {
        if (out.contains(c) || !visiting.add(c)) return;
        PluginDescriptor d = plugins.get(c);
        if (d != null) for (String dep : d.requires()) if (plugins.containsKey(dep)) visit(dep, plugins, visiting, out);
        out.add(c);
    }
}
