package dev.metanode.core.log;

/**
 * A well-formed signed note is not signed as required: a known key's signature is invalid, no known
 * key signed it, or (for checkpoints) it is for another log's origin.
 */
public final class NoteVerificationException extends NoteException {
    private static final long serialVersionUID = 1L;

    public NoteVerificationException(String message) {
        super(message);
    }
}
