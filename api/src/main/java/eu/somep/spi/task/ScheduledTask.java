package eu.somep.spi.task;

import java.time.Duration;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work the kernel runs periodically while the plugin is enabled: first one interval after registration,
 * then every interval. Runs never overlap; a run that throws is logged and the schedule goes on.
 */
@ConsumerType
public interface ScheduledTask {
    Duration interval();

    void run();
}
