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
    private static final int GAMMA_BYTES = 32;
    /** Digit width for H and Gamma in verification: 8 odd multiples, built per proof. */
    private static final int POINT_WIDTH = 5;
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
     * Every input is public, so U = [s]B - [c]Y and V = [s]H - [c]Gamma are computed on the
     * variable-time verification arithmetic ({@link StrausSum}), as signatures are: about a third
     * of the constant-time multiplications' cost, and every validator verifies every block's proof.
     */
    public static Optional<byte[]> verify(byte[] publicKey, byte[] alpha, byte[] proof) {
        if (publicKey == null || proof == null || alpha == null || proof.length != PROOF_BYTES
                || publicKey.length != VerifyKey.BYTES) {
            return Optional.empty();
        }
        VerifyKey y = VerifyKey.of(publicKey, new VerifyKey.KeyBytes()); // validate_key: a point, not of small order
        VerifyPoint gamma = new VerifyPoint();
        if (y == null || !gamma.decodeCanonical(proof, 0)
                || !ScalarModL.isBelowL(proof, GAMMA_BYTES + CHALLENGE_BYTES)) {
            return Optional.empty();
        }
        Optional<EdwardsPoint> encoded = encodeToCurve(publicKey, alpha);
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        byte[] hString = encoded.get().encode();
        VerifyPoint h = new VerifyPoint();
        if (!h.decode(hString, 0)) {
            throw new IllegalStateException("an encoded point decodes");
        }
        byte[] beta = hashOfGamma(gamma); // before gamma becomes its table
        long[] s = new long[ScalarModL.LIMBS];
        long[] c = new long[ScalarModL.LIMBS];
        ScalarModL.load(proof, GAMMA_BYTES + CHALLENGE_BYTES, ScalarModL.BYTES, s, ScalarModL.LIMBS);
        ScalarModL.load(proof, GAMMA_BYTES, CHALLENGE_BYTES, c, ScalarModL.LIMBS);
        byte[] u = difference(OddMultiples.BASE, OddMultiples.BASE_WIDTH, s, y.multiples, VerifyKey.WIDTH, c);
        byte[] v = difference(table(h), POINT_WIDTH, s, table(gamma), POINT_WIDTH, c);
        byte[] expected = challenge(publicKey, hString, Arrays.copyOf(proof, GAMMA_BYTES), u, v);
        return Arrays.equals(expected, 0, CHALLENGE_BYTES, proof, GAMMA_BYTES, GAMMA_BYTES + CHALLENGE_BYTES)
                ? Optional.of(beta) : Optional.empty();
    }

    /** ECVRF_proof_to_hash (section 5.2) of a proof whose Gamma decodes; empty otherwise. */
    public static Optional<byte[]> proofToHash(byte[] proof) {
        if (proof == null || proof.length != PROOF_BYTES) {
            return Optional.empty();
        }
        VerifyPoint gamma = new VerifyPoint();
        if (!gamma.decodeCanonical(proof, 0)) {
            return Optional.empty();
        }
        return Optional.of(hashOfGamma(gamma));
    }

    private static byte[] hashOfGamma(VerifyPoint gamma) {
        VerifyPoint eightGamma = new VerifyPoint();
        eightGamma.set(gamma);
        eightGamma.timesCofactor();
        return VrfSecretKey.sha512(new byte[] {SUITE, 0x03}, eightGamma.encode(), new byte[] {0x00});
    }

    /** [a]P - [b]Q, encoded; P and Q given by their tables of odd multiples. */
    private static byte[] difference(CachedPoint[] p, int pWidth, long[] a, CachedPoint[] q, int qWidth, long[] b) {
        StrausSum sum = new StrausSum();
        sum.start(2);
        sum.term(p, pWidth, a, ScalarModL.LIMBS, false);
        sum.term(q, qWidth, b, ScalarModL.LIMBS, true);
        VerifyPoint out = new VerifyPoint();
        sum.sumInto(out);
        return out.encode();
    }

    /** The odd multiples of {@code p} for digits of {@link #POINT_WIDTH}; {@code p} is used up. */
    private static CachedPoint[] table(VerifyPoint p) {
        CachedPoint[] table = CachedPoint.array(OddMultiples.entries(POINT_WIDTH));
        OddMultiples.fill(p, new CachedPoint(), table, table.length);
        return table;
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
    static byte[] challenge(byte[] p1, byte[] p2, byte[] p3, byte[] p4, byte[] p5) {
        byte[] hash = VrfSecretKey.sha512(new byte[] {SUITE, 0x02}, p1, p2, p3, p4, p5, new byte[] {0x00});
        return Arrays.copyOf(hash, CHALLENGE_BYTES);
    }
}
