package eu.somep.testkit;

/**
 * Who a test acts as. Trainee, trainer and manager are fresh accounts holding that role at site level (use
 * {@link Data#enrol} for a role in one course only); the administrator is the site's {@code admin}; a guest is
 * not signed in.
 */
public enum Role {
    GUEST(null),
    TRAINEE("trainee"),
    TRAINER("trainer"),
    MANAGER("manager"),
    ADMIN("administrator");

    private final String shortname;

    Role(String shortname) {
        this.shortname = shortname;
    }

    /** The kernel's role short name ({@code kernel_role.shortname}), null for a guest. */
    public String shortname() {
        return shortname;
    }
}
