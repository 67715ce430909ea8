@Version("1.0.0")
@Export
package eu.somep.spi.task;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
