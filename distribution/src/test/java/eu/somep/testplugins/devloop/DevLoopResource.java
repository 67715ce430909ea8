package eu.somep.testplugins.devloop;

import eu.somep.api.web.PublicAccess;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.osgi.service.component.annotations.Component;

/** Serves the text packed into its jar ({@code devloop/text.txt}), so each build of the test can say something else. */
@Component(service = WebResource.class)
@Path("devloop")
public class DevLoopResource implements WebResource {
    @GET
    @PublicAccess
    @Produces("text/plain")
    public String text() throws IOException {
        try (InputStream in = DevLoopResource.class.getResourceAsStream("/devloop/text.txt")) {
            return in == null ? "no text" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
