package eu.somep.core.plugin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.somep.core.access.CapabilityDef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import org.osgi.framework.Bundle;

/** Reads the capabilities a plugin declares as data, in {@code capabilities.json} at the root of its bundle. */
final class PluginCapabilities {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PluginCapabilities() {
    }

    static List<CapabilityDef> read(Bundle b) {
        URL url = b.getEntry("capabilities.json");
        if (url == null) return List.of();
        try (InputStream in = url.openStream()) {
            return JSON.readValue(in, new TypeReference<List<CapabilityDef>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
