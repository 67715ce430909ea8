package eu.somep.core.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
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

    /** Encodes what was written as UTF-8 into the reused byte array; returns the number of bytes. */
    int encode() {
        if (bytes.length < length * 3) bytes = new byte[Math.max(bytes.length * 2, length * 3)];
        char[] c = chars;
        byte[] b = bytes;
        int j = 0;
        for (int i = 0; i < length; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                b[j++] = (byte) ch;
            } else if (ch < 0x800) {
                b[j++] = (byte) (0xC0 | ch >> 6);
                b[j++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i + 1 < length && Character.isLowSurrogate(c[i + 1])) {
                int cp = Character.toCodePoint(ch, c[++i]);
                b[j++] = (byte) (0xF0 | cp >> 18);
                b[j++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[j++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[j++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(ch)) {
                b[j++] = '?'; // a lone surrogate has no UTF-8 form; String.getBytes writes '?' as well
            } else {
                b[j++] = (byte) (0xE0 | ch >> 12);
                b[j++] = (byte) (0x80 | ch >> 6 & 0x3F);
                b[j++] = (byte) (0x80 | ch & 0x3F);
            }
        }
        return j;
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
