package eu.somep.testplugins.moody;

import eu.somep.api.web.PublicAccess;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.nio.file.Files;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Fails to start on a node whose data folder holds a file {@code moody-fails}; starts everywhere else. */
@Component(service = WebResource.class)
@Path("moody")
public class Moody implements WebResource {
    @Activate
    public Moody(BundleContext context) {
        if (Files.exists(java.nio.file.Path.of(context.getProperty("somep.data"), "moody-fails")))
            throw new IllegalStateException("moody: this node's data folder says fail");
    }

    @GET
    @PublicAccess
    public String get() {
        return "fine";
    }
}
