package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.security.SecureRandom;

/**
 * This node's identity on the wire: its Ed25519 node key, which peers know from the validator set,
 * and an X25519 static key for the Noise pattern. The X25519 key is made fresh at every start; what
 * peers trust is the Ed25519 signature over the handshake hash, which binds the two together.
 */
public final class NodeIdentity {
    private final SigningKey signingKey;
    private final DhKeyPair staticKey;

    private NodeIdentity(SigningKey signingKey, DhKeyPair staticKey) {
        this.signingKey = signingKey;
        this.staticKey = staticKey;
    }

    public static NodeIdentity create(SigningKey signingKey, SecureRandom random) {
        if (signingKey == null) {
            throw new IllegalArgumentException("a node identity needs a signing key");
        }
        return new NodeIdentity(signingKey, DhKeyPair.generate(random));
    }

    public PublicKey publicKey() {
        return signingKey.publicKey();
    }

    SigningKey signingKey() {
        return signingKey;
    }

    DhKeyPair staticKey() {
        return staticKey;
    }

    @Override
    public String toString() {
        return "NodeIdentity[" + signingKey.publicKey().fingerprint() + "]";
    }
}
