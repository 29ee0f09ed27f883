package dev.metanode.consensus.vrf;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A public key that passed the rule's key checks (canonical encoding of a point not of small
 * order), with its table of odd multiples for signed digits of width {@link #WIDTH}. Immutable
 * once built; the latest {@link #CACHED} are kept, since a sender signs many transactions and
 * decoding a key costs a square root and a table.
 */
final class VerifyKey {
    /**
     * Key scalars are full 253-bit ones: width 6 (16 affine entries, ~4 KiB) takes ~253/7 additions
     * instead of width 5's ~253/6. Width 7 measured at most ~4 % faster in batches of 64, for twice
     * the memory per cached key and a dearer first sight of a key.
     */
    static final int WIDTH = 6;
    static final int BYTES = 32;
    private static final int CACHED = 1024;
    private static final Map<KeyBytes, VerifyKey> KEYS = new LinkedHashMap<>(CACHED, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<KeyBytes, VerifyKey> eldest) {
            return size() > CACHED;
        }
    };

    /** P, 3P .. 31P. */
    final CachedPoint[] multiples;

    private VerifyKey(CachedPoint[] multiples) {
        this.multiples = multiples;
    }

    /**
     * The key of 32 bytes, or null where they are not a canonical encoding of a point of large order
     * (those are not cached: anyone can send them). {@code probe} is the caller's reusable lookup
     * key, so that a cached key costs no allocation.
     */
    static VerifyKey of(byte[] pk, KeyBytes probe) {
        probe.set(pk);
        synchronized (KEYS) {
            VerifyKey known = KEYS.get(probe);
            if (known != null) {
                return known;
            }
        }
        VerifyKey key = decode(pk);
        if (key != null) {
            synchronized (KEYS) {
                KEYS.put(new KeyBytes().set(pk.clone()), key);
            }
        }
        return key;
    }

    private static VerifyKey decode(byte[] pk) {
        VerifyPoint p = new VerifyPoint();
        if (!p.decodeCanonical(pk, 0)) {
            return null;
        }
        VerifyPoint eightP = new VerifyPoint();
        eightP.set(p);
        eightP.timesCofactor();
        if (eightP.isIdentity()) {
            return null; // a small-order key: anyone could sign for it
        }
        CachedPoint[] table = CachedPoint.array(OddMultiples.entries(WIDTH));
        OddMultiples.fillAffine(p, new CachedPoint(), table, table.length);
        return new VerifyKey(table);
    }

    /** Key bytes as a map key; mutable so that one probe per thread serves every lookup (the map's own keys are never changed). */
    static final class KeyBytes {
        private byte[] bytes;
        private int hash;

        KeyBytes set(byte[] key) {
            bytes = key;
            hash = Arrays.hashCode(key);
            return this;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyBytes other && Arrays.equals(bytes, other.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
