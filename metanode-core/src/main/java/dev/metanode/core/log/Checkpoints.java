package dev.metanode.core.log;

/** Reading checkpoints this node signed itself, where a malformed note is a programmer's error. */
public final class Checkpoints {
    private Checkpoints() {}

    /** The checkpoint inside a note this node produced; its signature is not checked here. */
    public static Checkpoint ofOwnNote(String note) {
        try {
            return Checkpoint.parse(SignedNote.parse(note).text());
        } catch (NoteException e) {
            throw new IllegalStateException("the node produced a malformed checkpoint: " + e.getMessage(), e);
        }
    }
}
