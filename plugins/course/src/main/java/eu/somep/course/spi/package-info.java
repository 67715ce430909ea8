/**
 * The activity-type extension point of the course plugin: another plugin (a forum, a quiz, a library folder)
 * registers an {@link eu.somep.course.spi.ActivityType} service, and trainers add its activities to course sections.
 * Activities report completion and grades through the {@link eu.somep.course.spi.CourseTracker} service. A forum offers
 * discussions about other plugins' things through {@link eu.somep.course.spi.SubjectDiscussions} (since 1.2). A completion can be withdrawn (since 1.3).
 */
@Version("1.3.0")
@Export
package eu.somep.course.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
