package eu.somep.core.backup;

import java.nio.file.Path;

/** Where an H2 file database lives, from its JDBC URL ({@code jdbc:h2:retry:/x/somep;...} is {@code /x/somep.mv.db}). */
final class H2Files {
    private H2Files() {
    }

    /** The database's base path (without {@code .mv.db}); refuses in-memory and server URLs, which have no file here. */
    static Path base(String url) {
        String rest = url.substring("jdbc:h2:".length());
        int semi = rest.indexOf(';');
        if (semi >= 0) rest = rest.substring(0, semi);
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        else if (rest.startsWith("retry:")) rest = rest.substring("retry:".length()); // the file, re-opened after an interrupt
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:"))
            throw new IllegalStateException("The H2 database " + url + " is not a local file; back it up where it lives.");
        if (rest.startsWith("~")) rest = System.getProperty("user.home") + rest.substring(1);
        return Path.of(rest).toAbsolutePath().normalize();
    }

    static Path mvFile(String url) {
        Path b = base(url);
        return b.resolveSibling(b.getFileName() + ".mv.db");
    }

    /** The URL with IFEXISTS, so a backup never creates an empty database by mistake. */
    static String openExisting(String url) {
        return url + (url.endsWith(";") ? "" : ";") + "IFEXISTS=TRUE";
    }
}
