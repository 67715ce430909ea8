package eu.somep.api.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Who makes the current request, and what they may do. */
@ProviderType
public interface UserContext {

    /** The signed-in user's id, or empty for a guest. */
    Optional<Long> userId();

    /** The signed-in user's display name, or empty for a guest. */
    Optional<String> displayName();

    /** Whether the current user has the capability (for example {@code pages:edit}) in the site context. */
    boolean can(String capability);
}
