package eu.somep.library.internal;

/** File names as users send them: display text only, and refused when they try to name a path. */
public final class Names {
    private Names() {
    }

    /**
     * The name to show and offer on download; empty when none was sent. A name with a path separator, a {@code ..}
     * or a control character is refused (422), as a sign of a client trying to reach the file system; so is a
     * name longer than 255 characters.
     */
    public static String display(String name) throws Refused {
        if (name == null) return "";
        String n = name.strip();
        if (n.contains("/") || n.contains("\\") || n.equals("..") || n.equals(".") || n.chars().anyMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029)) {
            throw new Refused(422, "library.error.name");
        }
        // refused rather than cut: a stored name must be the one sent (255 is also what file systems allow)
        if (n.length() > 255) throw new Refused(422, "library.error.name.long");
        return n;
    }

    /** A Content-Disposition header with an ASCII fallback and the UTF-8 name. */
    public static String disposition(boolean inline, String name) {
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
