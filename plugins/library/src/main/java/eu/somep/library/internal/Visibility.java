package eu.somep.library.internal;

import java.util.List;

/** Who may see a folder or a document: guests and everyone, signed-in members, or the participants of the folder's course. */
public final class Visibility {
    public static final String PUBLIC = "public";
    public static final String MEMBERS = "members";
    public static final String COURSE = "course";
    public static final List<String> ALL = List.of(PUBLIC, MEMBERS, COURSE);

    private Visibility() {
    }
}
