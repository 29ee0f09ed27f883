package dev.metanode.core.net;

import dev.metanode.core.crypto.PublicKey;
import java.security.MessageDigest;

/**
 * How a Noise session is bound to a node's Ed25519 key without a signature: a node's static X25519
 * key is its Ed25519 key mapped to Curve25519 ({@link PublicKey#x25519PublicKey()}), and its
 * encrypted handshake payload names the Ed25519 key. The payload is encrypted after {@code es}
 * (responder) or {@code se} (initiator), so only the holder of the static private key, which is the
 * Ed25519 private key, could have sent it; the receiver then checks that the static key it got is
 * the map of the key named, and that the key is one it accepts.
 */
final class IdentityBinding {
    static final int BYTES = PublicKey.KEY_BYTES;

    private IdentityBinding() {}

    static byte[] payload(NodeIdentity local) {
        return local.publicKey().bytes();
    }

    /** Checks a decrypted payload against the peer's static key and the policy; returns the key or throws. */
    static PublicKey verify(byte[] payload, byte[] remoteStatic, HandshakePolicy policy) {
        if (payload.length != BYTES) {
            throw new TransportException("identity payload has " + payload.length + " bytes, expected " + BYTES);
        }
        PublicKey key;
        try {
            key = PublicKey.fromBytes(payload);
        } catch (IllegalArgumentException e) {
            throw new TransportException("peer named an invalid Ed25519 key");
        }
        policy.check(key);
        if (!MessageDigest.isEqual(key.x25519PublicKey(), remoteStatic)) {
            throw new TransportException("static key of the peer is not the one of " + key.fingerprint());
        }
        return key;
    }
}
