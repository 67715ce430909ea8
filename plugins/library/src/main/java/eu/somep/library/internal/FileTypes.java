package eu.somep.library.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The allow-list, checked by content only: Tika's magic-byte detection (never given the file's name), then, for the
 * ZIP-based office formats, a look at the container's entries. The name and the type a browser claims are ignored.
 */
public final class FileTypes {
    public static final String PDF = "application/pdf";
    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String ODT = "application/vnd.oasis.opendocument.text";
    public static final String ODP = "application/vnd.oasis.opendocument.presentation";
    public static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    public static final String TEXT = "text/plain";
    public static final String PNG = "image/png";
    public static final String JPEG = "image/jpeg";
    public static final String GIF = "image/gif";

    /** Allowed types and the short label users see. */
    public static final Map<String, String> ALLOWED = Map.ofEntries(Map.entry(PDF, "PDF"), Map.entry(DOCX, "DOCX"), Map.entry(PPTX, "PPTX"),
            Map.entry(XLSX, "XLSX"), Map.entry(ODT, "ODT"), Map.entry(ODP, "ODP"), Map.entry(ODS, "ODS"), Map.entry(TEXT, "TXT"),
            Map.entry(PNG, "PNG"), Map.entry(JPEG, "JPEG"), Map.entry(GIF, "GIF"));
    /** The list shown in refusals. */
    public static final String ALLOWED_TEXT = "PDF, DOCX, PPTX, XLSX, ODT, ODP, ODS, TXT, PNG, JPEG, GIF";

    /** Containers with more entries, or entries that expand more than this, are refused (zip bombs). */
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_EXPANDED = 200L * 1024 * 1024;
    static final long MAX_RATIO = 200;

    private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes(FileTypes.class.getClassLoader());

    private FileTypes() {
    }

    /** The allowed type of a file, by its content; refused (422) with a key saying why otherwise. */
    public static String detect(Path file) throws Refused, IOException {
        String tika;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            MediaType t = TIKA.detect(in, new Metadata()); // no name given: content only
            tika = t.getBaseType().toString();
        }
        if (tika.equals("application/zip") || tika.startsWith("application/x-tika-ooxml") || tika.startsWith("application/vnd.oasis.opendocument")
                || tika.startsWith("application/vnd.openxmlformats")) {
            return container(file);
        }
        if (tika.equals("text/plain")) {
            if (!plainText(file)) throw new Refused(422, "library.error.markup");
            return TEXT;
        }
        if (tika.equals("text/html") || tika.contains("xml") || tika.equals("image/svg+xml") || tika.contains("javascript")) {
            throw new Refused(422, "library.error.markup");
        }
        if (ALLOWED.containsKey(tika)) return tika;
        if (isArchive(tika)) throw new Refused(422, "library.error.archive");
        throw new Refused(422, "library.error.type", ALLOWED_TEXT);
    }

    private static boolean isArchive(String t) {
        return t.contains("zip") || t.contains("rar") || t.contains("tar") || t.contains("7z") || t.contains("gzip") || t.contains("bzip")
                || t.contains("compress") || t.contains("archive");
    }

    /** An office document inside a ZIP container: which one, after the container passed the bomb checks. */
    static String container(Path file) throws Refused {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkBomb(zip);
            if (zip.getEntry("word/vbaProject.bin") != null || zip.getEntry("ppt/vbaProject.bin") != null || zip.getEntry("xl/vbaProject.bin") != null) {
                throw new Refused(422, "library.error.macros");
            }
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String t = new String(in.readNBytes(100), StandardCharsets.US_ASCII).trim();
                    if (t.equals(ODT) || t.equals(ODP) || t.equals(ODS)) return t;
                }
            }
            if (zip.getEntry("[Content_Types].xml") != null) {
                if (zip.getEntry("word/document.xml") != null) return DOCX;
                if (zip.getEntry("ppt/presentation.xml") != null) return PPTX;
                if (zip.getEntry("xl/workbook.xml") != null) return XLSX;
            }
        } catch (IOException e) {
            throw new Refused(422, "library.error.type", ALLOWED_TEXT);
        }
        throw new Refused(422, "library.error.archive");
    }

    /** Refuses containers whose entries claim (or are) too many or expand too far. */
    static void checkBomb(ZipFile zip) throws Refused {
        long total = 0;
        int n = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry z = e.nextElement();
            if (++n > MAX_ENTRIES) throw new Refused(422, "library.error.bomb");
            long size = z.getSize(), packed = z.getCompressedSize();
            if (size < 0) continue; // unknown: reading is capped anyway (Extractor)
            total += size;
            if (total > MAX_EXPANDED) throw new Refused(422, "library.error.bomb");
            if (packed > 0 && size > 1024 * 1024 && size / packed > MAX_RATIO) throw new Refused(422, "library.error.bomb");
        }
    }

    /** Valid UTF-8 without control characters (tab and line ends aside) and without markup a browser could run. */
    static boolean plainText(Path file) throws IOException {
        byte[] b;
        try (InputStream in = Files.newInputStream(file)) {
            b = in.readNBytes(1024 * 1024);
        }
        for (byte x : b) {
            int c = x & 0xff;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f) return false;
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(b, 0, utf8Boundary(b))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
        String t = s.toLowerCase(java.util.Locale.ROOT);
        if (t.strip().startsWith("<")) return false;
        for (String tag : new String[] {"<html", "<!doctype", "<script", "<svg", "<?xml", "<iframe", "<body"}) if (t.contains(tag)) return false;
        return true;
    }

    /** The length of the prefix that ends on a whole UTF-8 character (the first megabyte may cut one). */
    private static int utf8Boundary(byte[] b) {
        int end = b.length;
        for (int i = 1; i <= 3 && end - i >= 0; i++) {
            int c = b[end - i] & 0xff;
            if ((c & 0xc0) == 0xc0) { // a lead byte: is its sequence complete?
                int need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
                return need > i ? end - i : end;
            }
            if ((c & 0x80) == 0) return end;
        }
        return end;
    }
}
