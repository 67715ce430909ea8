package eu.somep.course.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The course plugin's service for activity types: find an activity, report completion and grades. */
@ProviderType
public interface CourseTracker {

    /** An activity of this type by its instance id. */
    Optional<ActivityInstance> activity(String type, long instanceId);

    /** An activity by the course plugin's id. */
    Optional<ActivityInstance> activity(long activityId);

    /** Whether the current user may see the activity (enrolled in its course, or allowed to see all courses, and it is visible to them). */
    boolean canView(long activityId);

    /** Whether a given user may see the activity, by the same rules (for mail to people who are not the current user). */
    boolean canView(long activityId, long userId);

    /** Records that a user completed an activity ({@code how}: viewed, posted, passed); repeated reports are harmless. */
    void completed(long activityId, long userId, String how);

    /**
     * Withdraws a completion recorded with this {@code how}, when what earned it no longer holds (a quiz regraded
     * below its pass grade is no longer "passed"); a completion recorded another way stays.
     * @since 1.3
     */
    void uncompleted(long activityId, long userId, String how);

    /** Records a user's grade for an activity, out of {@code max}; a later grade replaces it. */
    void graded(long activityId, long userId, double grade, double max);
}
