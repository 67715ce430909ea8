package eu.somep.core.routes;

import eu.somep.api.i18n.Messages;
import eu.somep.api.web.Problem;
import eu.somep.core.plugin.PluginInfo;
import eu.somep.core.plugin.PluginManager;
import eu.somep.core.security.Current;
import eu.somep.core.settings.PluginSettings;
import eu.somep.core.settings.SettingField;
import eu.somep.core.settings.SettingsDescription;
import eu.somep.core.settings.SettingsValidator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the settings page and {@code /api/admin/plugins/{component}/settings} show of a plugin's settings: each field
 * with its label (the plugin's message {@code <component>.settings.<id>} when it has one, else the Metatype name),
 * its constraints, its value and, after a refused change, what is wrong with it in the reader's language.
 */
public final class SettingsModel {
    private final PluginManager plugins;
    private final PluginSettings settings;
    private final Messages kernelMessages;
    /** (component, key) to the plugin's message in the request's language, or null when it has none. */
    private final BiFunction<String, String, String> pluginMessages;

    public SettingsModel(PluginManager plugins, PluginSettings settings, Messages kernelMessages, BiFunction<String, String, String> pluginMessages) {
        this.plugins = plugins;
        this.settings = settings;
        this.kernelMessages = kernelMessages;
        this.pluginMessages = pluginMessages;
    }

    PluginInfo plugin(String component) {
        return plugins.get(component).filter(p -> !"uninstalled".equals(p.state()))
                .orElseThrow(() -> Problem.notFound(msg("kernel.settings.unknown", component)));
    }

    SettingsDescription description(String component) {
        plugin(component);
        return settings.describe(component).orElseThrow(() -> Problem.notFound(msg("kernel.settings.unknown", component)));
    }

    PluginSettings settings() {
        return settings;
    }

    String msg(String key, Object... args) {
        return kernelMessages.get(locale(), key, args);
    }

    private static Locale locale() {
        Current c = Current.get();
        return c == null || c.locale() == null ? Locale.ENGLISH : c.locale();
    }

    /** Localised error texts by field key. */
    Map<String, String> errors(Map<String, SettingsValidator.Invalid> invalid) {
        Map<String, String> out = new LinkedHashMap<>();
        invalid.forEach((k, v) -> out.put(k, msg(v.key(), v.args())));
        return out;
    }

    /** The fields with their values: {@code typed} gives JSON numbers and booleans, else the text a form shows. */
    List<Map<String, Object>> fields(String component, SettingsDescription d, Map<String, String> values, Map<String, String> errors, boolean typed) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SettingField f : d.fields()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", f.key());
            m.put("pid", f.pid());
            m.put("label", text(component, "settings." + f.id(), f.label()));
            m.put("description", text(component, "settings." + f.id() + ".help", f.description()));
            m.put("type", f.type());
            m.put("min", f.min());
            m.put("max", f.max());
            List<Map<String, String>> options = new ArrayList<>();
            for (SettingField.Option o : f.options()) options.add(Map.of("value", o.value(), "label", text(component, "settings." + f.id() + "." + o.value(), o.label())));
            m.put("options", options);
            m.put("default", f.secret() ? null : typed ? f.typed(f.defaultValue()) : f.defaultValue());
            String v = values.getOrDefault(f.key(), "");
            if (f.secret()) {
                m.put("value", null);
                m.put("set", !v.isEmpty());
            } else {
                m.put("value", typed ? f.typed(v) : v);
            }
            if (errors.containsKey(f.key())) m.put("error", errors.get(f.key()));
            out.add(m);
        }
        return out;
    }

    private String text(String component, String suffix, String fallback) {
        String t = pluginMessages.apply(component, component + "." + suffix);
        return t == null ? fallback : t;
    }
}
