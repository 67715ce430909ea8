package ${package};

import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.UserContext;
import ${package}.internal.ItemStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Wires the plugin's store to the kernel's services; the page, the API and the privacy provider share it. The only
 * component holding {@link Database}: the others reach it through this service.
 */
@Component(service = ${prefix}Service.class, configurationPid = "${package}")
@Designate(ocd = ${prefix}Config.class)
public class ${prefix}Service {
    /** May add and delete items (see capabilities.json). */
    public static final String MANAGE = "${component}:manage";

    final ItemStore store;
    final UserContext user;
    final Messages messages;
    private volatile int pageSize;

    @Activate
    public ${prefix}Service(@Reference Database db, @Reference UserContext user, @Reference Messages messages, ${prefix}Config config) {
        this.store = new ItemStore(db);
        this.user = user;
        this.messages = messages;
        modified(config);
    }

    /** A changed setting applies at once, without restarting the plugin. */
    @Modified
    void modified(${prefix}Config config) {
        pageSize = Math.max(1, config.pageSize());
    }

    int pageSize() {
        return pageSize;
    }
}
