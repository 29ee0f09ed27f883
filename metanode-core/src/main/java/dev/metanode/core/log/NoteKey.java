package dev.metanode.core.log;

import dev.metanode.core.crypto.SigningKey;
import java.util.Objects;

/**
 * An Ed25519 signing key with its signed-note key name, e.g. the node key signing checkpoints
 * under the log's origin. The matching {@link #verifierKey()} is what verifiers are configured with.
 */
public final class NoteKey {
    private final SigningKey signingKey;
    private final NoteVerifierKey verifierKey;

    /**
     * Binds {@code signingKey} to the note key {@code name}.
     *
     * @throws IllegalArgumentException if the name is empty or has spaces, '+' or control characters
     */
    public NoteKey(String name, SigningKey signingKey) {
        Objects.requireNonNull(signingKey, "signingKey");
        this.verifierKey = NoteVerifierKey.of(name, signingKey.publicKey());
        this.signingKey = signingKey;
    }

    public String name() {
        return verifierKey.name();
    }

    public int keyId() {
        return verifierKey.keyId();
    }

    public NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    /** Signs the note text bytes (the text up to and including its final newline). */
    NoteSignature sign(byte[] text) {
        return new NoteSignature(name(), keyId(), signingKey.sign(text));
    }

    @Override
    public String toString() {
        return "NoteKey[" + name() + "+" + verifierKey.keyIdHex() + "]";
    }
}
