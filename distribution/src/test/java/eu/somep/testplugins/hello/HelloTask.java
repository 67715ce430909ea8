package eu.somep.testplugins.hello;

import eu.somep.api.event.EventBus;
import eu.somep.spi.task.ScheduledTask;
import java.time.Duration;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A scheduled task that announces each run as an event, so tests can see it run and stop. */
@Component(service = ScheduledTask.class)
public class HelloTask implements ScheduledTask {
    private final EventBus events;

    @Activate
    public HelloTask(@Reference EventBus events) {
        this.events = events;
    }

    @Override
    public Duration interval() {
        return Duration.ofMillis(50);
    }

    @Override
    public void run() {
        events.publish("hello/tick", Map.of());
    }
}
