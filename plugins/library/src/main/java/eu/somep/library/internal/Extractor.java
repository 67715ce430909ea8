package eu.somep.library.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Text for the search index and a preview, from a file whose type {@link FileTypes} already checked. Text comes from
 * Apache Tika's own parsers, chosen by that type (no detection, no service lookup through the thread's class loader,
 * which inside OSGi is not the bundle's): PDF, OOXML (DOCX, PPTX, XLSX) and OpenDocument. Every extraction is capped
 * at {@link #MAX_CHARS} characters and {@link #TIMEOUT_SECONDS} seconds on a small pool of its own, so a hostile file
 * cannot hang an upload; a file that cannot be read yields no text and no preview and is still stored.
 */
public final class Extractor {
    /** At most this much text is kept per version. */
    public static final int MAX_CHARS = 200_000;
    /** Time one file may take (text and preview together). */
    public static final int TIMEOUT_SECONDS = 60;
    /** Preview width in pixels. */
    public static final int THUMB_WIDTH = 240;
    /** An idle extraction thread ends after this long. */
    private static final int IDLE_SECONDS = 30;
    private static final Logger LOG = Logger.getLogger(Extractor.class.getName());

    /** What was extracted: text (maybe empty) and a PNG preview (null when there is none). */
    public record Result(String text, byte[] preview) {
    }

    /**
     * Two threads at most: a runaway parse that ignores its deadline can only ever block this pool, never the server.
     * Its threads end when idle and when the library stops ({@link #stop}): a live thread holds its context class
     * loader and its task's classes, so one left over after an uninstall or upgrade kept the old version's class
     * loader (and every class of it) for as long as the JVM ran.
     */
    private static ThreadPoolExecutor pool; // guarded by Extractor.class

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(2, 2, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "library-extract");
                t.setDaemon(true);
                t.setContextClassLoader(Extractor.class.getClassLoader()); // should any library still look there
                return t;
            });
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /** Lets the pool's threads end once the extractions in progress are done; the next extraction starts a new pool. */
    public static synchronized void stop() {
        if (pool != null) pool.shutdown();
        pool = null;
    }

    private Extractor() {
    }

    public static Result extract(Path file, String type) {
        Future<Result> f = pool().submit(() -> run(file, type, System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS)));
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            LOG.warning("library: text extraction took over " + TIMEOUT_SECONDS + " s; the file is stored without text");
            return new Result("", null);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return new Result("", null);
        } catch (ExecutionException e) {
            return new Result("", null);
        }
    }

    static Result run(Path file, String type, long deadline) {
        String text = "";
        try {
            text = switch (type) {
                case FileTypes.PDF -> tika(new PDFParser(), pdfContext(), file, deadline);
                case FileTypes.DOCX, FileTypes.PPTX, FileTypes.XLSX -> tika(new OOXMLParser(), officeContext(), file, deadline);
                case FileTypes.ODT, FileTypes.ODP, FileTypes.ODS -> tika(new OpenDocumentParser(), baseContext(), file, deadline);
                case FileTypes.TEXT -> text(file);
                default -> "";
            };
        } catch (IOException | RuntimeException | StackOverflowError | LinkageError e) {
            LOG.log(Level.FINE, "library: no text from a " + type + " file", e); // unreadable (a corrupt PDF): stored without text
        }
        byte[] preview = FileTypes.PDF.equals(type) && System.nanoTime() < deadline ? pdfPreview(file) : null;
        return new Result(text, preview);
    }

    /** Embedded files (images, attachments, OLE objects) are skipped: only the document's own text is searched. */
    private static ParseContext baseContext() {
        ParseContext c = new ParseContext();
        c.set(EmbeddedDocumentExtractor.class, new EmbeddedDocumentExtractor() {
            @Override
            public boolean shouldParseEmbedded(Metadata metadata) {
                return false;
            }

            @Override
            public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            }
        });
        return c;
    }

    private static ParseContext pdfContext() {
        ParseContext c = baseContext();
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setExtractInlineImages(false);
        pdf.setExtractAnnotationText(true);
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        c.set(PDFParserConfig.class, pdf);
        return c;
    }

    /** The SAX readers of DOCX and PPTX: streaming, and they need few of POI's XML schema classes. */
    private static ParseContext officeContext() {
        ParseContext c = baseContext();
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        office.setIncludeHeadersAndFooters(true);
        c.set(OfficeParserConfig.class, office);
        return c;
    }

    static String tika(Parser parser, ParseContext context, Path file, long deadline) throws IOException {
        Collect out = new Collect(deadline);
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, out, new Metadata(), context);
        } catch (SAXException | org.apache.tika.exception.TikaException e) {
            if (!out.stopped) LOG.log(Level.FINE, "library: text extraction failed", e); // keep what was read before
        }
        return cap(out.text.toString().strip());
    }

    /** Collects characters up to the cap, with paragraph breaks, and stops the parser at the cap or the deadline. */
    static final class Collect extends DefaultHandler {
        final StringBuilder text = new StringBuilder();
        private final long deadline;
        boolean stopped;

        Collect(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (text.length() >= MAX_CHARS || System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) {
                stopped = true;
                throw new SAXException("library: extraction limit");
            }
            text.append(ch, start, Math.min(length, MAX_CHARS - text.length()));
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            characters(ch, start, length);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "title" -> {
                    if (text.length() > 0 && text.charAt(text.length() - 1) != '\n' && text.length() < MAX_CHARS) text.append('\n');
                }
                case "td", "th" -> {
                    if (text.length() < MAX_CHARS) text.append(' ');
                }
                default -> {
                }
            }
        }
    }

    /** The first page at about {@link #THUMB_WIDTH} pixels wide, or null when it cannot be drawn. */
    static byte[] pdfPreview(Path file) {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            if (doc.getNumberOfPages() == 0) return null;
            PDRectangle box = doc.getPage(0).getCropBox();
            float width = Math.max(1, box.getWidth());
            float scale = Math.min(4f, THUMB_WIDTH / width);
            BufferedImage img = new PDFRenderer(doc).renderImage(0, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, "png", out)) return null;
            return out.toByteArray();
        } catch (IOException | RuntimeException | StackOverflowError e) {
            return null;
        }
    }

    static String text(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return cap(new String(in.readNBytes(MAX_CHARS * 4), StandardCharsets.UTF_8));
        }
    }

    static String cap(String s) {
        String t = s.replace("\u0000", "").replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n[ \\n]*", "\n");
        if (t.length() <= MAX_CHARS) return t;
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(t.charAt(end - 1))) end--;
        return t.substring(0, end);
    }
}
