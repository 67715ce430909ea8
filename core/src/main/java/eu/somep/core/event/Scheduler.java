package eu.somep.core.event;

import eu.somep.spi.task.ScheduledTask;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Runs every {@link ScheduledTask} service while it is registered; a plugin's tasks stop with the plugin. */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "somep-tasks");
        t.setDaemon(true);
        return t;
    });
    private ServiceTracker<ScheduledTask, ScheduledFuture<?>> tracker;

    public void track(BundleContext ctx) {
        tracker = new ServiceTracker<>(ctx, ScheduledTask.class, null) {
            @Override
            public ScheduledFuture<?> addingService(ServiceReference<ScheduledTask> ref) {
                ScheduledTask task = context.getService(ref);
                if (task == null) return null;
                Duration every = task.interval();
                long ms = Math.max(10, every.toMillis());
                // fixed delay: runs never overlap
                return pool.scheduleWithFixedDelay(() -> {
                    try {
                        task.run();
                    } catch (RuntimeException | LinkageError e) {
                        LOG.log(Level.WARNING, "Scheduled task " + task.getClass().getName() + " failed", e);
                    }
                }, ms, ms, TimeUnit.MILLISECONDS);
            }

            @Override
            public void removedService(ServiceReference<ScheduledTask> ref, ScheduledFuture<?> f) {
                f.cancel(false);
                context.ungetService(ref);
            }
        };
        tracker.open();
    }

    public int scheduled() {
        return tracker == null ? 0 : tracker.size();
    }

    @Override
    public void close() {
        if (tracker != null) tracker.close();
        pool.shutdownNow();
    }
}
