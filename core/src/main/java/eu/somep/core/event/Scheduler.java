package eu.somep.core.event;

import eu.somep.spi.task.ScheduledTask;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/** Runs every {@link ScheduledTask} service while it is registered; a plugin's tasks stop with the plugin. */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    private static final int STOP_WAIT_SECONDS = 10;
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "somep-tasks");
        t.setDaemon(true);
        return t;
    });
    private ServiceTracker<ScheduledTask, Scheduled> tracker;
    /** In a cluster, who runs each run; null on a single node. */
    private final eu.somep.core.cluster.TaskClaims claims;

    public Scheduler() {
        this(null);
    }

    public Scheduler(eu.somep.core.cluster.TaskClaims claims) {
        this.claims = claims;
    }

    // Runs happen on threads of their own: the two scheduler threads only start them, so a task that hangs holds
    // one runner thread, never the schedule of every other plugin's tasks.
    private final ExecutorService runners = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "somep-task-run");
        t.setDaemon(true);
        return t;
    });

    /** A task's schedule, and a permit held while it runs, so runs never overlap and removing it can wait for one. */
    private record Scheduled(ScheduledFuture<?> future, Semaphore running) {
    }

    public void track(BundleContext ctx) {
        tracker = new ServiceTracker<>(ctx, ScheduledTask.class, null) {
            @Override
            public Scheduled addingService(ServiceReference<ScheduledTask> ref) {
                ScheduledTask task = context.getService(ref);
                if (task == null) return null;
                Duration every = task.interval();
                long ms = Math.max(10, every.toMillis());
                Semaphore running = new Semaphore(1);
                String key = ref.getBundle().getSymbolicName() + ":" + task.getClass().getName();
                ScheduledFuture<?> f = pool.scheduleWithFixedDelay(() -> {
                    if (!running.tryAcquire()) return; // the last run is still going (or hangs): skip this one
                    try {
                        runners.execute(() -> {
                            try {
                                // in a cluster the node that claims this run runs it (on this runner: the claim asks the database)
                                if (claims == null) {
                                    task.run();
                                } else if (claims.claim(key, ms)) {
                                    try {
                                        task.run();
                                    } finally {
                                        claims.release(key);
                                    }
                                }
                            } catch (RuntimeException | LinkageError e) {
                                LOG.log(Level.WARNING, "Scheduled task " + task.getClass().getName() + " failed", e);
                            } finally {
                                running.release();
                            }
                        });
                    } catch (RejectedExecutionException e) { // the kernel is stopping
                        running.release();
                    }
                }, ms, ms, TimeUnit.MILLISECONDS);
                return new Scheduled(f, running);
            }

            @Override
            public void removedService(ServiceReference<ScheduledTask> ref, Scheduled s) {
                s.future().cancel(false);
                // the task's plugin is stopping (or the kernel): let a run in progress finish before its database
                // closes under it, but never hang the stop on a task that blocks
                try {
                    if (s.running().tryAcquire(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) s.running().release();
                    else LOG.warning("Scheduled task of " + ref.getBundle().getSymbolicName() + " still running after " + STOP_WAIT_SECONDS + " s; stopping anyway");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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
        if (tracker != null) tracker.close(); // waits for runs in progress (bounded)
        pool.shutdownNow();
        runners.shutdownNow(); // interrupts runs that outlived their plugin's stop
    }
}
