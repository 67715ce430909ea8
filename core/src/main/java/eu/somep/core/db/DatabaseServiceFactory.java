package eu.somep.core.db;

import eu.somep.core.plugin.PluginDescriptor;
import javax.sql.DataSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;

/** Hands every plugin bundle its own {@link eu.somep.api.persistence.Database}, and closes it when the bundle lets go. */
public final class DatabaseServiceFactory implements ServiceFactory<PluginDatabase> {
    private final DataSource dataSource;

    public DatabaseServiceFactory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public PluginDatabase getService(Bundle bundle, ServiceRegistration<PluginDatabase> registration) {
        PluginDescriptor d = PluginDescriptor.of(bundle);
        ClassLoader loader = bundle.adapt(BundleWiring.class).getClassLoader();
        return new PluginDatabase(d.component(), loader, d.entities(), dataSource);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<PluginDatabase> registration, PluginDatabase db) {
        db.close();
    }
}
