package eu.somep.api.web;

/**
 * Thrown by plugin code for a request the user can mend: the kernel answers with this status and the
 * message, as RFC 9457 problem+json under {@code /api} and as a friendly page elsewhere.
 * The message is shown to users as it is: say what is wrong and what to do.
 */
public class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public static Problem badRequest(String detail) { return new Problem(400, "Bad request", detail); }
    public static Problem notFound(String detail) { return new Problem(404, "Not found", detail); }
    public static Problem conflict(String detail) { return new Problem(409, "Conflict", detail); }

    public int status() { return status; }
    public String title() { return title; }
}
