package eu.somep.course.spi;

/**
 * One activity in a course, as its type sees it.
 *
 * @param activityId the course plugin's id of the activity (stable across moves)
 * @param courseId   the course it belongs to
 * @param instanceId the type's own id of the activity's data (0 until {@link ActivityType#create} returns)
 * @param context    the activity's access-control context, for capability checks in it
 * @param name       the name trainers gave it
 */
public record ActivityInstance(long activityId, long courseId, long instanceId, long context, String name) {
}
