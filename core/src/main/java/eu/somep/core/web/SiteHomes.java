package eu.somep.core.web;

import eu.somep.core.view.Runtimes;
import eu.somep.spi.web.SiteHome;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Tracks {@link SiteHome} services; the highest ranked renders the site home with its own plugin's templates. */
public final class SiteHomes {
    private final Runtimes runtimes;
    private ServiceTracker<SiteHome, SiteHome> tracker;

    public SiteHomes(Runtimes runtimes) {
        this.runtimes = runtimes;
    }

    public void track(BundleContext ctx) {
        tracker = new ServiceTracker<>(ctx, SiteHome.class, null);
        tracker.open();
    }

    /** The plugin's home view, or null when no plugin provides one. */
    public Object render(Object blocks) {
        ServiceReference<SiteHome> ref = tracker == null ? null : tracker.getServiceReference();
        if (ref == null) return null;
        SiteHome home = tracker.getService(ref);
        if (home == null || ref.getBundle() == null) return null;
        return new ViewWriter.ForeignView(home.home().with("blocks", blocks), runtimes.of(ref.getBundle()));
    }

    public void close() {
        if (tracker != null) tracker.close();
    }
}
