package dev.metanode.core.net;

import java.security.SecureRandom;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** An X25519 key pair through Bouncy Castle's rfc7748 code (constant time, no JCA overhead). */
final class DhKeyPair {
    static final int KEY_BYTES = X25519.POINT_SIZE;

    private final byte[] privateKey = new byte[X25519.SCALAR_SIZE];
    private final byte[] publicKey = new byte[KEY_BYTES];

    private DhKeyPair() {}

    static DhKeyPair generate(SecureRandom random) {
        DhKeyPair pair = new DhKeyPair();
        X25519.generatePrivateKey(random, pair.privateKey);
        X25519.generatePublicKey(pair.privateKey, 0, pair.publicKey, 0);
        return pair;
    }

    /** The pair of a given private key (copied; the caller may erase its array). */
    static DhKeyPair fromPrivateKey(byte[] privateKey) {
        if (privateKey.length != X25519.SCALAR_SIZE) {
            throw new IllegalArgumentException("an X25519 private key has " + X25519.SCALAR_SIZE + " bytes");
        }
        DhKeyPair pair = new DhKeyPair();
        System.arraycopy(privateKey, 0, pair.privateKey, 0, X25519.SCALAR_SIZE);
        X25519.generatePublicKey(pair.privateKey, 0, pair.publicKey, 0);
        return pair;
    }

    byte[] publicKey() {
        return publicKey.clone();
    }

    /** DH(this, remote). A low-order remote point gives all zeros, which we refuse (RFC 7748 section 6.1). */
    byte[] agree(byte[] remotePublicKey) {
        byte[] shared = new byte[KEY_BYTES];
        if (!X25519.calculateAgreement(privateKey, 0, remotePublicKey, 0, shared, 0)) {
            throw new TransportException("peer sent a low-order X25519 point");
        }
        return shared;
    }

    @Override
    public String toString() {
        return "DhKeyPair[redacted]";
    }
}
