package eu.somep.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.library.internal.Extractor;
import eu.somep.library.internal.FileTypes;
import eu.somep.library.internal.Names;
import eu.somep.library.internal.Refused;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content checks, names, words and passages, without the framework. */
class ChecksTest {
    @TempDir
    Path dir;

    Path file(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    static byte[] zip(String... namesAndTexts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                z.putNextEntry(new ZipEntry(namesAndTexts[i]));
                z.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void types_come_from_the_content_not_the_name() throws Exception {
        assertEquals(FileTypes.PDF, FileTypes.detect(file("a.txt", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals(FileTypes.TEXT, FileTypes.detect(file("a.pdf", "Plain words, nothing else.\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(FileTypes.DOCX, FileTypes.detect(file("a.zip", zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>"))));
        assertEquals(FileTypes.ODT, FileTypes.detect(file("x", zip("mimetype", FileTypes.ODT, "content.xml", "<office:document-content/>"))));
        Refused exe = assertThrows(Refused.class, () -> FileTypes.detect(file("report.pdf", new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0})));
        assertEquals("library.error.type", exe.key);
        assertEquals("library.error.archive", assertThrows(Refused.class, () -> FileTypes.detect(file("b.docx", zip("notes.txt", "hello")))).key);
        assertEquals("library.error.markup", assertThrows(Refused.class, () -> FileTypes.detect(file("c.txt", "<html><script>x</script></html>".getBytes(StandardCharsets.UTF_8)))).key);
        assertEquals("library.error.markup", assertThrows(Refused.class, () -> FileTypes.detect(file("d.png", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))).key);
    }

    @Test
    void tika_reads_the_text_of_pdf_docx_pptx_and_odt() throws Exception {
        Path pdf = file("a.pdf", OfficeFiles.pdf("Community policing in Kayseri"));
        assertEquals(FileTypes.PDF, FileTypes.detect(pdf));
        Extractor.Result r = Extractor.extract(pdf, FileTypes.PDF);
        assertEquals("Community policing in Kayseri", r.text().strip());
        assertTrue(r.preview() != null && r.preview().length > 100, "a thumbnail of the first page");
        Path docx = file("a.docx", OfficeFiles.docx("Community & policing in Kayseri"));
        assertEquals(FileTypes.DOCX, FileTypes.detect(docx));
        assertEquals("Community & policing in Kayseri", Extractor.extract(docx, FileTypes.DOCX).text().strip());
        Path pptx = file("b.pptx", OfficeFiles.pptx("Zweite Folie über Polizei"));
        assertEquals(FileTypes.PPTX, FileTypes.detect(pptx));
        assertEquals("Zweite Folie über Polizei", Extractor.extract(pptx, FileTypes.PPTX).text().strip());
        Path odt = file("c.odt", OfficeFiles.odt("Polis ve sosyal medya"));
        assertEquals(FileTypes.ODT, FileTypes.detect(odt));
        assertEquals("Polis ve sosyal medya", Extractor.extract(odt, FileTypes.ODT).text().strip());
    }

    @Test
    void unreadable_files_give_no_text_and_nothing_external_is_read() throws Exception {
        Path xxe = file("d.docx", zip("[Content_Types].xml", "<Types/>", "word/document.xml",
                "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:p><w:t>a &x; b</w:t></w:p>"));
        assertTrue(!Extractor.extract(xxe, FileTypes.DOCX).text().contains("root:"));
        Path corrupt = file("e.pdf", "%PDF-1.4\n1 0 obj broken".getBytes(StandardCharsets.ISO_8859_1));
        Extractor.Result r = Extractor.extract(corrupt, FileTypes.PDF);
        assertEquals("", r.text());
        assertEquals(null, r.preview());
    }

    @Test
    void a_zip_bomb_is_refused_before_it_is_read() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) z.write(zeros);
            z.closeEntry();
        }
        assertTrue(out.size() < 2_000_000, "small on disk: " + out.size());
        assertEquals("library.error.bomb", assertThrows(Refused.class, () -> FileTypes.detect(file("bomb.docx", out.toByteArray()))).key);
    }

    @Test
    void names_are_display_text_and_paths_are_refused() throws Exception {
        assertEquals("Bericht über Polizei.pdf", Names.display("Bericht über Polizei.pdf"));
        for (String bad : List.of("../../etc/passwd", "..\\win.ini", "a/b.pdf", "..", "x\u0000.pdf")) {
            assertEquals("library.error.name", assertThrows(Refused.class, () -> Names.display(bad)).key, bad);
        }
        assertTrue(Names.disposition(false, "Ümit's \"report\".pdf").startsWith("attachment; filename=\"_mit_s _report_.pdf\"; filename*=UTF-8''%C3%9Cmit"));
    }
}
