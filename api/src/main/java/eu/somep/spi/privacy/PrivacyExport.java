package eu.somep.spi.privacy;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ProviderType;

/** Where a {@link PrivacyProvider} writes a user's data; the kernel packs it into one zip archive per user. */
@ProviderType
public interface PrivacyExport {

    /** Adds {@code <component>/<name>.json}, the value written as JSON (records, maps and lists work). */
    void json(String name, Object value) throws IOException;

    /** Adds {@code <component>/files/<name>} with the given content, e.g. an uploaded attachment. */
    void file(String name, InputStream content) throws IOException;
}
