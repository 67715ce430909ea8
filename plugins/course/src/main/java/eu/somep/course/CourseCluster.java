package eu.somep.course;

import eu.somep.api.event.Event;
import eu.somep.api.event.EventBus;
import eu.somep.spi.event.EventListener;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps what this plugin caches right on every node of a cluster: a change here tells the other nodes, theirs (and
 * the kernel's periodic cluster check, for a message that was missed) empty this node's cache. On a single node
 * nothing is sent and nothing arrives.
 */
@Component(service = EventListener.class, property = {EventListener.TOPICS + "=" + CourseCluster.TOPIC, EventListener.TOPICS + "=kernel/cluster/resync"})
public final class CourseCluster implements EventListener {
    static final String TOPIC = "course/cache/changed";
    private final CourseService service;

    @Activate
    public CourseCluster(@Reference CourseService service, @Reference EventBus events) {
        this.service = service;
        service.store.onChange(() -> events.publishToOtherNodes(TOPIC, Map.of()));
    }

    @Deactivate
    void deactivate() {
        service.store.onChange(() -> { });
    }

    @Override
    public void onEvent(Event event) {
        service.store.changedElsewhere();
    }
}
