package eu.somep.academy;

import eu.somep.api.i18n.Messages;
import eu.somep.spi.theme.Theme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The academy look: navy and gold, a badge logo, and its own header and footer in place of the kernel's. */
@Component(service = Theme.class)
public class AcademyTheme implements Theme {
    private final Messages messages;

    @Activate
    public AcademyTheme(@Reference Messages messages) {
        this.messages = messages;
    }

    @Override
    public String name(Locale locale) {
        return messages.get(locale, "academy.name");
    }

    @Override
    public List<String> stylesheets() {
        return List.of("academy.css");
    }

    @Override
    public Optional<String> logo() {
        return Optional.of("academy-logo.svg");
    }

    @Override
    public Map<String, String> templates() {
        return Map.of("kernel/header.ftlh", "academy/header.ftlh", "kernel/footer.ftlh", "academy/footer.ftlh");
    }
}
