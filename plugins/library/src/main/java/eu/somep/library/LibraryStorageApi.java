package eu.somep.library;

import eu.somep.api.web.Problem;
import eu.somep.api.web.RequiresCapability;
import eu.somep.library.internal.StoreMove;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code POST /api/library/storage/move}: after the setting {@code store} was switched to the database, moves the
 * files still kept on this node's disk into it (see {@link StoreMove}). For those who may change the setting.
 */
@Component(service = WebResource.class)
@Path("api/library/storage")
@Produces(MediaType.APPLICATION_JSON)
public class LibraryStorageApi implements WebResource {
    private final LibraryService s;

    @Activate
    public LibraryStorageApi(@Reference LibraryService s) {
        this.s = s;
    }

    @POST
    @Path("move")
    @RequiresCapability("kernel:manageplugins")
    public synchronized StoreMove.Report move() { // one run at a time on this node
        if (!LibraryConfig.DATABASE.equals(s.config().store())) {
            throw new Problem(409, s.messages.get("library.error.title"), s.messages.get("library.error.store.notdatabase"));
        }
        return StoreMove.toDatabase(s.db, s.files, s.databaseFiles);
    }
}
