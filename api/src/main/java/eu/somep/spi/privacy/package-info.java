/** What every plugin that stores personal data implements, so users can get and erase their data (GDPR). */
@Version("1.1.0")
@Export
package eu.somep.spi.privacy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
