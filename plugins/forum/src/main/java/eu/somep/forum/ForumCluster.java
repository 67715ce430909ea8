package eu.somep.forum;

import eu.somep.api.event.Event;
import eu.somep.api.event.EventBus;
import eu.somep.spi.event.EventListener;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps the forum's read cache right on every node of a cluster: a write here tells the other nodes, and their
 * writes empty this node's cache. On a single node the kernel sends nothing and nothing arrives.
 */
@Component(service = EventListener.class, property = {EventListener.TOPICS + "=" + ForumCluster.TOPIC, EventListener.TOPICS + "=kernel/cluster/resync"})
public final class ForumCluster implements EventListener {
    static final String TOPIC = "forum/cache/changed";
    private final ForumService forum;

    @Activate
    public ForumCluster(@Reference ForumService forum, @Reference EventBus events) {
        this.forum = forum;
        forum.store.onWrite(() -> events.publishToOtherNodes(TOPIC, Map.of()));
    }

    @Deactivate
    void deactivate() {
        forum.store.onWrite(() -> { });
    }

    @Override
    public void onEvent(Event event) {
        forum.store.changedElsewhere();
    }
}
