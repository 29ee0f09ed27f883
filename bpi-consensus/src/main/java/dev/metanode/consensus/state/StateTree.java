package dev.metanode.consensus.state;

import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.log.MerkleHash;
import dev.metanode.core.store.KvStore;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The state root, kept in memory and updated per changed key, so a block costs in proportion to
 * what it changes rather than to the size of the state.
 *
 * <p>The root is a pure function of the state's entries, so every node computes the same one, in
 * whatever order the entries were written and after any restart (the tree is rebuilt from the
 * store when a node opens it):
 * <ul>
 * <li>leaf hash of an entry: {@code SHA-256(0x00 || u32 length of key || key || value)}, the key
 *     being the full state key (module, 0, key);
 * <li>an entry belongs to bucket {@code b} = the first {@value #DEPTH} bits of {@code SHA-256(key)}
 *     ({@value #BUCKETS} buckets);
 * <li>bucket hash: {@code SHA-256("")} when empty, else {@code SHA-256(0x02 || leaf hashes in key
 *     order)};
 * <li>the root: a complete binary tree of depth {@value #DEPTH} over the bucket hashes, interior
 *     nodes {@code SHA-256(0x01 || left || right)} as in RFC 9162.
 * </ul>
 * Empty subtrees have fixed hashes, so a small state builds only the paths it uses.
 *
 * <p>{@link #update} computes the root of the committed state plus a block's changes without
 * touching the tree (a height may see several candidate blocks); {@link Update#commit} applies
 * the one that became final. Not thread-safe: the consensus thread owns it.
 */
public final class StateTree {
    /** Levels of the tree above the buckets. */
    static final int DEPTH = 16;
    /** Buckets the entries are spread over by the hash of their key. */
    static final int BUCKETS = 1 << DEPTH;

    private static final byte BUCKET_PREFIX = 0x02;
    /** EMPTY[l]: the hash of an empty subtree of height l (l = 0: an empty bucket). */
    private static final byte[][] EMPTY = new byte[DEPTH + 1][];

    static {
        EMPTY[0] = MerkleHash.emptyRoot();
        for (int l = 1; l <= DEPTH; l++) {
            EMPTY[l] = MerkleHash.nodeHash(EMPTY[l - 1], EMPTY[l - 1]);
        }
    }

    /** Entries by bucket: full key to leaf hash, in key order; absent = empty bucket. */
    private final Map<Integer, TreeMap<byte[], byte[]>> buckets = new HashMap<>();
    /**
     * Hashes of non-empty nodes by {@link #slot} (level 0 = buckets); null = the empty subtree's hash.
     * An array rather than a map: every block reads a path of 17 of them per changed bucket.
     */
    private final byte[][] nodes = new byte[2 * BUCKETS][];
    private long version;

    private StateTree() {}

    /** An empty tree: the root of an empty state. */
    static StateTree empty() {
        return new StateTree();
    }

    /** The tree of everything in the store's state column (one scan; done once when a node opens its store). */
    public static StateTree of(KvStore store) {
        TreeMap<byte[], byte[]> all = new TreeMap<>(Arrays::compareUnsigned);
        store.scan(ConsensusColumns.STATE, new byte[0], (k, v) -> {
            all.put(k, v);
            return true;
        });
        StateTree tree = new StateTree();
        tree.update(all).commit();
        return tree;
    }

    public byte[] root() {
        return hashAt(DEPTH, 0, Map.of()).clone();
    }

    /**
     * The root after {@code changes} (full key to new value, null = deleted) on top of this tree,
     * without changing the tree.
     */
    public Update update(SortedMap<byte[], byte[]> changes) {
        Map<Integer, TreeMap<byte[], byte[]>> changedBuckets = new HashMap<>();
        for (Map.Entry<byte[], byte[]> e : changes.entrySet()) {
            int b = bucketOf(e.getKey());
            TreeMap<byte[], byte[]> bucket = changedBuckets.computeIfAbsent(b, this::copyOfBucket);
            if (e.getValue() == null) {
                bucket.remove(e.getKey());
            } else {
                bucket.put(e.getKey(), leafHash(e.getKey(), e.getValue()));
            }
        }
        Map<Integer, byte[]> changedNodes = new HashMap<>();
        int[] touched = new int[changedBuckets.size()];
        int count = 0;
        for (Map.Entry<Integer, TreeMap<byte[], byte[]>> e : changedBuckets.entrySet()) {
            changedNodes.put(slot(0, e.getKey()), e.getValue().isEmpty() ? null : bucketHash(e.getValue()));
            touched[count++] = e.getKey();
        }
        Arrays.sort(touched);
        for (int l = 1; l <= DEPTH; l++) {
            int[] parents = parentsOf(touched);
            for (int p : parents) {
                byte[] left = hashAt(l - 1, 2 * p, changedNodes);
                byte[] right = hashAt(l - 1, 2 * p + 1, changedNodes);
                boolean empty = Arrays.equals(left, EMPTY[l - 1]) && Arrays.equals(right, EMPTY[l - 1]);
                changedNodes.put(slot(l, p), empty ? null : MerkleHash.nodeHash(left, right));
            }
            touched = parents;
        }
        return new Update(version, changes, changedBuckets, changedNodes, hashAt(DEPTH, 0, changedNodes));
    }

    /** The distinct parents (index / 2) of sorted node indexes, sorted. */
    private static int[] parentsOf(int[] sorted) {
        int[] parents = new int[sorted.length];
        int n = 0;
        for (int i : sorted) {
            int p = i >>> 1;
            if (n == 0 || parents[n - 1] != p) {
                parents[n++] = p;
            }
        }
        return Arrays.copyOf(parents, n);
    }

    /** Entries held, for tests and diagnostics. */
    long size() {
        return buckets.values().stream().mapToLong(Map::size).sum();
    }

    private TreeMap<byte[], byte[]> copyOfBucket(int b) {
        TreeMap<byte[], byte[]> current = buckets.get(b);
        return current == null ? new TreeMap<>(Arrays::compareUnsigned) : new TreeMap<>(current);
    }

    private byte[] hashAt(int level, int index, Map<Integer, byte[]> overlay) {
        int slot = slot(level, index);
        byte[] h = overlay.containsKey(slot) ? overlay.get(slot) : nodes[slot];
        return h == null ? EMPTY[level] : h;
    }

    /** Heap numbering: the root is 1, the children of n are 2n and 2n + 1, so buckets are BUCKETS + b. */
    private static int slot(int level, int index) {
        return (1 << (DEPTH - level)) + index;
    }

    static int bucketOf(byte[] key) {
        byte[] h = Sha256.digest(key);
        return ((h[0] & 0xff) << 8 | (h[1] & 0xff)) >>> (16 - DEPTH);
    }

    static byte[] leafHash(byte[] key, byte[] value) {
        return Sha256.digest((byte) 0x00, ByteBuffer.allocate(4).putInt(key.length).array(), key, value);
    }

    private static byte[] bucketHash(NavigableMap<byte[], byte[]> entries) {
        return Sha256.digest(BUCKET_PREFIX, entries.values());
    }

    /** A computed root and what to change in the tree if its block becomes final. */
    public final class Update {
        private final long baseVersion;
        private final SortedMap<byte[], byte[]> changes;
        private final Map<Integer, TreeMap<byte[], byte[]>> changedBuckets;
        private final Map<Integer, byte[]> changedNodes;
        private final byte[] root;

        private Update(long baseVersion, SortedMap<byte[], byte[]> changes, Map<Integer, TreeMap<byte[], byte[]>> changedBuckets,
                Map<Integer, byte[]> changedNodes, byte[] root) {
            this.baseVersion = baseVersion;
            this.changes = changes;
            this.changedBuckets = changedBuckets;
            this.changedNodes = changedNodes;
            this.root = root;
        }

        public byte[] root() {
            return root.clone();
        }

        /**
         * Applies the changes to the tree, once their block's writes are in the store. Computed over
         * another version of the tree (which the node never does: one block is final per height), it
         * is recomputed rather than applied, so the tree cannot drift from the store.
         */
        public void commit() {
            if (baseVersion != version) {
                update(changes).commit();
                return;
            }
            changedBuckets.forEach((b, entries) -> {
                if (entries.isEmpty()) {
                    buckets.remove(b);
                } else {
                    buckets.put(b, entries);
                }
            });
            changedNodes.forEach((slot, hash) -> nodes[slot] = hash);
            version++;
        }
    }
}
