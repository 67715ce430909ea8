package eu.somep.course.spi;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Discussions about things plugins own (a best-practice case, say): found or started on demand, one per subject, for
 * the current user. The forum plugin provides it; others reference it optionally ({@code cardinality = OPTIONAL,
 * policy = DYNAMIC}) and work without it. It lives here, beside the activity types, rather than in a forum package,
 * so that using it wires no plugin to the forum's bundle: uninstalling the forum then refreshes no other plugin.
 */
@ProviderType
public interface SubjectDiscussions {

    /**
     * A thing to discuss.
     *
     * @param component  the plugin that owns it; its discussions share one site forum, made on first use
     * @param subject    the thing's key within the plugin (e.g. {@code case:12}), at most 200 characters
     * @param forumName  the name of the plugin's forum, used when it is made
     * @param forumIntro the forum's introduction, used when it is made
     * @param title      the discussion's title, used when it is started
     * @param text       the first post (plain text), used when it is started
     * @param link       the thing's page (a site path such as {@code /bestpractice/case/12}), linked from the first post
     */
    record Subject(String component, String subject, String forumName, String forumIntro, String title, String text, String link) {
    }

    /** The page of the discussion about a subject, if one was started and the current user may see it. */
    Optional<String> find(String component, String subject);

    /** Whether the current user may start discussions in the plugin's forum (signed in, with the capability). */
    boolean canStart(String component);

    /**
     * The page of the discussion about a subject: the existing one, or one the current user starts now (also when
     * two people ask at once, there is one). Throws the kernel's {@code Problem} (401, 403) when they may not.
     */
    String open(Subject s);
}
