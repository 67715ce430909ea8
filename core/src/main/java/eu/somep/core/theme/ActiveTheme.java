package eu.somep.core.theme;

import eu.somep.spi.theme.Theme;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.Bundle;

/**
 * A running theme as the kernel uses it: what it declared, checked and turned into addresses once, when its service
 * appeared. {@code key} names this bundle's copy, so templates cached from an earlier version are never reused.
 */
public record ActiveTheme(String id, String key, Bundle bundle, Theme theme, List<String> stylesheets, String logo,
                          Map<String, String> templates) {
    private static final java.util.regex.Pattern SAFE = java.util.regex.Pattern.compile("[A-Za-z0-9_./-]+\\.(css|svg|png)");

    static ActiveTheme of(String id, Bundle b, Theme t) {
        String base = "/static/themes/" + id + "/" + b.getVersion() + "/";
        List<String> css = t.stylesheets().stream().map(p -> base + checked(p)).toList();
        String logo = t.logo().map(p -> base + checked(p)).orElse(null);
        Map<String, String> templates = new HashMap<>();
        t.templates().forEach((kernel, own) -> {
            // only the kernel's HTML templates, and only by HTML templates: auto-escaping stays on
            if (!kernel.matches("kernel/[a-z0-9/_-]+\\.ftlh") || !own.matches("[a-z0-9][a-z0-9/_-]*\\.ftlh") || own.contains(".."))
                throw new IllegalArgumentException("A theme may replace kernel/….ftlh templates with its own .ftlh templates, not " + kernel + " with " + own);
            templates.put(kernel, own);
        });
        return new ActiveTheme(id, id + "~" + b.getBundleId(), b, t, css, logo, Map.copyOf(templates));
    }

    private static String checked(String path) {
        if (!SAFE.matcher(path).matches() || path.contains("..") || path.startsWith("/"))
            throw new IllegalArgumentException("A theme's files are .css, .svg or .png under static/, not " + path);
        return path;
    }

    public String name(Locale locale) {
        try {
            return theme.name(locale);
        } catch (RuntimeException e) {
            return id;
        }
    }

    URL resource(String path) {
        if (!SAFE.matcher(path).matches() || path.contains("..")) return null;
        return bundle.getResource("static/" + path);
    }

    /** What templates see as {@code somep.theme}. */
    public Map<String, Object> model() {
        Map<String, Object> m = new HashMap<>();
        m.put("id", id);
        m.put("stylesheets", stylesheets);
        if (logo != null) m.put("logo", logo);
        return m;
    }

    public static Map<String, Object> defaultModel() {
        return Map.of("id", Themes.DEFAULT, "stylesheets", List.of());
    }
}
