package eu.somep.core.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eu.somep.spi.privacy.PrivacyExport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One zip archive of a person's data: each component writes into its own folder. Names from providers are made
 * safe (no paths, no duplicates), since a user's file names travel into them.
 */
final class ZipExport {
    private static final ObjectMapper PROTOTYPE = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    /** Per export: a mapper caches serializers of the plugins' classes, which must not outlive an uninstalled plugin. */
    final ObjectMapper json = PROTOTYPE.copy();

    private final ZipOutputStream zip;
    private final Set<String> names = new HashSet<>();

    ZipExport(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    /** The folder of one component; records what it wrote, for the archive's index. */
    Folder folder(String component) {
        return new Folder(component);
    }

    /** Adds an entry and returns its name (the given one, numbered if it was taken). */
    String entry(String name, byte[] bytes) throws IOException {
        String unique = unique(name);
        zip.putNextEntry(new ZipEntry(unique));
        zip.write(bytes);
        zip.closeEntry();
        return unique;
    }

    void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    private String unique(String name) {
        String candidate = name;
        for (int i = 2; !names.add(candidate); i++) {
            int dot = name.lastIndexOf('.');
            candidate = dot > name.lastIndexOf('/') ? name.substring(0, dot) + "-" + i + name.substring(dot) : name + "-" + i;
        }
        return candidate;
    }

    /** Letters, digits, dot, dash and underscore; never empty, never a path, at most 100 characters. */
    static String safe(String name) {
        String s = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        if (s.length() > 100) s = s.substring(s.length() - 100);
        return s.isEmpty() ? "file" : s;
    }

    final class Folder implements PrivacyExport {
        private final String component;
        final List<String> written = new ArrayList<>();

        Folder(String component) {
            this.component = safe(component);
        }

        @Override
        public void json(String name, Object value) throws IOException {
            written.add(entry(component + "/" + safe(name) + ".json", json.writeValueAsBytes(value)));
        }

        @Override
        public void file(String name, InputStream content) throws IOException {
            written.add(entry(component + "/files/" + safe(name), content.readAllBytes()));
        }
    }
}
