package eu.somep.core.view;

/** A page writer that can drop what was written after a mark: a failed themed rendering is redone without a copy. */
public interface Rewindable {
    int mark();

    void rewind(int mark);
}
