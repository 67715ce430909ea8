package eu.somep.library.internal;

import eu.somep.api.persistence.Database;
import eu.somep.library.spi.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A {@link FileStore} in the shared database (table {@code library_blob}), for several nodes: a file is written in
 * chunks of {@link #CHUNK} bytes in one transaction (all of it or nothing) and read back one chunk per query, so
 * neither way holds more than a chunk in memory. Keys start with {@link #PREFIX}, which is how the library tells
 * them from the keys of the other store after the setting changed.
 */
public final class DatabaseFileStore implements FileStore {
    public static final String PREFIX = "db-";
    static final int CHUNK = 1 << 20;
    private static final Pattern KEY = Pattern.compile("db-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final Database db;

    public DatabaseFileStore(Database db) {
        this.db = db;
    }

    /** Whether a key was made by this store. */
    public static boolean owns(String key) {
        return key != null && key.startsWith(PREFIX);
    }

    private static String checked(String key) {
        if (key == null || !KEY.matcher(key).matches()) throw new IllegalArgumentException("not a key of this store");
        return key;
    }

    @Override
    public String put(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in);
        }
    }

    /** Stores what the stream holds (read to its end, not closed) under a new key, in one transaction. */
    public String put(InputStream in) throws IOException {
        String key = PREFIX + UUID.randomUUID();
        try {
            db.run(em -> {
                try {
                    int seq = 0;
                    byte[] chunk;
                    do { // an empty file is one empty chunk, so that it exists
                        chunk = in.readNBytes(CHUNK);
                        if (chunk.length == 0 && seq > 0) break;
                        em.createNativeQuery("INSERT INTO library_blob (blob_key, seq, bytes) VALUES (?, ?, ?)")
                                .setParameter(1, key).setParameter(2, seq++).setParameter(3, chunk).executeUpdate();
                    } while (chunk.length == CHUNK);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        int chunks = chunks(checked(key));
        if (chunks == 0) throw new NoSuchFileException(key);
        return new Chunks(key, chunks);
    }

    private int chunks(String key) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM library_blob WHERE blob_key = ?")
                .setParameter(1, key).getSingleResult()).intValue());
    }

    @Override
    public long size(String key) {
        Object[] r = db.inTransaction(em -> (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(OCTET_LENGTH(bytes)), 0) FROM library_blob WHERE blob_key = ?")
                .setParameter(1, checked(key)).getSingleResult());
        return ((Number) r[0]).longValue() == 0 ? -1 : ((Number) r[1]).longValue();
    }

    @Override
    public void delete(String key) {
        db.run(em -> em.createNativeQuery("DELETE FROM library_blob WHERE blob_key = ?").setParameter(1, checked(key)).executeUpdate());
    }

    /** Reads a file chunk by chunk, each in its own short transaction, so a download holds no connection between reads. */
    private final class Chunks extends InputStream {
        private final String key;
        private final int count;
        private int next;
        private byte[] chunk = new byte[0];
        private int pos;

        Chunks(String key, int count) {
            this.key = key;
            this.count = count;
        }

        /** False at the end; a chunk that vanished (the file was deleted meanwhile) is an error, not a short file. */
        private boolean fill() throws IOException {
            while (pos == chunk.length) {
                if (next == count) return false;
                int seq = next++;
                List<?> rows = db.inTransaction(em -> em.createNativeQuery("SELECT bytes FROM library_blob WHERE blob_key = ? AND seq = ?")
                        .setParameter(1, key).setParameter(2, seq).getResultList());
                if (rows.isEmpty()) throw new NoSuchFileException(key, null, "deleted while it was read");
                chunk = (byte[]) rows.get(0);
                pos = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunk[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) return 0;
            if (!fill()) return -1;
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
