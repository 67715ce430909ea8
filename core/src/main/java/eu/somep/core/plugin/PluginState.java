package eu.somep.core.plugin;

/** Where a plugin stands. The database keeps it, so a restart comes back the same. */
public enum PluginState {
    /** Running: its routes, navigation and tasks are live. */
    ENABLED,
    /** Installed but stopped by an administrator (or by safe mode, or a marker file); its data is kept. */
    DISABLED,
    /** Could not be started; the reason says why. The rest of the site keeps working. */
    FAILED,
    /** Removed; its data stays unless it was purged. */
    UNINSTALLED
}
