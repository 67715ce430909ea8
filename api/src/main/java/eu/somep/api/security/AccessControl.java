package eu.somep.api.security;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Contexts, role assignments and capability checks, Moodle-style, for plugins that own course categories,
 * courses and activities. Contexts form a tree (site, course category, course, activity); a role assigned in a
 * context applies below it, and permissions can be overridden in a lower context.
 *
 * <p>Answers are cached by the kernel and forgotten on every change of roles, permissions or assignments.
 */
@ProviderType
public interface AccessControl {
    /** The site context, the root of the tree. */
    long SITE = 1;
    String CATEGORY = "category";
    String COURSE = "course";
    String ACTIVITY = "activity";

    /** The context of an object a plugin owns ({@code level} and the object's id), created on first use under {@code parent}. */
    long context(String level, long instanceId, long parent);

    /** The context of an object, if it has one. */
    Optional<Long> findContext(String level, long instanceId);

    /** Moves a context (and so everything below it) under another parent, for example a course to another category. */
    void move(long context, long newParent);

    /** Deletes a context with its children, their role assignments and overrides (the object is being deleted). */
    void deleteContext(long context);

    /** Whether the current user has the capability in the context. */
    boolean can(String capability, long context);

    /** Whether a user has the capability in the context. */
    boolean can(long userId, String capability, long context);

    /**
     * Throws a 401 problem (not signed in) or 403 problem (signed in, lacking the capability) unless the current
     * user has the capability in the context.
     */
    void require(String capability, long context);

    /**
     * The object-level check: passes when the current user owns the object ({@code ownerId}) and holds
     * {@code ownCapability} (null: no capability needed beyond ownership), or holds {@code anyCapability} in the
     * context. Otherwise throws a 404 problem, so that nobody learns which ids exist.
     */
    void requireOwnerOr(long ownerId, String ownCapability, String anyCapability, long context);

    /** Assigns a role (by short name, such as {@code trainer} or {@code trainee}) to a user in a context. */
    void assign(long userId, String role, long context);

    /** Removes a role assignment; false when there was none. */
    boolean unassign(long userId, String role, long context);

    /** The users with a role assigned directly in the context. */
    List<Long> usersWithRole(String role, long context);

    /** The roles (short names) assigned to a user directly in the context. */
    List<String> rolesOf(long userId, long context);
}
