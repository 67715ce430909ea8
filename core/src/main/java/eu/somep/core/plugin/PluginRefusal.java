package eu.somep.core.plugin;

/** A plugin operation the kernel refuses, with a message for the administrator and the HTTP status that fits. */
public final class PluginRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    public PluginRefusal(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
