@Version("1.1.0")
@Export
package eu.somep.spi.web;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
