package dev.metanode.consensus.state;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The entries of every bucket of the {@link StateTree}, packed: per bucket one byte array of
 * (key hash, leaf hash) pairs, 32 bytes each, sorted by key hash.
 *
 * <p>Why packed arrays rather than maps of keys: a validator keeps every state entry here, and a
 * map entry with its key and hash arrays cost ~160 bytes and three objects, replaced wholesale on
 * every change. Under load that filled the old generation with churn (serial full collections of
 * 0.5–2.4 s on every node at once, measured with GC logs). A pair costs 64 bytes here, the arrays
 * hold no references for the collector to trace, and a commit copies into the bucket's array in
 * place while it has room.
 */
final class PackedBuckets {
    static final int HASH_BYTES = 32;
    static final int ENTRY_BYTES = 2 * HASH_BYTES;
    /** Spare entries given to a bucket's array when it grows, so that most inserts copy in place. */
    private static final int SPARE_ENTRIES_MIN = 4;

    private final byte[][] entries;
    private final int[] counts;
    private long size;

    PackedBuckets(int buckets) {
        this.entries = new byte[buckets][];
        this.counts = new int[buckets];
    }

    long size() {
        return size;
    }

    /**
     * Bucket {@code b} with the sorted changes {@code from..to} of {@code changes} merged in (a null
     * leaf deletes), as a new array; the bucket itself is unchanged.
     */
    Merged merge(int b, StateChanges changes, int from, int to) {
        byte[] old = entries[b];
        int n = counts[b];
        byte[] out = new byte[(n + to - from) * ENTRY_BYTES];
        int count = 0;
        int i = 0;
        int j = from;
        while (i < n || j < to) {
            int order = i == n ? 1 : j == to ? -1 : Arrays.compareUnsigned(old, i * ENTRY_BYTES,
                    i * ENTRY_BYTES + HASH_BYTES, changes.keyHash(j), 0, HASH_BYTES);
            if (order < 0) {
                System.arraycopy(old, i++ * ENTRY_BYTES, out, count++ * ENTRY_BYTES, ENTRY_BYTES);
                continue;
            }
            if (order == 0) {
                i++; // replaced or deleted by the change
            }
            byte[] leaf = changes.leaf(j);
            if (leaf != null) {
                System.arraycopy(changes.keyHash(j), 0, out, count * ENTRY_BYTES, HASH_BYTES);
                System.arraycopy(leaf, 0, out, count++ * ENTRY_BYTES + HASH_BYTES, HASH_BYTES);
            }
            j++;
        }
        return new Merged(b, out, count);
    }

    /** Makes a merged bucket the bucket's content. */
    void install(Merged merged) {
        int b = merged.bucket();
        size += merged.count() - counts[b];
        int bytes = merged.count() * ENTRY_BYTES;
        if (merged.count() == 0) {
            entries[b] = null;
        } else if (entries[b] != null && entries[b].length >= bytes) {
            System.arraycopy(merged.packed(), 0, entries[b], 0, bytes);
        } else {
            int spare = Math.max(SPARE_ENTRIES_MIN, merged.count() / 2);
            entries[b] = Arrays.copyOf(merged.packed(), bytes + spare * ENTRY_BYTES);
        }
        counts[b] = merged.count();
    }

    /** A bucket's content after a merge: {@code count} pairs at the start of {@code packed}. */
    record Merged(int bucket, byte[] packed, int count) {
        /** SHA-256(0x02 || leaf hashes in key-hash order); null for an empty bucket. */
        byte[] hash(MessageDigest digest, byte prefix) {
            if (count == 0) {
                return null;
            }
            digest.reset();
            digest.update(prefix);
            for (int e = 0; e < count; e++) {
                digest.update(packed, e * ENTRY_BYTES + HASH_BYTES, HASH_BYTES);
            }
            return digest.digest();
        }
    }
}
