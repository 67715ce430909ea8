package eu.somep.testplugins.ticker;

import eu.somep.spi.task.ScheduledTask;
import java.time.Duration;
import java.util.Queue;
import org.osgi.service.component.annotations.Component;

/** Records the time of each of its runs in a queue the test put into the system properties (shared by both nodes of ClusterIT). */
@Component(service = ScheduledTask.class)
public class Ticker implements ScheduledTask {
    @Override
    public Duration interval() {
        return Duration.ofMillis(300);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        Object runs = System.getProperties().get("ticker.runs");
        if (runs instanceof Queue<?> q) ((Queue<Long>) q).add(System.nanoTime());
    }
}
