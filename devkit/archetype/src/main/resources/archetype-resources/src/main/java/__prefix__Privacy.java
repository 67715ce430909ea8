package ${package};

import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What the plugin keeps about a person (the items they added), for their data archive and for erasure. */
@Component(service = PrivacyProvider.class)
public class ${prefix}Privacy implements PrivacyProvider {
    private final ${prefix}Service service;

    @Activate
    public ${prefix}Privacy(@Reference ${prefix}Service service) {
        this.service = service;
    }

    @Override
    public String component() {
        return "${component}";
    }

    @Override
    public List<StoredData> describe() {
        return List.of(new StoredData("items", service.messages.get(Locale.ENGLISH, "${component}.privacy.items")));
    }

    @Override
    public void export(long userId, PrivacyExport export) throws IOException {
        export.json("items", service.store.byAuthor(userId).stream().map(${prefix}Api.ItemJson::of).toList());
    }

    /** Items stay (others read them) but no longer name their author. */
    @Override
    public long erase(long userId) {
        return service.store.forgetAuthor(userId);
    }
}
