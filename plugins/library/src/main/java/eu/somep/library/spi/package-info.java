/**
 * The library's storage extension point: where the bytes of uploaded documents live. The library ships a store on
 * the local file system ({@code data/files/library/}); a plugin that registers a {@link eu.somep.library.spi.FileStore}
 * with a higher {@code service.ranking} (a shared or object store for several nodes) replaces it. The library's
 * setting {@code store = database} sends new files to its own store in the shared database instead.
 */
@Version("1.0.0")
@Export
package eu.somep.library.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
