package eu.somep.core.security;

import eu.somep.api.security.UserDirectory;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The kernel's {@link UserDirectory} service: accounts as plugins may see them (no hashes, no state). */
public final class Directory implements UserDirectory {
    private final Users users;

    public Directory(Users users) {
        this.users = users;
    }

    @Override
    public Optional<Person> byId(long id) {
        return users.any(id).map(this::person);
    }

    @Override
    public Optional<Person> byUsername(String username) {
        return username == null ? Optional.empty() : users.byName(username.trim()).map(this::person);
    }

    @Override
    public List<Person> byIds(Collection<Long> ids) {
        return users.people(ids);
    }

    @Override
    public List<Long> activeIds() {
        java.util.Map<Long, String> inactive = users.statuses();
        return users.list().stream().filter(u -> !u.suspended() && !inactive.containsKey(u.id())).map(User::id).toList();
    }

    private Person person(User u) {
        return new Person(u.id(), u.username(), u.displayName(), users.profile(u).email());
    }
}
