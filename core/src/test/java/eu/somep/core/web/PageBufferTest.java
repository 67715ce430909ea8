package eu.somep.core.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pages in Turkish, German and with emoji reach the browser as the same UTF-8 bytes the JDK would write. */
class PageBufferTest {

    private static byte[] page(String... parts) throws IOException {
        PageBuffer b = PageBuffer.borrow();
        try {
            for (String p : parts) b.write(p);
            int n = b.encode();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            b.writeTo(out, n);
            return out.toByteArray();
        } finally {
            b.release();
        }
    }

    @Test
    void encodesLikeTheJdk() throws IOException {
        String[] texts = {"<p>Plain ASCII</p>", "Türkçe · Deutsch: Straße", "Şikâyet, ığdır, İstanbul", "👍 Helpful 📎",
                "lone \uD83D surrogate", "end high \uD83D"};
        for (String t : texts) assertArrayEquals(t.getBytes(StandardCharsets.UTF_8), page(t), t);
        assertArrayEquals(String.join("", texts).getBytes(StandardCharsets.UTF_8), page(texts));
    }

    @Test
    void largeRandomPagesSurviveGrowingTheBuffers() throws IOException {
        Random r = new Random(42);
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 300_000) sb.appendCodePoint(r.nextInt(10) < 8 ? 32 + r.nextInt(95) : 160 + r.nextInt(0x1F600));
        String s = sb.toString();
        assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), page(s.substring(0, 1000), s.substring(1000)));
        assertArrayEquals("after".getBytes(StandardCharsets.UTF_8), page("after"), "a reused buffer starts empty");
    }

    @Test
    void anEmojiAcrossTheEncodersSlicesStaysOneCharacter() throws IOException {
        for (int before = 2040; before < 2056; before++) { // the page is encoded 2,048 chars at a time
            String s = "a".repeat(before) + "👍 ş" + "b".repeat(5000) + "\uDC00 x";
            assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), page(s), "emoji at " + before);
        }
    }

    @Test
    void aPageRenderedWhileAnotherIsOpenGetsItsOwnBuffer() {
        PageBuffer outer = PageBuffer.borrow();
        PageBuffer inner = PageBuffer.borrow();
        assertNotSame(outer, inner);
        inner.release();
        outer.release();
        assertSame(outer, PageBuffer.borrow());
    }
}
