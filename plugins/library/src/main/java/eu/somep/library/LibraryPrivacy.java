package eu.somep.library;

import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.IOException;
import java.util.List;
import java.io.InputStream;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The library's part of "my data" and of erasing a person: their documents and files stay in the library, without their name. */
@Component(service = PrivacyProvider.class)
public class LibraryPrivacy implements PrivacyProvider {
    private final LibraryService s;

    @Activate
    public LibraryPrivacy(@Reference LibraryService s) {
        this.s = s;
    }

    @Override
    public String component() {
        return "library";
    }

    @Override
    public List<StoredData> describe() {
        return List.of("documents", "uploads", "folders").stream()
                .map(name -> new StoredData(name, s.messages.get("library.privacy." + name))).toList();
    }

    @Override
    public void export(long userId, PrivacyExport export) throws IOException {
        for (var e : s.personal.export(userId).entrySet()) export.json(e.getKey(), e.getValue());
        for (var v : s.personal.uploads(userId)) {
            try (InputStream in = s.files.open(v.storageKey())) {
                export.file(v.id() + "-" + v.filename(), in);
            }
        }
    }

    @Override
    public long erase(long userId) {
        return s.personal.erase(userId);
    }
}
