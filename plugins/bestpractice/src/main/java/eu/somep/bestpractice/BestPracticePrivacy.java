package eu.somep.bestpractice;

import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Best practice's part of "my data" and of erasing a person: the cases they proposed or curated stay, without their name. */
@Component(service = PrivacyProvider.class)
public class BestPracticePrivacy implements PrivacyProvider {
    private final BestPracticeService s;

    @Activate
    public BestPracticePrivacy(@Reference BestPracticeService s) {
        this.s = s;
    }

    @Override
    public String component() {
        return "bestpractice";
    }

    @Override
    public List<StoredData> describe() {
        return List.of("proposals", "edits").stream()
                .map(name -> new StoredData(name, s.messages.get("bestpractice.privacy." + name))).toList();
    }

    @Override
    public void export(long userId, PrivacyExport export) throws IOException {
        for (var e : s.personal.export(userId).entrySet()) export.json(e.getKey(), e.getValue());
    }

    @Override
    public long erase(long userId) {
        return s.personal.erase(userId);
    }
}
