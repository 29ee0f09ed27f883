package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import dev.metanode.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;

/**
 * The encrypted handshake payload that binds a Noise session to a node's Ed25519 key: the key and
 * its signature over a domain tag, the signer's role and the handshake hash at that point. The hash
 * covers both ephemerals, the KEM ciphertext and the signer's static key, so a proof cannot be
 * replayed into another session, and the role byte stops a responder's proof being reflected.
 */
final class IdentityProof {
    static final int BYTES = PublicKey.KEY_BYTES + PublicKey.SIGNATURE_BYTES;
    private static final byte[] DOMAIN = "metanode-bpci/1 identity\0".getBytes(StandardCharsets.US_ASCII);
    static final byte ROLE_INITIATOR = 1;
    static final byte ROLE_RESPONDER = 2;

    private IdentityProof() {}

    static byte[] create(SigningKey key, byte role, byte[] handshakeHash) {
        byte[] out = new byte[BYTES];
        System.arraycopy(key.publicKey().bytes(), 0, out, 0, PublicKey.KEY_BYTES);
        byte[] signature = key.sign(signedMessage(role, handshakeHash));
        System.arraycopy(signature, 0, out, PublicKey.KEY_BYTES, PublicKey.SIGNATURE_BYTES);
        return out;
    }

    /** Parses and checks a proof against the policy; returns the proven key or throws. */
    static PublicKey verify(byte[] proof, byte role, byte[] handshakeHash, HandshakePolicy policy) {
        if (proof.length != BYTES) {
            throw new TransportException("identity proof has " + proof.length + " bytes, expected " + BYTES);
        }
        byte[] keyBytes = new byte[PublicKey.KEY_BYTES];
        System.arraycopy(proof, 0, keyBytes, 0, keyBytes.length);
        PublicKey key = PublicKey.fromBytes(keyBytes);
        policy.check(key);
        byte[] signature = new byte[PublicKey.SIGNATURE_BYTES];
        System.arraycopy(proof, PublicKey.KEY_BYTES, signature, 0, signature.length);
        if (!key.verify(signedMessage(role, handshakeHash), signature)) {
            throw new TransportException("identity signature of " + key.fingerprint() + " does not verify");
        }
        return key;
    }

    private static byte[] signedMessage(byte role, byte[] handshakeHash) {
        byte[] message = new byte[DOMAIN.length + 1 + handshakeHash.length];
        System.arraycopy(DOMAIN, 0, message, 0, DOMAIN.length);
        message[DOMAIN.length] = role;
        System.arraycopy(handshakeHash, 0, message, DOMAIN.length + 1, handshakeHash.length);
        return message;
    }
}
