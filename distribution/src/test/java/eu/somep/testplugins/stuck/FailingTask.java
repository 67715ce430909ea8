package eu.somep.testplugins.stuck;

import eu.somep.spi.task.ScheduledTask;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.osgi.service.component.annotations.Component;

/** A scheduled task that throws on every run; its schedule must go on. */
@Component(service = ScheduledTask.class)
public class FailingTask implements ScheduledTask {
    @Override
    public Duration interval() {
        return Duration.ofMillis(20);
    }

    @Override
    public void run() {
        ((Semaphore) System.getProperties().get("stuck.failures")).release();
        throw new IllegalStateException("this task fails on purpose");
    }
}
