package eu.somep.core.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a page is rendered and then encoded as UTF-8, reused by each server thread. A 60 KB discussion page used to
 * cost about 480 KB of garbage (a growing StringBuilder, its String, and the encoder's twice-too-large array):
 * most of what the request allocated, and at 1,700 pages/s a young collection every 30 ms, whose pauses were the
 * p99. Borrowed, not shared: a page rendered while another is being written on the same thread gets its own.
 */
final class PageBuffer extends Writer implements eu.somep.core.view.Rewindable {
    private static final int KEEP_CHARS = 512 * 1024; // a thread keeps buffers up to this size; bigger pages are rare
    private static final ThreadLocal<PageBuffer> IDLE = new ThreadLocal<>();

    private char[] chars = new char[32 * 1024];
    private byte[] bytes = new byte[32 * 1024];
    private int length;
    // a lone surrogate has no UTF-8 form: '?' as String.getBytes writes it
    private final CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private static final int SLICE = 2048;
    private CharBuffer in;
    private ByteBuffer out;

    static PageBuffer borrow() {
        PageBuffer b = IDLE.get();
        if (b == null) return new PageBuffer();
        IDLE.remove();
        b.length = 0;
        return b;
    }

    @Override
    public int mark() {
        return length;
    }

    @Override
    public void rewind(int mark) {
        length = mark;
    }

    void release() {
        if (chars.length <= KEEP_CHARS) IDLE.set(this);
    }

    @Override
    public void write(String s, int off, int len) {
        ensure(len);
        s.getChars(off, off + len, chars, length);
        length += len;
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void write(char[] c, int off, int len) {
        ensure(len);
        System.arraycopy(c, off, chars, length, len);
        length += len;
    }

    @Override
    public void write(int c) {
        ensure(1);
        chars[length++] = (char) c;
    }

    private void ensure(int more) {
        if (length + more > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
    }

    /**
     * Encodes what was written as UTF-8 into the reused byte array; returns the number of bytes. The JDK's encoder
     * copies ASCII with a vectorised intrinsic, which a hand-written loop does not get (that loop was a tenth of the
     * discussion page's CPU in a profile). It falls back to a char-by-char loop for the rest of a call after the
     * first non-ASCII char, so the page goes in slices: one Turkish letter slows down its slice only.
     */
    int encode() {
        if (bytes.length < length * 3) bytes = new byte[Math.max(bytes.length * 2, length * 3)];
        if (in == null || in.array() != chars) in = CharBuffer.wrap(chars);
        if (out == null || out.array() != bytes) out = ByteBuffer.wrap(bytes);
        in.limit(0);
        out.clear();
        utf8.reset();
        // a slice ending inside a surrogate pair leaves its high half in the buffer for the next one (end of input: false)
        for (int at = 0; at < length; at = Math.min(at + SLICE, length)) {
            in.limit(Math.min(at + SLICE, length));
            utf8.encode(in, out, false);
        }
        in.limit(length);
        utf8.encode(in, out, true);
        utf8.flush(out);
        return out.position();
    }

    void writeTo(OutputStream out, int byteCount) throws IOException {
        out.write(bytes, 0, byteCount);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
