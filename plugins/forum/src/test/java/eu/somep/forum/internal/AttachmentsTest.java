package eu.somep.forum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Types by content, thumbnails, display names. */
class AttachmentsTest {
    static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void types_are_recognised_by_content() throws Exception {
        assertEquals(Optional.of(Attachments.PNG), Attachments.type(image("png", 4, 4)));
        assertEquals(Optional.of(Attachments.JPEG), Attachments.type(image("jpg", 4, 4)));
        assertEquals(Optional.of(Attachments.GIF), Attachments.type(image("gif", 4, 4)));
        assertEquals(Optional.of(Attachments.WEBP), Attachments.type(utf8("RIFF\0\0\0\0WEBPVP8 ")));
        assertEquals(Optional.of(Attachments.PDF), Attachments.type(utf8("%PDF-1.7\n")));
        assertEquals(Optional.of(Attachments.TEXT), Attachments.type(utf8("Grüße, merhaba, 1 < 2\n\tend")));
        for (String refused : new String[] {"<svg/>", "\uFEFF <html>", "text then <script>x</script>", "<?xml version=\"1.0\"?>", "nul\0byte", ""}) {
            assertEquals(Optional.empty(), Attachments.type(utf8(refused)), refused);
        }
        assertEquals(Optional.empty(), Attachments.type(new byte[] {'P', 'K', 3, 4}), "zip");
        assertEquals(Optional.empty(), Attachments.type(new byte[] {0x7f, 'E', 'L', 'F'}), "ELF");
        assertEquals(Optional.empty(), Attachments.type(new byte[] {(byte) 0xc3, (byte) 0x28}), "not UTF-8");
    }

    @Test
    void images_get_thumbnails_at_most_320_wide_webp_none() throws Exception {
        Attachments.Checked big = Attachments.check("a.gif", image("gif", 1000, 500));
        BufferedImage t = ImageIO.read(new ByteArrayInputStream(big.thumbnail()));
        assertEquals(320, t.getWidth());
        assertEquals(160, t.getHeight());
        Attachments.Checked small = Attachments.check("b.jpg", image("jpg", 100, 40));
        assertEquals(100, ImageIO.read(new ByteArrayInputStream(small.thumbnail())).getWidth(), "never enlarged");
        assertNull(Attachments.check("c.webp", utf8("RIFF\0\0\0\0WEBPVP8 ")).thumbnail());
        assertNotNull(Attachments.check("d.txt", utf8("hello")));
        var broken = assertThrows(Attachments.Refused.class, () -> Attachments.check("e.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 1, 2}));
        assertEquals("forum.error.image", broken.key);
        assertEquals("forum.error.filesize", assertThrows(Attachments.Refused.class, () -> Attachments.check("f.txt", new byte[Attachments.MAX_BYTES + 1])).key);
    }

    @Test
    void names_are_display_text_only() {
        assertEquals("../../etc/passwd", Attachments.displayName("../../etc/passwd", Attachments.TEXT));
        assertEquals("ab", Attachments.displayName("a\r\nb", Attachments.TEXT));
        assertEquals("image.png", Attachments.displayName("  ", Attachments.PNG));
        String d = Attachments.disposition(Attachments.TEXT, "../\"x\".txt");
        assertTrue(d.startsWith("attachment; filename=\".._"), d);
        assertFalse(d.contains("\"x\""), d);
        assertTrue(Attachments.disposition(Attachments.PNG, "p.png").startsWith("inline;"));
    }
}
