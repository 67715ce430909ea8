package eu.somep.testplugins.boom;

import eu.somep.api.web.PublicAccess;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A plugin whose component throws when it is activated. */
@Component(service = WebResource.class)
@Path("boom")
public class BoomComponent implements WebResource {
    @Activate
    public BoomComponent() {
        throw new IllegalStateException("boom: this plugin always fails to start");
    }

    @GET
    @PublicAccess
    public String get() {
        return "never";
    }
}
