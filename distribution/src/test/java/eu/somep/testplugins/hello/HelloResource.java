package eu.somep.testplugins.hello;

import eu.somep.api.web.PublicAccess;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.osgi.service.component.annotations.Component;

/** A minimal plugin for lifecycle tests: one public route, {@code GET /hello}. */
@Component(service = WebResource.class)
@Path("hello")
public class HelloResource implements WebResource {
    @GET
    @PublicAccess
    @Produces("text/plain")
    public String hello() {
        return "hello";
    }

    /** Declares no capability: the kernel must refuse it (deny by default). */
    @GET
    @Path("undeclared")
    @Produces("text/plain")
    public String undeclared() {
        return "should never be served";
    }
}
