package eu.somep.glossary;

import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What the glossary keeps about a person (which terms they added), for their data archive and for erasure. */
@Component(service = PrivacyProvider.class)
public class GlossaryPrivacy implements PrivacyProvider {
    private final GlossaryService service;

    @Activate
    public GlossaryPrivacy(@Reference GlossaryService service) {
        this.service = service;
    }

    @Override
    public String component() {
        return "glossary";
    }

    @Override
    public List<StoredData> describe() {
        return List.of(new StoredData("terms", service.messages.get(Locale.ENGLISH, "glossary.privacy.terms")));
    }

    @Override
    public void export(long userId, PrivacyExport export) throws IOException {
        export.json("terms", service.store.byAuthor(userId).stream().map(id -> service.store.find(id).map(GlossaryApi.TermJson::of))
                .flatMap(java.util.Optional::stream).toList());
    }

    /** Terms stay (everyone reads them) but no longer name who added them. */
    @Override
    public long erase(long userId) {
        return service.store.forgetAuthor(userId);
    }
}
