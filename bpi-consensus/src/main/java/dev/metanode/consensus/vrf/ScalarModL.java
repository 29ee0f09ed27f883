package dev.metanode.consensus.vrf;

/**
 * Integers mod L (the order of edwards25519's prime subgroup, L = 2^252 + DELTA) for signature
 * verification, without BigInteger: numbers are arrays of 21-bit limbs in longs (ref10's
 * representation), so every product of two limbs and every sum of a few thousand such products
 * fits in a long and needs no carry handling until the end. A scalar mod L has {@link #LIMBS}
 * limbs; a wide number (a SHA-512 digest, or a sum of products) has {@link #WIDE_LIMBS} limbs and
 * must stay below 2^512. Variable time: public inputs only.
 */
final class ScalarModL {
    static final int LIMB_BITS = 21;
    static final long LIMB_MASK = (1L << LIMB_BITS) - 1;
    /** Limbs of a scalar below 2^256: 11 of 21 bits and a top one of up to 25. */
    static final int LIMBS = 12;
    /** Limbs of a number below 2^512: 23 of 21 bits and a top one of up to 29. */
    static final int WIDE_LIMBS = 24;
    /** Limbs of a 128-bit batch weight: 6 of 21 bits and a top one of 2. */
    static final int WEIGHT_LIMBS = 7;
    static final int BYTES = 32;
    static final int WIDE_BYTES = 64;
    static final int WEIGHT_BYTES = 16;
    /** 64-bit words of a scalar for {@link NafDigits}, plus a zero word that its last window may read. */
    static final int WORDS = 5;
    /**
     * -DELTA in signed 21-bit limbs: since 2^252 = -DELTA mod L, a limb at 2^(21 i), i at least 12,
     * folds into the six limbs from i - 12 up (ref10's sc_reduce constants).
     */
    private static final long[] MINUS_DELTA = {666643, 470296, 654183, -997805, 136657, -683901};
    /** How far down a limb folds: 21 * 12 = 252. */
    private static final int FOLD = 12;
    /** L, little-endian. */
    private static final byte[] L_BYTES = {
        (byte) 0xed, (byte) 0xd3, (byte) 0xf5, (byte) 0x5c, (byte) 0x1a, (byte) 0x63, (byte) 0x12, (byte) 0x58,
        (byte) 0xd6, (byte) 0x9c, (byte) 0xf7, (byte) 0xa2, (byte) 0xde, (byte) 0xf9, (byte) 0xde, (byte) 0x14,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0x10};

    private ScalarModL() {}

    /** Whether the 32 little-endian bytes at {@code off} are below L (RFC 8032 refuses s at or above L). */
    static boolean isBelowL(byte[] b, int off) {
        for (int i = BYTES - 1; i >= 0; i--) {
            int x = b[off + i] & 0xff;
            int l = L_BYTES[i] & 0xff;
            if (x != l) {
                return x < l;
            }
        }
        return false; // equal to L
    }

    /**
     * Loads {@code count} little-endian bytes at {@code off} into {@code limbs} 21-bit limbs; the top
     * limb takes every remaining bit. {@code out} must have at least {@code limbs} entries.
     */
    static void load(byte[] b, int off, int count, long[] out, int limbs) {
        long acc = 0;
        int accBits = 0;
        int limb = 0;
        for (int i = 0; i < count; i++) {
            acc |= (b[off + i] & 0xffL) << accBits;
            accBits += 8;
            if (accBits >= LIMB_BITS && limb < limbs - 1) {
                out[limb++] = acc & LIMB_MASK;
                acc >>>= LIMB_BITS;
                accBits -= LIMB_BITS;
            }
        }
        out[limb++] = acc;
        while (limb < limbs) {
            out[limb++] = 0;
        }
    }

    /** acc += a * b, limb by limb, without carries (the caller keeps the sums below 2^63). */
    static void mulAdd(long[] acc, long[] a, int aLimbs, long[] b, int bLimbs) {
        for (int i = 0; i < aLimbs; i++) {
            long ai = a[i];
            for (int j = 0; j < bLimbs; j++) {
                acc[i + j] += ai * b[j];
            }
        }
    }

    /**
     * Reduces a wide number mod L in place: {@code s} holds {@link #WIDE_LIMBS} non-negative limbs of
     * any size (say, sums of products) whose value is below 2^512; afterwards s[0..11] hold the
     * value mod L in 21-bit limbs, below L, and the rest is zero. ref10's sc_reduce, step for step.
     */
    static void reduceWide(long[] s) {
        carryFloor(s, 0, WIDE_LIMBS - 2); // normal form first: the format sc_reduce's bounds assume
        for (int i = WIDE_LIMBS - 1; i >= 18; i--) {
            fold(s, i);
        }
        carryRounded(s, 6, 16);
        carryRounded(s, 7, 15);
        for (int i = 17; i >= FOLD; i--) {
            fold(s, i);
        }
        carryRounded(s, 0, 10);
        carryRounded(s, 1, 11);
        fold(s, FOLD);
        carryFloor(s, 0, 11);
        fold(s, FOLD);
        carryFloor(s, 0, 10);
    }

    /** Adds limb i's worth (s_i * 2^(21 i) = -s_i * DELTA * 2^(21 (i - 12)) mod L) to the six limbs from i - 12, then clears it. */
    private static void fold(long[] s, int i) {
        long v = s[i];
        for (int j = 0; j < MINUS_DELTA.length; j++) {
            s[i - FOLD + j] += v * MINUS_DELTA[j];
        }
        s[i] = 0;
    }

    /** Carries from every other limb, from..to, rounding to the nearest (limbs end in [-2^20, 2^20)). */
    private static void carryRounded(long[] s, int from, int to) {
        for (int k = from; k <= to; k += 2) {
            long c = (s[k] + (1L << (LIMB_BITS - 1))) >> LIMB_BITS;
            s[k + 1] += c;
            s[k] -= c << LIMB_BITS;
        }
    }

    /** Carries from each limb, from..to, rounding down (limbs end in [0, 2^21)). */
    private static void carryFloor(long[] s, int from, int to) {
        for (int k = from; k <= to; k++) {
            long c = s[k] >> LIMB_BITS;
            s[k + 1] += c;
            s[k] -= c << LIMB_BITS;
        }
    }

    /** The first {@code limbs} 21-bit limbs (in normal form, value below 2^256) as five 64-bit words, the last one 0. */
    static void toWords(long[] s, int limbs, long[] words) {
        java.util.Arrays.fill(words, 0, WORDS, 0);
        for (int i = 0; i < limbs; i++) {
            int bit = i * LIMB_BITS;
            int word = bit >>> 6;
            int shift = bit & 63;
            words[word] |= s[i] << shift;
            if (shift != 0 && word + 1 < WORDS) { // the limb's bits above bit 63 of this word
                words[word + 1] |= s[i] >>> (64 - shift);
            }
        }
    }
}
