package eu.somep.forum.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The rules for files attached to forum posts. A file's type is recognised by its content (its first bytes), never
 * by its name or the type a browser or client claims; everything not on the allow-list is refused.
 *
 * <ul>
 *   <li>{@link #MAX_FILES} files per post, {@link #MAX_BYTES} bytes each;</li>
 *   <li>allowed: PNG, JPEG, WebP and GIF images, PDF, and plain text (valid UTF-8 with no NUL or other control
 *       bytes except tab, line feed, form feed and carriage return, and no markup: text that looks like HTML, SVG or
 *       XML is refused);</li>
 *   <li>PNG, JPEG and GIF images get a thumbnail at most {@link #THUMB_WIDTH} pixels wide (a PNG made with
 *       {@code javax.imageio}); WebP images, which the JDK cannot read, are shown as a link.</li>
 * </ul>
 */
public final class Attachments {
    /** At most this many files on one post. */
    public static final int MAX_FILES = 3;
    /** At most this many bytes in one file (5 MB). */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Thumbnails are at most this wide. */
    public static final int THUMB_WIDTH = 320;
    /** Images with more pixels than this are refused before they are decoded (decompression bombs). */
    static final long MAX_PIXELS = 40_000_000L;

    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String WEBP = "image/webp";
    public static final String GIF = "image/gif";
    public static final String PDF = "application/pdf";
    public static final String TEXT = "text/plain";

    private Attachments() {
    }

    /** A file that passed the checks: its detected type, display name, bytes and thumbnail (null when none). */
    public record Checked(String contentType, String name, byte[] bytes, byte[] thumbnail) {
    }

    /** Why a file was refused: a message key of the forum plugin. */
    public static final class Refused extends Exception {
        public final String key;

        public Refused(String key) {
            super(key, null, false, false);
            this.key = key;
        }
    }

    /** Checks a file (read with at most {@code MAX_BYTES + 1} bytes) and makes its thumbnail. */
    public static Checked check(String name, byte[] bytes) throws Refused {
        if (bytes == null || bytes.length > MAX_BYTES) throw new Refused("forum.error.filesize");
        String type = type(bytes).orElseThrow(() -> new Refused("forum.error.filetype"));
        byte[] thumb = null;
        if (PNG.equals(type) || JPEG.equals(type) || GIF.equals(type)) {
            thumb = thumbnail(bytes).orElseThrow(() -> new Refused("forum.error.image"));
        }
        return new Checked(type, displayName(name, type), bytes, thumb);
    }

    /** The media type of allowed content, by its first bytes; empty for anything else. */
    public static Optional<String> type(byte[] b) {
        if (b == null || b.length == 0) return Optional.empty();
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a)) return Optional.of(PNG);
        if (starts(b, 0xff, 0xd8, 0xff)) return Optional.of(JPEG);
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return Optional.of(WEBP);
        if (starts(b, 'G', 'I', 'F', '8', '7', 'a') || starts(b, 'G', 'I', 'F', '8', '9', 'a')) return Optional.of(GIF);
        if (starts(b, '%', 'P', 'D', 'F', '-')) return Optional.of(PDF);
        if (plainText(b)) return Optional.of(TEXT);
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if ((b[i] & 0xff) != magic[i]) return false;
        return true;
    }

    /** Valid UTF-8, no control bytes but tab, LF, FF and CR, and no markup a browser could take for a page or an image. */
    static boolean plainText(byte[] b) {
        for (byte x : b) {
            int c = x & 0xff;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
            if (c == 0x7f) return false;
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        String t = s.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("<")) return false; // HTML, SVG, XML
        for (String tag : new String[] {"<html", "<!doctype", "<script", "<svg", "<?xml", "<iframe", "<body", "<head"}) {
            if (t.contains(tag)) return false;
        }
        return true;
    }

    /** A PNG at most {@link #THUMB_WIDTH} wide; empty when the image cannot be read or is too large to decode. */
    static Optional<byte[]> thumbnail(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) return Optional.empty();
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return Optional.empty();
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w * h > MAX_PIXELS) return Optional.empty();
                BufferedImage img = reader.read(0);
                int tw = (int) Math.min(THUMB_WIDTH, w);
                int th = (int) Math.max(1, Math.round((double) h * tw / w));
                BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_ARGB);
                Graphics2D g = out.createGraphics();
                try {
                    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.drawImage(img, 0, 0, tw, th, null);
                } finally {
                    g.dispose();
                }
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                if (!ImageIO.write(out, "png", png)) return Optional.empty();
                return Optional.of(png.toByteArray());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The name shown for a file: what was sent, without control characters, at most 255 characters; never used as
     * a path (files are stored in the database under a generated id).
     */
    public static String displayName(String name, String type) {
        String n = name == null ? "" : name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
        if (n.length() > 255) n = n.substring(0, 255);
        if (n.isEmpty()) n = switch (type) {
            case PNG -> "image.png";
            case JPEG -> "image.jpg";
            case WEBP -> "image.webp";
            case GIF -> "image.gif";
            case PDF -> "document.pdf";
            default -> "text.txt";
        };
        return n;
    }

    /** A Content-Disposition header: inline for images, a download for everything else; the name only as ASCII-safe text. */
    public static String disposition(String contentType, String name) {
        boolean image = contentType.startsWith("image/");
        String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return (image ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
