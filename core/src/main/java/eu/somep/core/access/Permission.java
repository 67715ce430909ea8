package eu.somep.core.access;

import java.util.Locale;

/** A role's permission for a capability in a context, as in Moodle; no row means inherit. */
public enum Permission {
    ALLOW(1), PREVENT(-1), PROHIBIT(-1000);

    public final int value;

    Permission(int value) {
        this.value = value;
    }

    public static Permission of(int value) {
        for (Permission p : values()) if (p.value == value) return p;
        throw new IllegalArgumentException("No permission " + value);
    }

    /** {@code allow}, {@code prevent}, {@code prohibit}; null for {@code inherit}. */
    public static Permission parse(String s) {
        if (s == null || s.equalsIgnoreCase("inherit")) return null;
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
