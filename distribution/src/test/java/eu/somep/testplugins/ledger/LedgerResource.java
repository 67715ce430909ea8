package eu.somep.testplugins.ledger;

import eu.somep.api.persistence.Database;
import eu.somep.api.web.PublicAccess;
import eu.somep.spi.web.WebResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A plugin with a table, for upgrade tests: {@code GET /ledger} answers its bundle version and the rows, read
 * with the expression in its {@code Ledger-Select} header (each version of the test bundle knows its schema).
 */
@Component(service = WebResource.class, configurationPid = "eu.somep.test.ledger")
@Designate(ocd = LedgerConfig.class)
@Path("ledger")
public class LedgerResource implements WebResource {
    private final Database db;
    private final Bundle bundle = FrameworkUtil.getBundle(LedgerResource.class);
    private volatile LedgerConfig config;

    @Activate
    public LedgerResource(@Reference Database db, LedgerConfig config) {
        this.db = db;
        this.config = config;
    }

    @Modified
    void modified(LedgerConfig config) {
        this.config = config;
    }

    @GET
    @Path("heading")
    @PublicAccess
    @Produces("text/plain")
    public String heading() {
        return config.heading();
    }

    @GET
    @PublicAccess
    @Produces("text/plain")
    public String list() {
        String select = bundle.getHeaders("").get("Ledger-Select");
        List<?> rows = db.inTransaction(em -> em.createNativeQuery("SELECT " + select + " FROM ledger_entry ORDER BY id").getResultList());
        StringBuilder out = new StringBuilder("version " + bundle.getVersion() + ":");
        for (Object r : rows) out.append(' ').append(r);
        return out.toString();
    }

    @POST
    @PublicAccess
    @Produces("text/plain")
    public String add(String body) {
        db.run(em -> em.createNativeQuery("INSERT INTO ledger_entry (body) VALUES (?1)").setParameter(1, body).executeUpdate());
        return "added";
    }
}
