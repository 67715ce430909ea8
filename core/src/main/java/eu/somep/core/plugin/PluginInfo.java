package eu.somep.core.plugin;

import java.util.List;

/** A plugin as the admin page and {@code GET /api/plugins} show it. */
public record PluginInfo(String component, String name, String description, String version, String state,
                         boolean enabled, String reason, List<String> requires, List<String> requiredBy) {
}
