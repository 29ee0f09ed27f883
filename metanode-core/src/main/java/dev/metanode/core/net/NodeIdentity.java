package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.util.Arrays;

/**
 * This node's identity on the wire: its Ed25519 node key, which peers know from the validator set,
 * and the same key mapped to X25519 as the Noise static key ({@link SigningKey#x25519PrivateKey()}).
 * Because the static key is the identity key, the handshake's {@code es} and {@code se}
 * Diffie-Hellman results authenticate the Ed25519 identity; no signature is needed.
 */
public final class NodeIdentity {
    private final PublicKey publicKey;
    private final DhKeyPair staticKey;

    /** Any pair; only {@link #create} makes one that peers accept (tests make the others). */
    NodeIdentity(PublicKey publicKey, DhKeyPair staticKey) {
        this.publicKey = publicKey;
        this.staticKey = staticKey;
    }

    public static NodeIdentity create(SigningKey signingKey) {
        if (signingKey == null) {
            throw new IllegalArgumentException("a node identity needs a signing key");
        }
        byte[] privateKey = signingKey.x25519PrivateKey();
        try {
            return new NodeIdentity(signingKey.publicKey(), DhKeyPair.fromPrivateKey(privateKey));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    DhKeyPair staticKey() {
        return staticKey;
    }

    @Override
    public String toString() {
        return "NodeIdentity[" + publicKey.fingerprint() + "]";
    }
}
