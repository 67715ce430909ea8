package eu.somep.core.view;

import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.plugin.PluginDescriptor;
import eu.somep.core.theme.ThemeTemplates;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.wiring.BundleWiring;

/** The kernel's runtime and one per running plugin bundle, made on first use and dropped when the bundle stops. */
public final class Runtimes implements BundleListener {
    private final PluginRuntime kernel;
    private final Map<Long, PluginRuntime> byBundle = new ConcurrentHashMap<>();
    private final ThemeTemplates themes;

    public Runtimes(ThemeTemplates themes) {
        this.themes = themes;
        ClassLoader own = Runtimes.class.getClassLoader();
        kernel = new PluginRuntime("kernel", own, new MessageCatalog("kernel", own, null), themes);
    }

    /** Drops every cached template (a theme went away: nothing may keep its bundle's templates alive). */
    public void clearTemplates() {
        kernel.freemarker().clearTemplateCache();
        for (PluginRuntime r : byBundle.values()) r.freemarker().clearTemplateCache();
    }

    public PluginRuntime kernel() {
        return kernel;
    }

    public PluginRuntime of(Bundle b) {
        return byBundle.computeIfAbsent(b.getBundleId(), id -> {
            ClassLoader loader = b.adapt(BundleWiring.class).getClassLoader();
            String component = PluginDescriptor.of(b).component();
            return new PluginRuntime(component, loader, new MessageCatalog(component, loader, kernel.messages()), themes);
        });
    }

    @Override
    public void bundleChanged(BundleEvent e) {
        int t = e.getType();
        if (t == BundleEvent.STOPPED || t == BundleEvent.UNINSTALLED || t == BundleEvent.UPDATED || t == BundleEvent.UNRESOLVED) {
            PluginRuntime r = byBundle.remove(e.getBundle().getBundleId());
            if (r != null) r.close();
        }
    }
}
