package eu.somep.library.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Text for the search index and a preview, from a file whose type {@link FileTypes} already checked. PDFs go through
 * PDFBox; the office formats are ZIP containers of XML, whose text is read as text (no XML parser, so no entities
 * or external references are ever resolved), with every read capped. A file that cannot be read yields no text
 * and no preview: it is still stored.
 */
public final class Extractor {
    /** At most this much text is kept per version. */
    public static final int MAX_CHARS = 200_000;
    /** PDF pages read for text. */
    static final int MAX_PAGES = 300;
    /** Bytes read from one XML entry of an office file. */
    static final int MAX_ENTRY = 16 * 1024 * 1024;
    /** Preview width in pixels. */
    public static final int THUMB_WIDTH = 240;

    /** What was extracted: text (maybe empty) and a PNG preview (null when there is none). */
    public record Result(String text, byte[] preview) {
    }

    private Extractor() {
    }

    public static Result extract(Path file, String type) {
        try {
            return switch (type) {
                case FileTypes.PDF -> pdf(file);
                case FileTypes.DOCX -> new Result(office(file, "word/document\\.xml", "</w:p>"), null);
                case FileTypes.PPTX -> new Result(office(file, "ppt/slides/slide\\d+\\.xml", "</a:p>"), null);
                case FileTypes.XLSX -> new Result(office(file, "xl/sharedStrings\\.xml", "</si>"), null);
                case FileTypes.ODT, FileTypes.ODP, FileTypes.ODS -> new Result(office(file, "content\\.xml", "</text:p>"), null);
                case FileTypes.TEXT -> new Result(text(file), null);
                default -> new Result("", null);
            };
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return new Result("", null); // unreadable (a corrupt PDF): stored without text and preview
        }
    }

    static Result pdf(Path file) throws IOException {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(MAX_PAGES);
            String text = cap(stripper.getText(doc));
            return new Result(text, doc.getNumberOfPages() > 0 ? thumbnail(doc) : null);
        }
    }

    /** The first page at about {@link #THUMB_WIDTH} pixels wide, or null when it cannot be drawn. */
    static byte[] thumbnail(PDDocument doc) {
        try {
            PDRectangle box = doc.getPage(0).getCropBox();
            float width = Math.max(1, box.getWidth());
            float scale = Math.min(4f, THUMB_WIDTH / width);
            BufferedImage img = new PDFRenderer(doc).renderImage(0, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, "png", out)) return null;
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final Pattern DECLARATION = Pattern.compile("<!DOCTYPE[^\\[>]*(\\[[^\\]]*\\])?\\s*>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);");

    static String office(Path file, String entries, String paragraphEnd) throws IOException {
        Pattern names = Pattern.compile(entries);
        StringBuilder out = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<ZipEntry> matching = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
                ZipEntry z = e.nextElement();
                if (names.matcher(z.getName()).matches()) matching.add(z);
            }
            Collections.sort(matching, (a, b) -> naturalCompare(a.getName(), b.getName()));
            for (ZipEntry z : matching) {
                try (InputStream in = zip.getInputStream(z)) {
                    String xml = new String(in.readNBytes(MAX_ENTRY), StandardCharsets.UTF_8);
                    out.append(xmlText(xml.replace(paragraphEnd, "\n"))).append('\n');
                }
                if (out.length() > MAX_CHARS) break;
            }
        }
        return cap(out.toString().strip());
    }

    /** slide2 before slide10. */
    private static int naturalCompare(String a, String b) {
        return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    }

    static String xmlText(String xml) {
        String text = TAG.matcher(DECLARATION.matcher(xml).replaceAll(" ")).replaceAll(" ");
        Matcher m = ENTITY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String r = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> codePoint(e);
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString().replaceAll("[ \\t\\x0B\\f]+", " ").replaceAll(" *\\n[ \\n]*", "\n").strip();
    }

    private static String codePoint(String e) {
        try {
            int cp = e.startsWith("#x") || e.startsWith("#X") ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ";
        } catch (NumberFormatException x) {
            return " ";
        }
    }

    static String text(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return cap(new String(in.readNBytes(MAX_CHARS * 4), StandardCharsets.UTF_8));
        }
    }

    static String cap(String s) {
        String t = s.replace("\u0000", "");
        if (t.length() <= MAX_CHARS) return t;
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(t.charAt(end - 1))) end--;
        return t.substring(0, end);
    }
}
