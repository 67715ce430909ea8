package eu.somep.pages;

import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.UserContext;
import eu.somep.pages.internal.PageStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Wires the plugin's store to the kernel's services; the web resources share it. */
@Component(service = PagesService.class)
public class PagesService {
    public static final String EDIT = "pages:edit";
    final PageStore store;
    final UserContext user;
    final Messages messages;

    @Activate
    public PagesService(@Reference Database db, @Reference UserContext user, @Reference Messages messages) {
        this.store = new PageStore(db);
        this.user = user;
        this.messages = messages;
    }

    String lang() {
        return messages.locale().getLanguage();
    }

    boolean member() {
        return user.userId().isPresent();
    }
}
