package dev.metanode.consensus.vrf;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * ECVRF_verify as it was until session 9, on the constant-time {@link EdwardsPoint}: the reference
 * the variable-time {@link Ecvrf#verify} must agree with on every input ({@code EcvrfCrossCheckTest}).
 */
final class FormerEcvrf {
    private FormerEcvrf() {}

    static Optional<byte[]> verify(byte[] publicKey, byte[] alpha, byte[] proof) {
        if (publicKey == null || proof == null || alpha == null || proof.length != Ecvrf.PROOF_BYTES) {
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
        Optional<EdwardsPoint> encoded = Ecvrf.encodeToCurve(publicKey, alpha);
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        EdwardsPoint h = encoded.get();
        EdwardsPoint u = EdwardsPoint.multiplyBase(s).add(y.multiply(c).negate());
        EdwardsPoint v = h.multiply(s).add(gamma.multiply(c).negate());
        byte[] expected = Ecvrf.challenge(publicKey, h.encode(), gamma.encode(), u.encode(), v.encode());
        if (!Arrays.equals(expected, Arrays.copyOfRange(proof, 32, 48))) {
            return Optional.empty();
        }
        return Optional.of(VrfSecretKey.sha512(new byte[] {0x03, 0x03}, gamma.timesCofactor().encode(), new byte[] {0x00}));
    }
}
