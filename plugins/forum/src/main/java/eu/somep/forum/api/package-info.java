/**
 * What the forum offers other plugins: a discussion about a thing they own (a best-practice case, say), one per
 * thing, in a site forum the forum keeps for that plugin. Import it with {@code resolution:=optional} and reference
 * {@link eu.somep.forum.api.SubjectDiscussions} optionally, so that a plugin works without the forum.
 */
@Version("1.0.0")
@Export
package eu.somep.forum.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
