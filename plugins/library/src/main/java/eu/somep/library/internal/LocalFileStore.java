package eu.somep.library.internal;

import eu.somep.library.spi.FileStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The default {@link FileStore}: files under {@code data/files/library/store/}, named by random UUIDs and spread over
 * 256 sub-folders. Keys are checked against a strict pattern before they are turned into paths.
 */
@Component(service = FileStore.class, property = "service.ranking:Integer=0")
public final class LocalFileStore implements FileStore {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private final Path root;

    public LocalFileStore(Path root) {
        this.root = root;
    }

    @Activate
    public LocalFileStore(BundleContext context) {
        this(dataDir(context).resolve("files").resolve("library").resolve("store"));
    }

    /** The kernel's data folder ({@code somep.data}; before that property existed, the parent of Felix's cache). */
    public static Path dataDir(BundleContext context) {
        String data = context.getProperty("somep.data");
        if (data != null) return Path.of(data);
        return Path.of(context.getProperty("org.osgi.framework.storage")).toAbsolutePath().getParent();
    }

    private Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) throw new IllegalArgumentException("not a key of this store");
        return root.resolve(key.substring(0, 2)).resolve(key);
    }

    @Override
    public String put(Path file) throws IOException {
        String key = UUID.randomUUID().toString();
        Path target = path(key);
        Files.createDirectories(target.getParent());
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) { // another file system: copy to a temporary name, then rename, so no half file shows
            Path part = target.resolveSibling(key + ".part");
            try {
                Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        return key;
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public long size(String key) throws IOException {
        Path p = path(key);
        return Files.exists(p) ? Files.size(p) : -1;
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }
}
