package eu.somep.library.internal;

import eu.somep.library.spi.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The store the library uses: new files go where the setting {@code store} says, and every key is read and deleted
 * in the store that made it (database keys start with {@link DatabaseFileStore#PREFIX}, the others are the
 * {@link FileStore} service's). So switching the setting loses nothing: older files stay where they were written.
 */
public final class ChosenStore implements FileStore {
    private final FileStore service;
    private final DatabaseFileStore database;
    private final BooleanSupplier useDatabase;

    /** {@code service} is the highest-ranked {@link FileStore} service: the local disk unless a plugin replaced it. */
    public ChosenStore(FileStore service, DatabaseFileStore database, BooleanSupplier useDatabase) {
        this.service = service;
        this.database = database;
        this.useDatabase = useDatabase;
    }

    private FileStore owner(String key) {
        return DatabaseFileStore.owns(key) ? database : service;
    }

    @Override
    public String put(Path file) throws IOException {
        return useDatabase.getAsBoolean() ? database.put(file) : service.put(file);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return owner(key).open(key);
    }

    @Override
    public long size(String key) throws IOException {
        return owner(key).size(key);
    }

    @Override
    public void delete(String key) throws IOException {
        owner(key).delete(key);
    }
}
