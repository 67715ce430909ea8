@Version("1.2.0")
@Export
package eu.somep.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
