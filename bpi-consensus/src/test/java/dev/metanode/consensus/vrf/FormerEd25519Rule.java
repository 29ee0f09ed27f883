package dev.metanode.consensus.vrf;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The single check as {@link Ed25519Batch#verify} answered it before its own verification
 * arithmetic (session 7), on the VRF's {@link EdwardsPoint} and BigInteger: the reference the new
 * code's answers are compared with. Canonical R and key encodings, a key not of small order, then
 * Bouncy Castle's check (whose yes implies the cofactored equation) or else s &lt; L and
 * [8]([s]B - R - [k]A) = 0.
 */
final class FormerEd25519Rule {
    private FormerEd25519Rule() {}

    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || message == null || signature == null || publicKey.length != 32
                || signature.length != 64 || !EdwardsPoint.canonicalEncoding(signature, 0)) {
            return false;
        }
        EdwardsPoint key = EdwardsPoint.decode(publicKey);
        if (key == null || key.timesCofactor().isIdentity()) {
            return false;
        }
        if (Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length)) {
            return true;
        }
        BigInteger s = Scalars.fromLittleEndian(Arrays.copyOfRange(signature, 32, 64));
        if (s.compareTo(EdwardsPoint.L) >= 0) {
            return false;
        }
        byte[] rBytes = Arrays.copyOfRange(signature, 0, 32);
        EdwardsPoint r = EdwardsPoint.decode(rBytes);
        if (r == null) {
            return false;
        }
        BigInteger k = Scalars.fromLittleEndian(VrfSecretKey.sha512(rBytes, publicKey, message)).mod(EdwardsPoint.L);
        EdwardsPoint sB = EdwardsPoint.multiplyBase(s);
        EdwardsPoint kA = key.multiply(k);
        return sB.add(r.negate()).add(kA.negate()).timesCofactor().isIdentity();
    }
}
