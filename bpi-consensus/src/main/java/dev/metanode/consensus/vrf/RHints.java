package dev.metanode.consensus.vrf;

import java.util.Arrays;

/**
 * The x-coordinates of signature R points decoded lately, by R's 32-byte encoding. Decoding R costs
 * a square root, about a fifth of a signature's share of a batch check; a node that gossips a
 * transaction it has checked passes R's x along (wire type 10), and its peers check the hint with
 * a few multiplications instead: x canonical and non-zero, its sign the one R's encoding names,
 * and (x, y) on the curve. Then (x, y) is exactly the point decoding finds, so no answer depends on
 * a hint; a hint that fails is ignored and R decoded as usual. A hostile peer can only make hints
 * useless.
 *
 * <p>Bounded and lossy: one slot per low bits of R's encoding ({@value #SLOTS} slots, 4 MiB), a newer
 * R replaces an older one. Slots are written and read without locks, on purpose: a read that races
 * a write may pair one R with another's x, which fails the check like any wrong hint, and costs the
 * decoding it would have cost anyway; locks or a fresh array per entry would cost every signature.
 */
public final class RHints {
    static final int SLOTS = 1 << 16;
    /** R's encoding, and a hint for its x: 32 bytes each. */
    public static final int BYTES = 32;
    private static final byte[] R = new byte[SLOTS * BYTES];
    private static final byte[] X = new byte[SLOTS * BYTES];

    private RHints() {}

    /** The hint for the R of {@code signature} (its first 32 bytes), or null. */
    public static byte[] x(byte[] signature) {
        byte[] x = new byte[BYTES];
        return copyX(signature, x) ? x : null;
    }

    /** A peer's hint for the R of {@code signature}: kept unchecked (it is checked where it is used). */
    public static void offer(byte[] signature, byte[] x) {
        if (signature == null || signature.length < BYTES || x == null || x.length != BYTES) {
            return;
        }
        int at = slot(signature) * BYTES;
        System.arraycopy(x, 0, X, at, BYTES);
        System.arraycopy(signature, 0, R, at, BYTES);
    }

    /** Copies the hint for the R of {@code signature} into {@code out}; false if there is none. */
    static boolean copyX(byte[] signature, byte[] out) {
        if (signature == null || signature.length < BYTES) {
            return false;
        }
        int at = slot(signature) * BYTES;
        if (!Arrays.equals(R, at, at + BYTES, signature, 0, BYTES)) {
            return false;
        }
        System.arraycopy(X, at, out, 0, BYTES);
        return true;
    }

    /** Remembers the x this node found decoding the R of {@code signature}; allocates nothing. */
    static void remember(byte[] signature, FieldElement51 x) {
        int at = slot(signature) * BYTES;
        x.encodeInPlace(X, at);
        System.arraycopy(signature, 0, R, at, BYTES);
    }

    /** The low 16 bits of R's y: R is a hash output, so they spread evenly. */
    private static int slot(byte[] signature) {
        return ((signature[0] & 0xff) | (signature[1] & 0xff) << 8) & (SLOTS - 1);
    }
}
