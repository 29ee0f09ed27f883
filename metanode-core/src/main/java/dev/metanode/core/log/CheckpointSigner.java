package dev.metanode.core.log;

import dev.metanode.core.crypto.SigningKey;
import java.util.Objects;

/**
 * Signs checkpoints of one log as C2SP signed notes. The origin (e.g. {@code metanode/<chain-id>})
 * doubles as the note key name, as tlog-checkpoint recommends, so verifiers can find the key by it.
 */
public final class CheckpointSigner {
    private final NoteKey key;

    /**
     * A signer for the log {@code origin}, e.g. {@code metanode/<chain-id>}.
     *
     * @throws IllegalArgumentException if the origin is not a valid note key name (empty, or has
     *     spaces, '+' or control characters)
     */
    public CheckpointSigner(SigningKey signingKey, String origin) {
        this.key = new NoteKey(origin, Objects.requireNonNull(signingKey, "signingKey"));
    }

    public String origin() {
        return key.name();
    }

    /** The key verifiers must trust, e.g. to print as {@code <origin>+<key id>+<base64 key>}. */
    public NoteVerifierKey verifierKey() {
        return key.verifierKey();
    }

    /**
     * The signed note text of the checkpoint for ({@code size}, {@code rootHash}).
     *
     * @throws IllegalArgumentException if the size is negative or the root is not 32 bytes
     */
    public String sign(long size, byte[] rootHash) {
        return sign(new Checkpoint(origin(), size, rootHash));
    }

    /**
     * The signed note text of {@code checkpoint}.
     *
     * @throws IllegalArgumentException if the checkpoint is for another origin
     */
    public String sign(Checkpoint checkpoint) {
        if (!checkpoint.origin().equals(origin())) {
            throw new IllegalArgumentException("checkpoint origin '" + checkpoint.origin() + "' is not this log's '"
                    + origin() + "'");
        }
        return SignedNote.sign(checkpoint.format(), key).format();
    }
}
