package eu.somep.glossary;

import eu.somep.api.i18n.Messages;
import eu.somep.api.persistence.Database;
import eu.somep.api.security.UserContext;
import eu.somep.glossary.internal.GlossaryStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Wires the glossary's store to the kernel's services; the page, the API and the privacy provider share it. The only
 * component holding {@link Database}: the others reach it through this service.
 */
@Component(service = GlossaryService.class, configurationPid = "eu.somep.glossary")
@Designate(ocd = GlossaryConfig.class)
public class GlossaryService {
    /** May add, translate and delete terms (see capabilities.json). */
    public static final String MANAGE = "glossary:manage";

    final GlossaryStore store;
    final UserContext user;
    final Messages messages;
    private volatile boolean otherLanguages;

    @Activate
    public GlossaryService(@Reference Database db, @Reference UserContext user, @Reference Messages messages, GlossaryConfig config) {
        this.store = new GlossaryStore(db);
        this.user = user;
        this.messages = messages;
        modified(config);
    }

    /** A changed setting applies at once, without restarting the plugin. */
    @Modified
    void modified(GlossaryConfig config) {
        otherLanguages = config.otherLanguages();
    }

    boolean otherLanguages() {
        return otherLanguages;
    }

    /** The reader's language: en, tr or de. */
    String lang() {
        return messages.locale().getLanguage();
    }
}
