/** Themes: a plugin that changes the site's look (stylesheets, logo, layout templates) without touching the kernel. */
@Version("1.0.0")
@Export
package eu.somep.spi.theme;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
