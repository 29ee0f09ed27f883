package dev.metanode.core.log;

/**
 * A signed note or checkpoint could not be accepted. Subclasses say whether the text was malformed
 * ({@link NoteFormatException}) or its signatures did not check out ({@link NoteVerificationException}).
 */
public class NoteException extends Exception {
    private static final long serialVersionUID = 1L;

    public NoteException(String message) {
        super(message);
    }
}
