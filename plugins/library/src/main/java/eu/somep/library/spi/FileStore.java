package eu.somep.library.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps the bytes of the library's files under names the store makes itself, so that no name a user sent ever
 * reaches a file system or a bucket.
 *
 * <p><b>Life-cycle.</b> The library takes the highest-ranked {@code FileStore} service when it starts. It hands
 * over a file only after the file passed every check, from a temporary file of its own; it deletes keys when a
 * document is deleted, and when the database refused what it was about to record (so nothing is left behind).
 *
 * <p><b>Several nodes.</b> Keys are stored in the shared database; a store whose keys every node can open (a shared
 * volume, an object store) lets several SOMEP nodes serve the same library. The library's own database store (setting
 * {@code store = database}) is one; its keys start with {@code db-}, so a store registered here must not make keys
 * that do.
 */
@ConsumerType
public interface FileStore {
    /**
     * Takes a checked local file (the caller's temporary file, which the store may move) and returns its new key:
     * letters, digits and dashes only, at most 64 characters.
     */
    String put(Path file) throws IOException;

    /** The bytes under a key; {@link java.nio.file.NoSuchFileException} when there are none. */
    InputStream open(String key) throws IOException;

    /** The number of bytes under a key, or -1 when there is nothing. */
    long size(String key) throws IOException;

    /** Removes a key's bytes; removing a missing key is harmless. */
    void delete(String key) throws IOException;
}
