package eu.somep.testplugins.stuck;

import eu.somep.api.web.PublicAccess;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;

/**
 * A plugin whose route hangs, as one stuck on a lock or a remote call would. The test shares a latch and a
 * semaphore through the system properties (JDK classes, the same on both sides of the bundle's class loader).
 */
@Component(service = WebResource.class)
@Path("stuck")
public class StuckResource implements WebResource {
    @GET
    @PublicAccess
    @Produces("text/plain")
    public String stuck() throws InterruptedException {
        ((Semaphore) System.getProperties().get("stuck.arrived")).release();
        boolean released = ((CountDownLatch) System.getProperties().get("stuck.release")).await(2, TimeUnit.MINUTES);
        return released ? "released" : "gave up";
    }

    @GET
    @Path("fail")
    @PublicAccess
    @Produces("application/json")
    public String fail() {
        throw new IllegalStateException("a bug in the plugin, with internals: password=secret");
    }
}
