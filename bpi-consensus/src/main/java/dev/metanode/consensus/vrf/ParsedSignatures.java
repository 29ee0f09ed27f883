package dev.metanode.consensus.vrf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Signatures decoded for checking, in reusable slots (one set per thread): s and k = SHA-512(R||A||M)
 * mod L as 21-bit limbs, the key, and R's table of odd multiples. A slot is taken only by a
 * signature that passed every check that needs no equation: lengths, s &lt; L, R and the key
 * canonical encodings of points, the key not of small order.
 */
final class ParsedSignatures {
    /** R's scalars are 128-bit weights: width 5 (8 entries) costs as much as width 4 and no more. */
    static final int R_WIDTH = 5;
    static final int SIGNATURE_BYTES = 64;

    int count;
    int[] index = new int[0];
    long[][] s = new long[0][];
    long[][] k = new long[0][];
    VerifyKey[] keys = new VerifyKey[0];
    /** R, 3R .. 15R; only R itself for a parse that will be checked alone. */
    CachedPoint[][] rMultiples = new CachedPoint[0][];

    private final VerifyPoint r = new VerifyPoint();
    private final CachedPoint twiceR = new CachedPoint();
    private final VerifyKey.KeyBytes probe = new VerifyKey.KeyBytes();
    private final MessageDigest sha512;
    private final byte[] digest = new byte[ScalarModL.WIDE_BYTES];
    private final long[] wide = new long[ScalarModL.WIDE_LIMBS];
    private final byte[] hint = new byte[RHints.BYTES];

    ParsedSignatures() {
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    /** Empties the slots, with room for {@code capacity} signatures. */
    void clear(int capacity) {
        if (capacity > s.length) {
            grow(capacity);
        }
        java.util.Arrays.fill(keys, 0, count, null);
        count = 0;
    }

    private void grow(int capacity) {
        int from = s.length;
        index = java.util.Arrays.copyOf(index, capacity);
        s = java.util.Arrays.copyOf(s, capacity);
        k = java.util.Arrays.copyOf(k, capacity);
        keys = java.util.Arrays.copyOf(keys, capacity);
        rMultiples = java.util.Arrays.copyOf(rMultiples, capacity);
        for (int i = from; i < capacity; i++) {
            s[i] = new long[ScalarModL.LIMBS];
            k[i] = new long[ScalarModL.LIMBS];
            rMultiples[i] = CachedPoint.array(OddMultiples.entries(R_WIDTH));
        }
    }

    /**
     * Decodes one signature into the next slot, tagged {@code at}; false (no slot taken) where it
     * fails on its own. {@code fullTable}: build R's odd multiples for a batch, not just R.
     */
    boolean add(byte[] pk, byte[] message, byte[] sig, int at, boolean fullTable) {
        if (pk == null || message == null || sig == null || sig.length != SIGNATURE_BYTES || pk.length != VerifyKey.BYTES
                || !ScalarModL.isBelowL(sig, 32) || !EdwardsPoint.canonicalEncoding(sig, 0)) {
            return false;
        }
        VerifyKey key = VerifyKey.of(pk, probe);
        if (key == null || !decodeR(sig)) {
            return false;
        }
        int slot = count++;
        index[slot] = at;
        keys[slot] = key;
        ScalarModL.load(sig, 32, ScalarModL.BYTES, s[slot], ScalarModL.LIMBS);
        hashToScalar(sig, pk, message, k[slot]);
        CachedPoint[] table = rMultiples[slot];
        OddMultiples.fill(r, twiceR, table, fullTable ? table.length : 1);
        return true;
    }

    /** R into {@link #r}: from a peer's hint when there is a good one, else decoded (and remembered for gossip). */
    private boolean decodeR(byte[] sig) {
        if (RHints.copyX(sig, hint) && r.decodeWithHint(sig, 0, hint, 0)) {
            return true;
        }
        if (!r.decode(sig, 0)) {
            return false;
        }
        RHints.remember(sig, r.x);
        return true;
    }

    /** k = SHA-512(R || A || M) mod L. */
    private void hashToScalar(byte[] sig, byte[] pk, byte[] message, long[] out) {
        sha512.update(sig, 0, 32);
        sha512.update(pk, 0, VerifyKey.BYTES);
        sha512.update(message);
        try {
            sha512.digest(digest, 0, digest.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a 64-byte buffer holds a SHA-512 digest", e);
        }
        ScalarModL.load(digest, 0, ScalarModL.WIDE_BYTES, wide, ScalarModL.WIDE_LIMBS);
        ScalarModL.reduceWide(wide);
        System.arraycopy(wide, 0, out, 0, ScalarModL.LIMBS);
    }
}
