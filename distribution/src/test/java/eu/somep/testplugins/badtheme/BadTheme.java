package eu.somep.testplugins.badtheme;

import eu.somep.spi.theme.Theme;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** A theme whose header template fails to render (ThemesIT): pages must still render, with the default look. */
@Component(service = Theme.class)
public class BadTheme implements Theme {
    @Override public String name(Locale locale) { return "Broken"; }
    @Override public List<String> stylesheets() { return List.of(); }
    @Override public Map<String, String> templates() { return Map.of("kernel/header.ftlh", "badtheme/header.ftlh"); }
}
