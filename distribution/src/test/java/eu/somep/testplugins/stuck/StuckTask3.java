package eu.somep.testplugins.stuck;

import eu.somep.spi.task.ScheduledTask;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;

/** Another task that hangs, like {@link StuckTask}. */
@Component(service = ScheduledTask.class, property = "instance=3")
public class StuckTask3 implements ScheduledTask {
    @Override
    public Duration interval() {
        return Duration.ofMillis(20);
    }

    @Override
    public void run() {
        ((Semaphore) System.getProperties().get("stuck.tasks")).release();
        try {
            ((CountDownLatch) System.getProperties().get("stuck.release")).await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
