package eu.somep.forum;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The forum's settings, described for OSGi Metatype (configuration PID {@code eu.somep.forum}). */
@ObjectClassDefinition(name = "Forum", description = "Settings of the forum plugin")
public @interface ForumConfig {
    @AttributeDefinition(name = "Edit window (minutes)", description = "How long authors may edit or delete their own posts", min = "0", max = "10080")
    int editMinutes() default 30;

    @AttributeDefinition(name = "Mail interval (seconds)", description = "How often queued forum posts are mailed to their subscribers (read when the plugin starts)", min = "5", max = "3600")
    int mailSeconds() default 60;

    @AttributeDefinition(name = "Digest hour (UTC)", description = "The daily digest goes out at the first run after this hour", min = "0", max = "23")
    int digestHour() default 17;
}
