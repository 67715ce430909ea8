@Version("1.1.0")
@Export
package eu.somep.api.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
