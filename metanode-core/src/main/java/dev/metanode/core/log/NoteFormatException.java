package dev.metanode.core.log;

/** Text that should be a signed note, checkpoint or verifier key does not follow its C2SP format. */
public final class NoteFormatException extends NoteException {
    private static final long serialVersionUID = 1L;

    public NoteFormatException(String message) {
        super(message);
    }
}
