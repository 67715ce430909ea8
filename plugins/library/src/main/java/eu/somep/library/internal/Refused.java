package eu.somep.library.internal;

/** Why an upload was refused: a message key of the library plugin with its arguments, and the HTTP status to answer. */
public final class Refused extends Exception {
    public final int status;
    public final String key;
    public final transient Object[] args;

    public Refused(int status, String key, Object... args) {
        super(key, null, false, false);
        this.status = status;
        this.key = key;
        this.args = args;
    }
}
