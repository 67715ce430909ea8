package eu.somep.testplugins.dependent;

import eu.somep.api.web.PublicAccess;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.osgi.service.component.annotations.Component;

/** A plugin that requires another plugin (its manifest names it in SOMEP-Requires). */
@Component(service = WebResource.class)
@Path("dependent")
public class DependentResource implements WebResource {
    @GET
    @PublicAccess
    public String get() {
        return "dependent";
    }
}
