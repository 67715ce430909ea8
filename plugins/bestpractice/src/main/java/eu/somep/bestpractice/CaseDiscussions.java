package eu.somep.bestpractice;

import java.util.Optional;

/** Discussing a case in the forum: registered by {@link ForumCaseDiscussions} only while the forum runs. */
public interface CaseDiscussions {
    /** The forum page of the case's discussion, if one was started (and the caller may see it). */
    Optional<String> find(Views.CaseView c);

    /** Whether the caller may start the case's discussion. */
    boolean canStart();

    /** The forum page of the case's discussion, started now by the caller when there is none. */
    String open(Views.CaseView c);
}
