package dev.metanode.consensus.vrf;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * ECVRF-EDWARDS25519-SHA512-TAI, RFC 9381 section 5 with the suite of section 5.5: try-and-increment
 * encode-to-curve, a 16-byte challenge, 80-byte proofs and 64-byte outputs. Verification validates
 * the public key (rejects small-order keys, section 5.4.5). Checked against Appendix B.3.
 */
public final class Ecvrf {
    /** pi_string: Gamma (32) || c (16) || s (32). */
    public static final int PROOF_BYTES = 80;
    /** beta_string: a SHA-512 output. */
    public static final int OUTPUT_BYTES = 64;
    /** The RFC's suite_string for ECVRF-EDWARDS25519-SHA512-TAI. */
    private static final byte SUITE = 0x03;
    private static final int CHALLENGE_BYTES = 16;
    /** try_and_increment gives up after 256 counters, as the RFC's one-octet ctr_string implies. */
    private static final int ENCODE_TRIES_MAX = 256;

    private Ecvrf() {}

    /** ECVRF_prove (section 5.1): the 80-byte proof of {@code alpha} under {@code key}. */
    public static byte[] prove(VrfSecretKey key, byte[] alpha) {
        byte[] pk = key.publicKey();
        EdwardsPoint h = encodeToCurve(pk, alpha)
                .orElseThrow(() -> new IllegalStateException("encode_to_curve failed for every counter"));
        byte[] hString = h.encode();
        EdwardsPoint gamma = h.multiply(key.scalar());
        BigInteger k = Scalars.fromLittleEndian(VrfSecretKey.sha512(key.noncePrefix(), hString)).mod(EdwardsPoint.L);
        byte[] c = challenge(pk, hString, gamma.encode(), EdwardsPoint.multiplyBase(k).encode(), h.multiply(k).encode());
        BigInteger s = k.add(Scalars.fromLittleEndian(c).multiply(key.scalar())).mod(EdwardsPoint.L);
        byte[] pi = new byte[PROOF_BYTES];
        System.arraycopy(gamma.encode(), 0, pi, 0, 32);
        System.arraycopy(c, 0, pi, 32, CHALLENGE_BYTES);
        System.arraycopy(Scalars.toLittleEndian(s, 32), 0, pi, 48, 32);
        return pi;
    }

    /**
     * ECVRF_verify (section 5.3) with validate_key: the output beta if {@code proof} is a valid
     * proof of {@code alpha} under {@code publicKey}, empty otherwise (never throws on bad input).
     */
    public static Optional<byte[]> verify(byte[] publicKey, byte[] alpha, byte[] proof) {
        if (publicKey == null || proof == null || alpha == null || proof.length != PROOF_BYTES) {
            return Optional.empty();
        }
        EdwardsPoint y = EdwardsPoint.decode(publicKey);
        if (y == null || y.timesCofactor().isIdentity()) {
            return Optional.empty();
        }
        EdwardsPoint gamma = EdwardsPoint.decode(Arrays.copyOfRange(proof, 0, 32));
        if (gamma == null) {
            return Optional.empty();
        }
        BigInteger c = Scalars.fromLittleEndian(Arrays.copyOfRange(proof, 32, 48));
        BigInteger s = Scalars.fromLittleEndian(Arrays.copyOfRange(proof, 48, 80));
        if (s.compareTo(EdwardsPoint.L) >= 0) {
            return Optional.empty();
        }
        Optional<EdwardsPoint> encoded = encodeToCurve(publicKey, alpha);
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        EdwardsPoint h = encoded.get();
        EdwardsPoint u = EdwardsPoint.multiplyBase(s).add(y.multiply(c).negate());
        EdwardsPoint v = h.multiply(s).add(gamma.multiply(c).negate());
        byte[] expected = challenge(publicKey, h.encode(), gamma.encode(), u.encode(), v.encode());
        if (!Arrays.equals(expected, Arrays.copyOfRange(proof, 32, 48))) {
            return Optional.empty();
        }
        return Optional.of(hashOfGamma(gamma));
    }

    /** ECVRF_proof_to_hash (section 5.2) of a proof whose Gamma decodes; empty otherwise. */
    public static Optional<byte[]> proofToHash(byte[] proof) {
        if (proof == null || proof.length != PROOF_BYTES) {
            return Optional.empty();
        }
        EdwardsPoint gamma = EdwardsPoint.decode(Arrays.copyOfRange(proof, 0, 32));
        return gamma == null ? Optional.empty() : Optional.of(hashOfGamma(gamma));
    }

    private static byte[] hashOfGamma(EdwardsPoint gamma) {
        return VrfSecretKey.sha512(new byte[] {SUITE, 0x03}, gamma.timesCofactor().encode(), new byte[] {0x00});
    }

    /** ECVRF_encode_to_curve_try_and_increment (section 5.4.1.1), salt = the public key. */
    static Optional<EdwardsPoint> encodeToCurve(byte[] publicKey, byte[] alpha) {
        for (int ctr = 0; ctr < ENCODE_TRIES_MAX; ctr++) {
            byte[] hash = VrfSecretKey.sha512(new byte[] {SUITE, 0x01}, publicKey, alpha, new byte[] {(byte) ctr, 0x00});
            EdwardsPoint candidate = EdwardsPoint.decode(Arrays.copyOf(hash, 32));
            if (candidate != null) {
                EdwardsPoint h = candidate.timesCofactor();
                if (!h.isIdentity()) {
                    return Optional.of(h);
                }
            }
        }
        return Optional.empty();
    }

    /** ECVRF_challenge_generation (section 5.4.3): the first 16 bytes of the hash of five points. */
    private static byte[] challenge(byte[] p1, byte[] p2, byte[] p3, byte[] p4, byte[] p5) {
        byte[] hash = VrfSecretKey.sha512(new byte[] {SUITE, 0x02}, p1, p2, p3, p4, p5, new byte[] {0x00});
        return Arrays.copyOf(hash, CHALLENGE_BYTES);
    }
}
