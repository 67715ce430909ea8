package eu.somep.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The files and fields of the current request's {@code multipart/form-data} form (a page's upload form). The
 * kernel parses the form (it must, to check its CSRF token), so a resource method reads it here rather than
 * from its entity. Sizes are limited by the kernel (64 MB per request).
 */
@ProviderType
public interface Uploads {

    /** One uploaded file. Its name is what the browser sent: never use it as a path. */
    interface File {
        String field();

        String filename();

        /** The type the browser claimed; check the content itself before trusting it. */
        String contentType();

        long size();

        InputStream open() throws IOException;
    }

    /** The files sent in a form field (empty when none, or the request is not multipart). */
    List<File> files(String field);

    /** A text field of the multipart form. */
    Optional<String> field(String name);
}
