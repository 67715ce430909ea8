package eu.somep.spi.privacy;

import java.io.IOException;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A plugin's answer to "what do you keep about this person?". Registered as an OSGi service by every plugin
 * that stores personal data; the kernel calls it for a user's "my data" archive and for an administrator's erase.
 */
@ConsumerType
public interface PrivacyProvider {

    /** One kind of personal data the plugin stores, and why: shown to users and administrators. */
    record StoredData(String name, String purpose) {
    }

    /** The plugin's component name, e.g. {@code forum}; names its folder in the export archive. */
    String component();

    /** Every kind of personal data this plugin stores. */
    List<StoredData> describe();

    /** Writes everything the plugin stores about the user. */
    void export(long userId, PrivacyExport export) throws IOException;

    /**
     * Deletes the user's data, or anonymises it where others' data depends on it (a reply in a discussion).
     * Runs before the kernel deletes the account. Returns how many records were deleted or anonymised.
     */
    long erase(long userId);
}
