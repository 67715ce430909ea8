package eu.somep.core.web;

import eu.somep.api.web.NavLink;
import eu.somep.core.security.Current;
import eu.somep.core.view.Runtimes;
import eu.somep.spi.web.NavigationContributor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** The site navigation: what every enabled plugin's {@link NavigationContributor} offers the current user. */
public final class Navigation {
    private final Runtimes runtimes;
    private final Map<ServiceReference<NavigationContributor>, NavigationContributor> contributors = new ConcurrentHashMap<>();
    private ServiceTracker<NavigationContributor, NavigationContributor> tracker;

    public Navigation(Runtimes runtimes) {
        this.runtimes = runtimes;
    }

    public void track(BundleContext ctx) {
        tracker = new ServiceTracker<>(ctx, NavigationContributor.class, null) {
            @Override
            public NavigationContributor addingService(ServiceReference<NavigationContributor> ref) {
                NavigationContributor c = context.getService(ref);
                if (c != null) contributors.put(ref, c);
                return c;
            }

            @Override
            public void removedService(ServiceReference<NavigationContributor> ref, NavigationContributor c) {
                contributors.remove(ref);
                context.ungetService(ref);
            }
        };
        tracker.open();
    }

    public record Item(String label, String href, int order) {
    }

    public List<Item> links(Current user, Locale locale) {
        List<Item> out = new ArrayList<>();
        contributors.forEach((ref, c) -> {
            var bundle = ref.getBundle();
            if (bundle == null) return;
            try {
                for (NavLink l : c.links()) {
                    if (l.capability() != null && !user.can(l.capability())) continue;
                    out.add(new Item(runtimes.of(bundle).messages().get(locale, l.labelKey()), l.href(), l.order()));
                }
            } catch (RuntimeException e) {
                // a broken contributor loses its links, not the page
            }
        });
        out.sort(Comparator.comparingInt(Item::order).thenComparing(Item::label));
        return out;
    }

    public void close() {
        if (tracker != null) tracker.close();
    }
}
