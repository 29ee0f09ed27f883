package dev.metanode.consensus.vrf;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The cofactored verification equation [8]([s]B - R - [k]A) = 0 for one parsed signature, and the
 * random linear combination of it over many: [8]([sum z_i s_i]B - sum [z_i]R_i - sum over keys
 * [sum z_i k_i]A) = 0 with secret random 128-bit weights z_i, so a false equation survives with
 * probability about 2^-128 (its [8](...) lies in the prime-order subgroup, where a random multiple
 * of a non-zero point is zero with probability 1/L per weight). Scalars of one key are added first,
 * so a key seen many times in a batch costs one term. One instance per thread, reused: no
 * allocation per signature.
 */
final class CofactoredEquation {
    private static final int SEED_BYTES = 32;
    private static final int HASH_BYTES = 64;
    private final SecureRandom random = new SecureRandom();
    private final MessageDigest sha512;
    private final byte[] seed = new byte[SEED_BYTES];
    private final byte[] counter = new byte[Integer.BYTES];
    /** Weights of the current batch, 16 bytes each; grows to the largest batch, never shrinks. */
    private byte[] weightBytes = new byte[0];
    private final long[] weight = new long[ScalarModL.WEIGHT_LIMBS];
    private final long[] baseScalar = new long[ScalarModL.WIDE_LIMBS];
    private long[][] keyScalars = new long[0][];
    private final KeySlots keySlots = new KeySlots();
    private final StrausSum sum = new StrausSum();
    private final VerifyPoint acc = new VerifyPoint();

    CofactoredEquation() {
        try {
            sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }

    /** The equation of signature {@code i} alone. */
    boolean holds(ParsedSignatures p, int i) {
        sum.start(2);
        sum.term(OddMultiples.BASE, OddMultiples.BASE_WIDTH, p.s[i], ScalarModL.LIMBS, false);
        sum.term(p.keys[i].multiples, VerifyKey.WIDTH, p.k[i], ScalarModL.LIMBS, true);
        sum.sumInto(acc);
        acc.sub(p.rMultiples[i][0], false);
        acc.timesCofactor();
        return acc.isIdentity();
    }

    /** The random combination of the equations of signatures {@code from .. to - 1}, which have full R tables. */
    boolean holds(ParsedSignatures p, int from, int to) {
        int n = to - from;
        drawWeights(n);
        Arrays.fill(baseScalar, 0);
        keySlots.clear(n);
        for (int i = from; i < to; i++) {
            loadWeight(i - from);
            ScalarModL.mulAdd(baseScalar, weight, ScalarModL.WEIGHT_LIMBS, p.s[i], ScalarModL.LIMBS);
            long[] keyScalar = keyScalar(p.keys[i]);
            ScalarModL.mulAdd(keyScalar, weight, ScalarModL.WEIGHT_LIMBS, p.k[i], ScalarModL.LIMBS);
        }
        sum.start(1 + keySlots.size + n);
        ScalarModL.reduceWide(baseScalar);
        sum.term(OddMultiples.BASE, OddMultiples.BASE_WIDTH, baseScalar, ScalarModL.LIMBS, false);
        for (int j = 0; j < keySlots.size; j++) {
            ScalarModL.reduceWide(keyScalars[j]);
            sum.term(keySlots.keys[j].multiples, VerifyKey.WIDTH, keyScalars[j], ScalarModL.LIMBS, true);
        }
        for (int i = from; i < to; i++) { // R terms last: their digits end at ~133, where the scan stops early
            loadWeight(i - from);
            sum.term(p.rMultiples[i], ParsedSignatures.R_WIDTH, weight, ScalarModL.WEIGHT_LIMBS, true);
        }
        sum.sumInto(acc);
        acc.timesCofactor();
        return acc.isIdentity();
    }

    /** Weights for {@code n} signatures: one call to the SecureRandom for the whole batch, then SHA-512(seed || block number). */
    private void drawWeights(int n) {
        int bytes = n * ScalarModL.WEIGHT_BYTES;
        int blocks = (bytes + HASH_BYTES - 1) / HASH_BYTES;
        if (weightBytes.length < blocks * HASH_BYTES) {
            weightBytes = new byte[blocks * HASH_BYTES];
        }
        random.nextBytes(seed);
        for (int b = 0; b < blocks; b++) {
            counter[0] = (byte) (b >>> 24);
            counter[1] = (byte) (b >>> 16);
            counter[2] = (byte) (b >>> 8);
            counter[3] = (byte) b;
            sha512.update(seed);
            sha512.update(counter);
            try {
                sha512.digest(weightBytes, b * HASH_BYTES, HASH_BYTES);
            } catch (DigestException e) {
                throw new IllegalStateException("64 bytes hold a SHA-512 digest", e);
            }
        }
    }

    /** The weight of the j-th signature of the batch; a weight of 0 (chance 2^-128) would drop its equation, so it becomes 1. */
    private void loadWeight(int j) {
        ScalarModL.load(weightBytes, j * ScalarModL.WEIGHT_BYTES, ScalarModL.WEIGHT_BYTES, weight, ScalarModL.WEIGHT_LIMBS);
        long any = 0;
        for (long limb : weight) {
            any |= limb;
        }
        if (any == 0) {
            weight[0] = 1;
        }
    }

    /** The accumulator of {@code key}'s scalar in this batch, zeroed when the key first appears. */
    private long[] keyScalar(VerifyKey key) {
        int before = keySlots.size;
        int slot = keySlots.slotOf(key);
        if (slot >= keyScalars.length) {
            keyScalars = Arrays.copyOf(keyScalars, Math.max(slot + 1, 2 * keyScalars.length));
            for (int j = 0; j < keyScalars.length; j++) {
                if (keyScalars[j] == null) {
                    keyScalars[j] = new long[ScalarModL.WIDE_LIMBS];
                }
            }
        }
        if (slot == before) {
            Arrays.fill(keyScalars[slot], 0);
        }
        return keyScalars[slot];
    }

    /** Distinct keys of a batch, numbered in order of appearance: an identity hash table, open addressing. */
    static final class KeySlots {
        VerifyKey[] keys = new VerifyKey[0];
        int size;
        private VerifyKey[] table = new VerifyKey[0];
        private int[] slots = new int[0];

        /** Empties the table (whatever happened to the last batch), with room for {@code atMost} keys. */
        void clear(int atMost) {
            int capacity = Integer.highestOneBit(Math.max(4, atMost) * 2 - 1) * 2; // load factor at most 1/2
            if (capacity > table.length) {
                table = new VerifyKey[capacity];
                slots = new int[capacity];
            } else {
                Arrays.fill(table, null);
            }
            if (atMost > keys.length) {
                keys = new VerifyKey[atMost];
            }
            Arrays.fill(keys, 0, size, null);
            size = 0;
        }

        int slotOf(VerifyKey key) {
            int mask = table.length - 1;
            for (int h = mix(System.identityHashCode(key)) & mask; ; h = (h + 1) & mask) {
                if (table[h] == null) {
                    table[h] = key;
                    slots[h] = size;
                    keys[size] = key;
                    return size++;
                }
                if (table[h] == key) {
                    return slots[h];
                }
            }
        }

        private static int mix(int h) {
            return h ^ (h >>> 16);
        }
    }
}
