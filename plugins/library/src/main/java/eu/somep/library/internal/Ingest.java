package eu.somep.library.internal;

import eu.somep.library.spi.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One upload, from the request's bytes to a stored, checked file: copied to a temporary file (at most the limit and
 * one byte more), checked by name, size, quota and content, its text and preview extracted, then handed to the
 * {@link FileStore}. Whatever is refused or fails leaves no file behind.
 */
public final class Ingest {
    private Ingest() {
    }

    /** Limits for one upload: the largest file, and what the uploader may still store. */
    public record Limits(long maxBytes, long quotaLeft, long maxMb, long quotaMb) {
    }

    /** Checks and stores a file; returns an unsaved {@link Version} holding the new storage keys. */
    public static Version run(String filename, InputStream body, Limits limits, Path temp, FileStore store, long userId) throws Refused, IOException {
        return run(filename, body, limits, temp, store, userId, null);
    }

    /**
     * The same, for content the plugin ships itself ({@code knownType} not null): its type is not detected, which
     * keeps Tika's MIME database from loading while the plugin starts.
     */
    public static Version run(String filename, InputStream body, Limits limits, Path temp, FileStore store, long userId, String knownType)
            throws Refused, IOException {
        String name = Names.display(filename);
        Path tmp = Files.createTempFile(temp, "upload-", ".part");
        String key = null, preview = null;
        try {
            long n;
            MessageDigest sha = sha256();
            try (InputStream in = body; OutputStream out = Files.newOutputStream(tmp)) {
                n = copy(in, out, limits.maxBytes() + 1, sha);
                if (n > limits.maxBytes()) drain(in);
            }
            if (n == 0) throw new Refused(422, "library.error.empty");
            if (n > limits.maxBytes()) throw new Refused(413, "library.error.toobig", limits.maxMb());
            if (n > limits.quotaLeft()) throw new Refused(413, "library.error.quota", limits.quotaMb());
            String type = knownType != null ? knownType : FileTypes.detect(tmp);
            Extractor.Result r = Extractor.extract(tmp, type);
            if (r.preview() != null) {
                Path p = Files.createTempFile(temp, "preview-", ".part");
                try {
                    Files.write(p, r.preview());
                    preview = store.put(p);
                } finally {
                    Files.deleteIfExists(p);
                }
            }
            key = store.put(tmp);
            Version v = new Version();
            v.storageKey = key;
            v.previewKey = preview;
            v.filename = name.isEmpty() ? "document." + FileTypes.ALLOWED.get(type).toLowerCase(java.util.Locale.ROOT) : name;
            v.contentType = type;
            v.size = n;
            v.sha256 = HexFormat.of().formatHex(sha.digest());
            v.text = r.text();
            v.uploadedBy = userId;
            v.createdAt = Instant.now();
            key = null; // handed over
            preview = null;
            return v;
        } finally {
            Files.deleteIfExists(tmp);
            if (key != null) store.delete(key);
            if (preview != null) store.delete(preview);
        }
    }

    /** Bytes of a refused body read and dropped, so that the client gets the answer on a connection that stays usable. */
    static final long DRAIN = 64L * 1024 * 1024;

    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while (n < DRAIN && (r = in.read(buf)) > 0) n += r;
    }

    private static long copy(InputStream in, OutputStream out, long max, MessageDigest sha) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long n = 0;
        int r;
        while (n < max && (r = in.read(buf, 0, (int) Math.min(buf.length, max - n))) > 0) {
            out.write(buf, 0, r);
            sha.update(buf, 0, r);
            n += r;
        }
        return n;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
