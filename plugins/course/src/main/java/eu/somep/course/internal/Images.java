package eu.somep.course.internal;

import java.util.Optional;

/** Recognises the image types a course may show, by their first bytes: never by a file name or a claimed type. */
public final class Images {
    public static final int MAX = 2 * 1024 * 1024;

    private Images() {
    }

    /** The media type of PNG, JPEG or WebP content; empty for anything else (SVG, HTML, archives, ...). */
    public static Optional<String> type(byte[] b) {
        if (b == null || b.length < 12) return Optional.empty();
        if ((b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d && b[5] == 0x0a) return Optional.of("image/png");
        if ((b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) return Optional.of("image/jpeg");
        if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return Optional.of("image/webp");
        return Optional.empty();
    }
}
