package eu.somep.core.web;

import eu.somep.core.plugin.PluginDescriptor;
import eu.somep.core.view.PluginRuntime;
import eu.somep.core.view.Runtimes;
import eu.somep.spi.web.WebResource;
import jakarta.servlet.ServletConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** The routing table: one {@link WebApp} per component with resources, plus the kernel's. */
public final class WebApps {
    private final Runtimes runtimes;
    private final JerseyConfigs configs;
    private final List<Object> kernelResources;
    private final Map<String, WebApp> byComponent = new ConcurrentHashMap<>();
    private final Map<String, List<Object>> resources = new ConcurrentHashMap<>();
    private final Map<Object, Owner> owners = new ConcurrentHashMap<>();
    private volatile WebApp kernel;
    private volatile ServletConfig servletConfig;
    private ServiceTracker<WebResource, WebResource> tracker;

    public WebApps(Runtimes runtimes, JerseyConfigs configs, List<Object> kernelResources) {
        this.runtimes = runtimes;
        this.configs = configs;
        this.kernelResources = kernelResources;
    }

    void servletConfig(ServletConfig cfg) {
        this.servletConfig = cfg;
        PluginRuntime rt = runtimes.kernel();
        kernel = new WebApp("kernel", () -> configs.build("kernel", kernelResources, rt, WebApps.class.getClassLoader()), () -> cfg);
    }

    public void track(BundleContext ctx) {
        tracker = new ServiceTracker<>(ctx, WebResource.class, null) {
            @Override
            public WebResource addingService(ServiceReference<WebResource> ref) {
                Bundle bundle = ref.getBundle();
                WebResource r = bundle == null ? null : context.getService(ref);
                if (r == null) return null;
                String c = PluginDescriptor.of(bundle).component();
                if (c == null) {
                    context.ungetService(ref);
                    return null;
                }
                owners.put(r, new Owner(c, bundle));
                resources.computeIfAbsent(c, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(r);
                rebuild(c, bundle);
                return r;
            }

            @Override
            public void removedService(ServiceReference<WebResource> ref, WebResource r) {
                // the reference no longer knows its bundle once unregistered: use what we noted when it came
                Owner o = owners.remove(r);
                if (o != null) {
                    List<Object> list = resources.get(o.component());
                    if (list != null) {
                        list.remove(r);
                        if (list.isEmpty()) {
                            resources.remove(o.component());
                            WebApp old = byComponent.remove(o.component());
                            if (old != null) old.retire();
                        } else {
                            rebuild(o.component(), o.bundle());
                        }
                    }
                }
                context.ungetService(ref);
            }
        };
        tracker.open();
    }

    private record Owner(String component, Bundle bundle) {
    }

    /** Swaps in a new (lazily built) app for the component; the old one drains and is destroyed. */
    private void rebuild(String component, Bundle bundle) {
        List<Object> snapshot = new ArrayList<>(resources.getOrDefault(component, List.of()));
        ClassLoader loader = bundle.adapt(org.osgi.framework.wiring.BundleWiring.class).getClassLoader();
        WebApp fresh = new WebApp(component, () -> configs.build(component, snapshot, runtimes.of(bundle), loader), () -> servletConfig);
        WebApp old = byComponent.put(component, fresh);
        if (old != null) old.retire();
    }

    WebApp route(String component) {
        WebApp app = component == null ? null : byComponent.get(component);
        return app != null ? app : kernel;
    }

    public void close() {
        if (tracker != null) tracker.close();
        byComponent.values().forEach(WebApp::retire);
        if (kernel != null) kernel.retire();
    }
}
