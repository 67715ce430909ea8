package eu.somep.quiz;

import eu.somep.spi.privacy.PrivacyExport;
import eu.somep.spi.privacy.PrivacyProvider;
import java.io.IOException;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The quiz's part of "my data" and of erasing a person: attempts with their answers and grades. */
@Component(service = PrivacyProvider.class)
public class QuizPrivacy implements PrivacyProvider {
    private final QuizService s;

    @Activate
    public QuizPrivacy(@Reference QuizService s) {
        this.s = s;
    }

    @Override
    public String component() {
        return "quiz";
    }

    @Override
    public List<StoredData> describe() {
        return List.of("attempts", "responses").stream()
                .map(name -> new StoredData(name, s.messages.get("quiz.privacy." + name))).toList();
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
