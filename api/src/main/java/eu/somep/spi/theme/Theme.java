package eu.somep.spi.theme;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The site's look, contributed by a theme plugin. Register one with {@code @Component(service = Theme.class)}; the
 * theme's id is its plugin's component name (one theme per plugin). An administrator picks the active theme on
 * {@code /admin/themes}; the kernel's own look is the theme {@code default}.
 *
 * <h2>Resources</h2>
 * Stylesheets and the logo are files under {@code static/} in the theme's bundle ({@code .css}, {@code .svg},
 * {@code .png}); the kernel serves them under {@code /static/themes/<component>/<bundle version>/…} (the site's
 * Content-Security-Policy allows only its own files). Stylesheets load after Bootstrap and {@code somep.css}.
 *
 * <h2>Template overrides</h2>
 * {@link #templates()} maps kernel template names to templates of the theme's own folder, e.g.
 * {@code "kernel/header.ftlh" -> "academy/header.ftlh"}. Only {@code .ftlh} templates are taken (HTML auto-escaping).
 * An override sees what the kernel's template sees, plus {@code somep.theme} (id, logo, stylesheets). A page whose
 * themed rendering fails is rendered again with the kernel's templates, and the failure is logged.
 *
 * <h2>Life-cycle</h2>
 * Disabling or uninstalling the active theme's plugin shows the default look from the next request on; enabling
 * it again brings it back.
 */
@ConsumerType
public interface Theme {
    /** The theme's name for the admin page, in the given language. */
    String name(Locale locale);

    /** Stylesheets, paths under the bundle's {@code static/} folder, e.g. {@code "academy.css"}. */
    List<String> stylesheets();

    /** The logo, a path under the bundle's {@code static/} folder; empty keeps the site's name as text. */
    default Optional<String> logo() {
        return Optional.empty();
    }

    /** Kernel template name to the theme's template that replaces it; only {@code kernel/…ftlh} names are overridable. */
    default Map<String, String> templates() {
        return Map.of();
    }
}
