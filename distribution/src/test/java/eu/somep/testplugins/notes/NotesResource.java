package eu.somep.testplugins.notes;

import eu.somep.api.security.AccessControl;
import eu.somep.api.security.UserContext;
import eu.somep.api.web.ContextCapability;
import eu.somep.api.web.Problem;
import eu.somep.api.web.PublicAccess;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A plugin with user-owned objects, guarded by the kernel's object-level check ({@link AccessControl#requireOwnerOr}). */
@Component(service = WebResource.class)
@Path("notes")
public class NotesResource implements WebResource {
    private final Map<Long, long[]> owners = new ConcurrentHashMap<>();
    private final Map<Long, String> texts = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AccessControl access;
    private final UserContext user;

    @Activate
    public NotesResource(@Reference AccessControl access, @Reference UserContext user) {
        this.access = access;
        this.user = user;
    }

    @POST
    @PublicAccess // any signed-in user writes their own notes
    public Response create(String text) {
        long me = user.userId().orElseThrow(() -> new Problem(401, "Unauthorized", "Sign in first."));
        long id = ids.incrementAndGet();
        owners.put(id, new long[] {me});
        texts.put(id, text);
        return Response.status(201).entity(String.valueOf(id)).build();
    }

    @GET
    @Path("{id}")
    @ContextCapability("notes:readany")
    public String read(@PathParam("id") long id) {
        access.requireOwnerOr(owner(id), null, "notes:readany", AccessControl.SITE);
        return texts.get(id);
    }

    @DELETE
    @Path("{id}")
    @ContextCapability("notes:deleteany")
    public Response delete(@PathParam("id") long id) {
        access.requireOwnerOr(owner(id), null, "notes:deleteany", AccessControl.SITE);
        texts.remove(id);
        owners.remove(id);
        return Response.noContent().build();
    }

    /** The owner of a note; an unknown id gets the same 404 as someone else's note. */
    private long owner(long id) {
        long[] o = owners.get(id);
        if (o == null) throw Problem.notFound("There is no such item, or it is not yours.");
        return o[0];
    }
}
