package eu.somep.core.db;

/**
 * A request reached a plugin whose database was closed because the plugin stopped (an administrator disabled,
 * upgraded or removed it while the request was inside). The kernel answers 503 with Retry-After, not 500.
 */
public final class PluginStopped extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PluginStopped(String component, Throwable cause) {
        super("Plugin " + component + " has stopped; its database is closed.", cause);
    }
}
