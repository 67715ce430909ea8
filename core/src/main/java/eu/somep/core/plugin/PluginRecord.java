package eu.somep.core.plugin;

import java.time.Instant;

/** A plugin's row in {@code kernel_plugin}. {@code enabled} is what the administrator wants; {@code state} is what is. */
public record PluginRecord(String component, String symbolicName, String version, String name, String description,
                           String location, boolean enabled, PluginState state, String reason, Instant updatedAt) {

    public PluginRecord with(PluginState newState, String newReason) {
        return new PluginRecord(component, symbolicName, version, name, description, location, enabled, newState, newReason, Instant.now());
    }

    public PluginRecord withEnabled(boolean wanted) {
        return new PluginRecord(component, symbolicName, version, name, description, location, wanted, state, reason, Instant.now());
    }

    static PluginRecord fresh(PluginDescriptor d, String location) {
        return new PluginRecord(d.component(), d.symbolicName(), d.version(), d.name(), d.description(), location,
                true, PluginState.DISABLED, null, Instant.now());
    }

    PluginRecord describedBy(PluginDescriptor d, String newLocation) {
        return new PluginRecord(component, d.symbolicName(), d.version(), d.name(), d.description(), newLocation,
                enabled, state, reason, Instant.now());
    }
}
