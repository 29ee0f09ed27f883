package dev.metanode.core.log;

import java.util.List;
import java.util.Objects;

/**
 * Accepts a signed checkpoint only if the trusted log key signed it and it names the expected
 * origin. The checkpoint text is parsed only after the signature verifies, since the spec says
 * unverified note text must be ignored.
 */
public final class CheckpointVerifier {
    private final NoteVerifierKey key;
    private final String origin;

    /** Expects checkpoints whose origin is the key's name (the tlog-checkpoint convention). */
    public CheckpointVerifier(NoteVerifierKey key) {
        this(key, key.name());
    }

    public CheckpointVerifier(NoteVerifierKey key, String origin) {
        this.key = Objects.requireNonNull(key, "key");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    /** One-off form of {@code new CheckpointVerifier(key).verify(signedNote)}. */
    public static Checkpoint verify(String signedNote, NoteVerifierKey key) throws NoteException {
        return new CheckpointVerifier(key).verify(signedNote);
    }

    /**
     * Parses and verifies a signed checkpoint note; other signatures (witnesses) are ignored.
     *
     * @throws NoteFormatException if the note or checkpoint text is malformed
     * @throws NoteVerificationException if the trusted key did not validly sign it, or it is for
     *     another origin
     */
    public Checkpoint verify(String signedNote) throws NoteException {
        SignedNote note = SignedNote.parse(signedNote);
        note.verify(List.of(key));
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        if (!checkpoint.origin().equals(origin)) {
            throw new NoteVerificationException("checkpoint is for origin '" + checkpoint.origin() + "', expected '"
                    + origin + "'");
        }
        return checkpoint;
    }
}
