package eu.somep.core.plugin;

import com.fasterxml.jackson.databind.type.TypeFactory;
import java.beans.Introspector;

/**
 * Empties the caches of the kernel's shared libraries that keep plugin classes: a class keeps its class loader, and
 * with it every class of a plugin version that was uninstalled or upgraded (the soak found both below holding old
 * library loaders). Called once the framework has dropped an old bundle revision.
 */
final class SharedCaches {
    private SharedCaches() {
    }

    static void forgetPluginClasses() {
        // Jackson's shared type cache (every ObjectMapper built without its own TypeFactory, the plugins' too) holds
        // classes strongly; it is a bounded LRU map, so a quiet site could keep an old loader for good.
        TypeFactory.defaultInstance().clearCache();
        // Freemarker introspects through java.beans, whose JDK-wide cache keeps classes by soft reference: an old
        // loader would stay until the heap runs short rather than go at the next collection.
        Introspector.flushCaches();
    }
}
