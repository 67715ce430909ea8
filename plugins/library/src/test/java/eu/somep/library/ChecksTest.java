package eu.somep.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somep.library.internal.Extractor;
import eu.somep.library.internal.FileTypes;
import eu.somep.library.internal.Names;
import eu.somep.library.internal.Refused;
import eu.somep.library.internal.Snippet;
import eu.somep.library.internal.Terms;
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
    void text_comes_out_of_docx_pptx_and_odt() throws Exception {
        Path docx = file("a.docx", zip("[Content_Types].xml", "<Types/>", "word/document.xml",
                "<w:document><w:body><w:p><w:r><w:t>Community &amp; policing</w:t></w:r></w:p><w:p><w:r><w:t>in Kayseri</w:t></w:r></w:p></w:body></w:document>"));
        assertEquals(FileTypes.DOCX, FileTypes.detect(docx));
        assertEquals("Community & policing\nin Kayseri", Extractor.extract(docx, FileTypes.DOCX).text());
        Path pptx = file("b.pptx", zip("[Content_Types].xml", "<Types/>", "ppt/presentation.xml", "<p:presentation/>",
                "ppt/slides/slide10.xml", "<p:sld><a:p><a:t>Tenth</a:t></a:p></p:sld>", "ppt/slides/slide2.xml", "<p:sld><a:p><a:t>Second &#252;ber</a:t></a:p></p:sld>"));
        assertEquals(FileTypes.PPTX, FileTypes.detect(pptx));
        assertEquals("Second über\nTenth", Extractor.extract(pptx, FileTypes.PPTX).text());
        Path odt = file("c.odt", zip("mimetype", FileTypes.ODT, "content.xml", "<office:text><text:p>Polis ve <text:span>sosyal medya</text:span></text:p></office:text>"));
        assertEquals("Polis ve sosyal medya", Extractor.extract(odt, FileTypes.ODT).text());
        // entities are only ever the five XML ones or character references: nothing external is read
        Path xxe = file("d.docx", zip("[Content_Types].xml", "<Types/>", "word/document.xml",
                "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><w:p><w:t>a &x; b</w:t></w:p>"));
        assertEquals("a &x; b", Extractor.extract(xxe, FileTypes.DOCX).text().strip());
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

    @Test
    void words_are_folded_and_passages_mark_the_matches() {
        assertEquals(List.of("polis", "istanbul", "strasse"), List.copyOf(Terms.of("POLİS İstanbul Straße")));
        List<Snippet.Piece> p = Snippet.of("The community officer met residents. Community policing works.", Terms.query("community"));
        assertEquals(new Snippet.Piece("community", true), p.stream().filter(Snippet.Piece::hit).findFirst().orElseThrow());
        assertEquals(2, p.stream().filter(Snippet.Piece::hit).count());
        assertTrue(Snippet.of("nothing here", List.of("absent")).isEmpty());
    }
}
