package dev.metanode.core.crypto;

import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The birational map from Ed25519 keys to X25519 keys, as libsodium's
 * {@code crypto_sign_ed25519_sk_to_curve25519} and {@code crypto_sign_ed25519_pk_to_curve25519}
 * compute it. It lets a node use its one Ed25519 identity key for Diffie-Hellman too, so that a
 * Noise handshake authenticates the Ed25519 identity without a signature.
 *
 * <p>Edwards25519 and Curve25519 are the same group: Ed25519's public key is {@code A = a*B} with
 * {@code a} = the clamped first half of SHA-512(seed) (RFC 8032 §5.1.5), and the Montgomery
 * u-coordinate of {@code A} is {@code (1 + y) / (1 - y) mod p}. So X25519 with private scalar
 * {@code a} has public key {@code u(A)}. The map forgets the sign of x, so {@code A} and {@code -A}
 * give the same u; only the holder of {@code a} can use either. Field arithmetic is Bouncy Castle's.
 */
final class Ed25519ToX25519 {
    static final int KEY_BYTES = X25519.POINT_SIZE;

    private Ed25519ToX25519() {}

    /** The X25519 private key of an Ed25519 seed: SHA-512(seed)[0..32], clamped as RFC 7748 says. */
    static byte[] privateKey(byte[] seed) {
        SHA512Digest sha512 = new SHA512Digest();
        sha512.update(seed, 0, seed.length);
        byte[] hash = new byte[sha512.getDigestSize()];
        sha512.doFinal(hash, 0);
        byte[] scalar = new byte[X25519.SCALAR_SIZE];
        System.arraycopy(hash, 0, scalar, 0, scalar.length);
        java.util.Arrays.fill(hash, (byte) 0);
        X25519.clampPrivateKey(scalar);
        return scalar;
    }

    /**
     * The X25519 public key (Montgomery u) of a valid, canonically encoded Ed25519 public key
     * ({@link PublicKey} checks both when it is made). Public data, so variable time is fine.
     */
    static byte[] publicKey(byte[] edwardsY) {
        int[] y = X25519Field.create();
        X25519Field.decode(edwardsY, 0, y); // drops bit 255, the sign of x
        int[] one = X25519Field.create();
        X25519Field.one(one);
        int[] numerator = X25519Field.create();
        int[] denominator = X25519Field.create();
        X25519Field.add(one, y, numerator);
        X25519Field.sub(one, y, denominator);
        // y = 1 is the neutral point, which PublicKey refuses (not a valid key); were it to come
        // here, invVar(0) = 0 gives u = 0, a low-order point that every X25519 agreement refuses.
        X25519Field.invVar(denominator, denominator);
        int[] u = X25519Field.create();
        X25519Field.mul(numerator, denominator, u);
        X25519Field.normalize(u);
        byte[] out = new byte[KEY_BYTES];
        X25519Field.encode(u, out, 0);
        return out;
    }
}
