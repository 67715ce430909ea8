package eu.somep.library;

import eu.somep.api.event.Event;
import eu.somep.spi.event.EventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * In a cluster, a change of the library on another node reaches this node's search index at once (the index
 * also polls the change log every few seconds, for a message that was missed). On a single node nothing arrives.
 */
@Component(service = EventListener.class, property = EventListener.TOPICS + "=" + LibraryCluster.TOPIC)
public final class LibraryCluster implements EventListener {
    static final String TOPIC = "library/changed";
    private final LibraryService library;

    @Activate
    public LibraryCluster(@Reference LibraryService library) {
        this.library = library;
    }

    @Override
    public void onEvent(Event event) {
        library.catchUp();
    }
}
