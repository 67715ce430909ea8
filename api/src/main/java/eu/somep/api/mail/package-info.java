/** E-mail for plugins: the kernel's SMTP connection and the site's address for links in mails. */
@Version("1.0.0")
@Export
package eu.somep.api.mail;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
