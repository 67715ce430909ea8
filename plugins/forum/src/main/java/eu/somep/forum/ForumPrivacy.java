package eu.somep.forum;

import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The forum's part of "my data" and of erasing a person: posts stay readable under an anonymous author. */
@Component(service = PrivacyProvider.class)
public class ForumPrivacy implements PrivacyProvider {
    private final ForumService s;

    @Activate
    public ForumPrivacy(@Reference ForumService s) {
        this.s = s;
    }

    @Override
    public String component() {
        return "forum";
    }

    @Override
    public List<StoredData> describe() {
        return List.of("posts", "attachments", "subscriptions", "read", "reactions", "reports").stream()
                .map(name -> new StoredData(name, s.messages.get("forum.privacy." + name))).toList();
    }

    @Override
    public void export(long userId, PrivacyExport export) throws IOException {
        Map<String, List<Map<String, Object>>> data = s.personal.export(userId);
        for (var e : data.entrySet()) export.json(e.getKey(), e.getValue());
        for (Map<String, Object> a : data.get("attachments")) {
            export.file(a.get("id") + "-" + a.get("name"), new ByteArrayInputStream(s.personal.attachment(((Number) a.get("id")).longValue())));
        }
    }

    @Override
    public long erase(long userId) {
        return s.personal.erase(userId);
    }
}
