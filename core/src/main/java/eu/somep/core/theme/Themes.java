package eu.somep.core.theme;

import eu.somep.core.config.SiteSettings;
import eu.somep.core.plugin.PluginDescriptor;
import eu.somep.spi.theme.Theme;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The installed {@link Theme}s and the one an administrator chose. The choice is the site setting {@code theme}
 * (in the database, so every node sees it): this node applies its own change on the next request, and re-reads the
 * setting at most every {@link #REREAD_NANOS} to see another node's.
 */
public final class Themes {
    public static final String DEFAULT = "default";
    static final String SETTING = "theme";
    static final long REREAD_NANOS = 2_000_000_000L;
    private static final Logger LOG = Logger.getLogger(Themes.class.getName());

    private final SiteSettings settings;
    private final Map<String, ActiveTheme> installed = new ConcurrentHashMap<>();
    private volatile Runnable onRemoved = () -> { };
    private ServiceTracker<Theme, ActiveTheme> tracker;
    private volatile String chosen;
    private volatile long readAt;

    /** Its own {@link SiteSettings}: clearing this cache every few seconds leaves other settings' caches alone. */
    public Themes(SiteSettings settings) {
        this.settings = settings;
    }

    /** Called when a theme goes away, so that renderers drop the templates they cached from its bundle. */
    public void onRemoved(Runnable r) {
        onRemoved = r;
    }

    public void track(BundleContext ctx) {
        tracker = new ServiceTracker<>(ctx, Theme.class, null) {
            @Override
            public ActiveTheme addingService(ServiceReference<Theme> ref) {
                Theme t = context.getService(ref);
                Bundle b = ref.getBundle();
                if (t == null || b == null) return null;
                try {
                    ActiveTheme a = ActiveTheme.of(PluginDescriptor.of(b).component(), b, t);
                    installed.put(a.id(), a);
                    return a;
                } catch (RuntimeException e) {
                    LOG.warning("Theme of bundle " + b.getSymbolicName() + " is left out: " + e);
                    context.ungetService(ref);
                    return null;
                }
            }

            @Override
            public void removedService(ServiceReference<Theme> ref, ActiveTheme a) {
                installed.remove(a.id(), a);
                context.ungetService(ref);
                onRemoved.run();
            }
        };
        tracker.open();
    }

    /** The theme pages are drawn with now, or empty for the kernel's own look (also when the chosen one is gone). */
    public Optional<ActiveTheme> active() {
        return Optional.ofNullable(installed.get(chosen()));
    }

    /** The administrator's choice, which may name a theme that is not running. */
    public String chosen() {
        long now = System.nanoTime();
        String c = chosen;
        if (c == null || now - readAt > REREAD_NANOS) {
            readAt = now; // one re-read per interval, not one per request while the database is slow
            try {
                settings.changed();
                c = settings.get(SETTING, DEFAULT);
                chosen = c;
            } catch (IllegalStateException e) {
                // the look is not worth failing a page for: keep the last known choice until the database answers
                LOG.warning("Cannot read the chosen theme, keeping " + (c == null ? DEFAULT : c) + ": " + e.getMessage());
                if (c == null) c = DEFAULT;
            }
        }
        return c;
    }

    /** Makes {@code id} the site's theme; false when no such theme is running. */
    public boolean choose(String id) {
        if (!DEFAULT.equals(id) && !installed.containsKey(id)) return false;
        settings.set(SETTING, id);
        chosen = id;
        readAt = System.nanoTime();
        return true;
    }

    /** The themes to choose from, the kernel's default first. */
    public List<Choice> choices(Locale locale) {
        List<Choice> out = new ArrayList<>();
        String active = active().map(ActiveTheme::id).orElse(DEFAULT);
        out.add(new Choice(DEFAULT, null, DEFAULT.equals(active)));
        installed.values().stream().sorted(Comparator.comparing(ActiveTheme::id))
                .forEach(a -> out.add(new Choice(a.id(), a.name(locale), a.id().equals(active))));
        return out;
    }

    /** A static file of a running theme ({@code static/<path>} in its bundle), or null. */
    public URL resource(String id, String path) {
        ActiveTheme a = installed.get(id);
        return a == null ? null : a.resource(path);
    }

    ActiveTheme byKey(String key) {
        for (ActiveTheme a : installed.values()) if (a.key().equals(key)) return a;
        return null;
    }

    public void close() {
        if (tracker != null) tracker.close();
    }

    /** A theme on the admin page; {@code name} is null for the kernel's default (the page names it). */
    public record Choice(String id, String name, boolean active) {
    }
}
