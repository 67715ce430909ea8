package eu.somep.api.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Looks up accounts for plugins: participants lists, authors of posts, enrolment by user name. */
@ProviderType
public interface UserDirectory {

    /** What a plugin may know of an account. */
    record Person(long id, String username, String displayName, String email) {
    }

    Optional<Person> byId(long id);

    Optional<Person> byUsername(String username);

    /** The accounts with these ids that exist, in no particular order. */
    List<Person> byIds(Collection<Long> ids);

    /** The ids of every account that may sign in (not suspended, not awaiting confirmation or approval), e.g. for forced subscriptions. */
    List<Long> activeIds();
}
