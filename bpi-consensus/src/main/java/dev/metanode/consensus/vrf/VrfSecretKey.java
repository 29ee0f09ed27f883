package dev.metanode.consensus.vrf;

import dev.metanode.core.crypto.SigningKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * An ECVRF-EDWARDS25519-SHA512-TAI secret key (RFC 9381 section 5.5): a 32-byte seed expanded as
 * Ed25519 does (RFC 8032 section 5.1.5) into the secret scalar x and the nonce prefix.
 *
 * <p>A validator's VRF key is derived from, but is not, its signing key ({@link #derive}): using the
 * same scalar for Ed25519 signatures and VRF proofs is a cross-protocol risk, and
 * {@link SigningKey} rightly keeps its seed to itself.
 */
public final class VrfSecretKey {
    static final int SEED_BYTES = 32;
    private static final byte[] DERIVATION_MESSAGE =
            "metanode/vrf-key-derivation/v1: this signature is a secret, never publish it".getBytes(StandardCharsets.US_ASCII);

    private final BigInteger scalar;
    private final byte[] noncePrefix;
    private final byte[] publicKey;

    private VrfSecretKey(byte[] seed) {
        byte[] h = sha512(seed);
        byte[] s = Arrays.copyOf(h, 32);
        s[0] &= (byte) 248;
        s[31] &= 127;
        s[31] |= 64;
        this.scalar = Scalars.fromLittleEndian(s);
        this.noncePrefix = Arrays.copyOfRange(h, 32, 64);
        this.publicKey = EdwardsPoint.multiplyBase(scalar).encode();
    }

    /** The key of RFC 9381 for this 32-byte secret (the "SK" of its test vectors). */
    public static VrfSecretKey fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_BYTES) {
            throw new IllegalArgumentException("a VRF seed has " + SEED_BYTES + " bytes");
        }
        return new VrfSecretKey(seed.clone());
    }

    /**
     * The VRF key of a validator: the seed is the SHA-256 of the validator's (deterministic) Ed25519
     * signature over a fixed derivation message that nothing else ever signs, so only the holder of
     * the signing key can compute it, and it is the same on every start.
     */
    public static VrfSecretKey derive(SigningKey signingKey) {
        byte[] signature = signingKey.sign(DERIVATION_MESSAGE);
        return new VrfSecretKey(dev.metanode.core.crypto.Sha256.digest(signature));
    }

    /** The 32-byte public key Y = x*B (point_to_string). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    BigInteger scalar() {
        return scalar;
    }

    byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    static byte[] sha512(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-512");
            for (byte[] part : parts) {
                md.update(part);
            }
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    @Override
    public String toString() {
        return "VrfSecretKey[" + java.util.HexFormat.of().formatHex(publicKey, 0, 8) + "]";
    }
}
