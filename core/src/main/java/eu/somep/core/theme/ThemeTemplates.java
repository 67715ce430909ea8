package eu.somep.core.theme;

import freemarker.cache.TemplateLookupContext;
import freemarker.cache.TemplateLookupResult;
import freemarker.cache.TemplateLookupStrategy;
import freemarker.cache.URLTemplateLoader;
import java.io.IOException;
import java.net.URL;

/**
 * Puts a theme's templates in place of the kernel's. A page is rendered with the active theme's key as Freemarker's
 * custom lookup condition (imports and includes inherit it); for a name the theme overrides, the lookup first tries
 * {@code _theme/<key>/<name>}, which the {@link Loader} reads from the theme's bundle. Templates are cached per name
 * and condition, so a page rendered without the condition (the default look) never sees a themed template.
 */
public final class ThemeTemplates {
    static final String PREFIX = "_theme/";
    private final Themes themes;
    private final Lookup lookup = new Lookup();
    private final Loader loader = new Loader();

    public ThemeTemplates(Themes themes) {
        this.themes = themes;
    }

    public TemplateLookupStrategy lookup() { return lookup; }

    /** Put it first among a runtime's loaders: it answers only {@code _theme/…} names. */
    public URLTemplateLoader loader() { return loader; }

    private final class Lookup extends TemplateLookupStrategy {
        @Override
        public TemplateLookupResult lookup(TemplateLookupContext ctx) throws IOException {
            String name = ctx.getTemplateName();
            if (ctx.getCustomLookupCondition() instanceof String key) {
                ActiveTheme t = themes.byKey(key);
                if (t != null && t.templates().containsKey(name)) {
                    TemplateLookupResult r = ctx.lookupWithAcquisitionStrategy(PREFIX + key + "/" + name);
                    if (r.isPositive()) return r;
                }
            }
            return ctx.lookupWithLocalizedThenAcquisitionStrategy(name, ctx.getTemplateLocale());
        }
    }

    private final class Loader extends URLTemplateLoader {
        @Override
        protected URL getURL(String name) {
            if (!name.startsWith(PREFIX)) return null;
            int slash = name.indexOf('/', PREFIX.length());
            if (slash < 0) return null;
            ActiveTheme t = themes.byKey(name.substring(PREFIX.length(), slash));
            String own = t == null ? null : t.templates().get(name.substring(slash + 1));
            return own == null ? null : t.bundle().getResource("templates/" + own);
        }
    }
}
