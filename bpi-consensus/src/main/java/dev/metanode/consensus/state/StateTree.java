package dev.metanode.consensus.state;

import dev.metanode.core.crypto.Sha256;
import dev.metanode.core.log.MerkleHash;
import dev.metanode.core.store.KvStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 *     being the full state key (module, 0, key); its key hash is {@code SHA-256(key)};
 * <li>an entry belongs to bucket {@code b} = the first {@value #DEPTH} bits of its key hash
 *     ({@value #BUCKETS} buckets);
 * <li>bucket hash: {@code SHA-256("")} when empty, else {@code SHA-256(0x02 || leaf hashes in key
 *     hash order)};
 * <li>the root: a complete binary tree of depth {@value #DEPTH} over the bucket hashes, interior
 *     nodes {@code SHA-256(0x01 || left || right)} as in RFC 9162.
 * </ul>
 * Empty subtrees have fixed hashes, so a small state builds only the paths it uses. The tree holds
 * 64 bytes per state entry (its key hash and leaf hash, {@link PackedBuckets}) and 32 per non-empty
 * node.
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
    private static final byte NODE_PREFIX = 0x01;
    private static final int HASH_BYTES = PackedBuckets.HASH_BYTES;
    /** EMPTY[l]: the hash of an empty subtree of height l (l = 0: an empty bucket). */
    private static final byte[][] EMPTY = new byte[DEPTH + 1][];

    static {
        EMPTY[0] = MerkleHash.emptyRoot();
        for (int l = 1; l <= DEPTH; l++) {
            EMPTY[l] = MerkleHash.nodeHash(EMPTY[l - 1], EMPTY[l - 1]);
        }
    }

    private final PackedBuckets buckets = new PackedBuckets(BUCKETS);
    /** Node slots per page of {@link #pages}. */
    private static final int PAGE_SLOTS = 256;
    /**
     * Hashes of the non-empty nodes by {@link #slot} (heap numbering, level 0 = buckets), 32 bytes
     * each, in pages made on first use (the simulator and the tests make many small trees); a node
     * not {@link #present} is the empty subtree's.
     */
    private final byte[][] pages = new byte[2 * BUCKETS / PAGE_SLOTS][];
    private final java.util.BitSet present = new java.util.BitSet(2 * BUCKETS);
    private final MessageDigest digest = Sha256.newDigest();
    /*
     * A node hash is SHA-256(0x01 || left || right): the two children are staged side by side in one
     * buffer and hashed in one call, sibling hashes copied straight from the pages: an update reads
     * ~10 siblings per changed entry, and an array per sibling plus the digest's one-byte update
     * path stood out in profiles of the consensus thread under load.
     */
    private static final int LEFT = 1;
    private static final int RIGHT = 1 + HASH_BYTES;
    private final byte[] staged = new byte[1 + 2 * HASH_BYTES];
    private long version;

    private StateTree() {
        staged[0] = NODE_PREFIX;
    }

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
        byte[] root = committed(slot(DEPTH, 0));
        return root == null ? EMPTY[DEPTH].clone() : root;
    }

    /**
     * The root after {@code changes} (full key to new value, null = deleted) on top of this tree,
     * without changing the tree.
     */
    public Update update(SortedMap<byte[], byte[]> changes) {
        StateChanges sorted = StateChanges.of(changes);
        List<PackedBuckets.Merged> merged = new ArrayList<>();
        for (int from = 0; from < sorted.size(); ) {
            int b = sorted.bucket(from);
            int to = from + 1;
            while (to < sorted.size() && sorted.bucket(to) == b) {
                to++;
            }
            merged.add(buckets.merge(b, sorted, from, to));
            from = to;
        }
        int n = merged.size();
        int[] index = new int[n];
        byte[][] hash = new byte[n][];
        for (int i = 0; i < n; i++) {
            index[i] = merged.get(i).bucket();
            hash[i] = merged.get(i).hash(digest, BUCKET_PREFIX);
        }
        NodeChanges nodeChanges = new NodeChanges();
        nodeChanges.add(0, index, hash, n);
        for (int l = 1; l <= DEPTH && n > 0; l++) {
            n = parents(l, index, hash, n);
            nodeChanges.add(l, index, hash, n);
        }
        byte[] root = n == 0 ? root() : hash[0] == null ? EMPTY[DEPTH].clone() : hash[0];
        return new Update(version, changes, merged, nodeChanges, root);
    }

    /**
     * Replaces the {@code n} sorted nodes of level {@code l - 1} in {@code index}/{@code hash} by
     * their distinct parents at level {@code l}; returns how many there are. A sibling that did not
     * change is read from the tree; null stands for an empty subtree.
     */
    private int parents(int l, int[] index, byte[][] hash, int n) {
        int out = 0;
        for (int i = 0; i < n; i++) {
            int p = index[i] >>> 1;
            boolean empty;
            if ((index[i] & 1) == 0) {
                empty = stage(hash[i], l - 1, LEFT);
                boolean pairChanged = i + 1 < n && index[i + 1] == index[i] + 1;
                empty &= pairChanged ? stage(hash[++i], l - 1, RIGHT) : stageCommitted(slot(l - 1, index[i] + 1), l - 1, RIGHT);
            } else {
                empty = stageCommitted(slot(l - 1, index[i] - 1), l - 1, LEFT);
                empty &= stage(hash[i], l - 1, RIGHT);
            }
            index[out] = p;
            hash[out++] = empty ? null : hashStaged();
        }
        return out;
    }

    /** Stages {@code hash} (null: the empty subtree of {@code level}) at {@code at}; true if it is empty. */
    private boolean stage(byte[] hash, int level, int at) {
        System.arraycopy(hash == null ? EMPTY[level] : hash, 0, staged, at, HASH_BYTES);
        return hash == null;
    }

    /** Stages the committed node at {@code slot} of {@code level} at {@code at}; true if it is empty. */
    private boolean stageCommitted(int slot, int level, int at) {
        if (!present.get(slot)) {
            System.arraycopy(EMPTY[level], 0, staged, at, HASH_BYTES);
            return true;
        }
        System.arraycopy(pages[slot / PAGE_SLOTS], (slot % PAGE_SLOTS) * HASH_BYTES, staged, at, HASH_BYTES);
        return false;
    }

    private byte[] hashStaged() {
        digest.reset();
        digest.update(staged);
        return digest.digest();
    }

    /** The hash of a non-empty node of the tree, or null for an empty subtree. */
    private byte[] committed(int slot) {
        if (!present.get(slot)) {
            return null;
        }
        int at = (slot % PAGE_SLOTS) * HASH_BYTES;
        return Arrays.copyOfRange(pages[slot / PAGE_SLOTS], at, at + HASH_BYTES);
    }

    private void setNode(int slot, byte[] hash) {
        present.set(slot, hash != null);
        if (hash != null) {
            byte[] page = pages[slot / PAGE_SLOTS];
            if (page == null) {
                page = pages[slot / PAGE_SLOTS] = new byte[PAGE_SLOTS * HASH_BYTES];
            }
            System.arraycopy(hash, 0, page, (slot % PAGE_SLOTS) * HASH_BYTES, HASH_BYTES);
        }
    }

    /** Entries held, for tests and diagnostics. */
    long size() {
        return buckets.size();
    }

    /** Heap numbering: the root is 1, the children of n are 2n and 2n + 1, so buckets are BUCKETS + b. */
    private static int slot(int level, int index) {
        return (1 << (DEPTH - level)) + index;
    }

    /** The nodes an update changes, level by level: slots and hashes (null = empty subtree). */
    private static final class NodeChanges {
        private final List<int[]> slots = new ArrayList<>();
        private final List<byte[][]> hashes = new ArrayList<>();

        void add(int level, int[] index, byte[][] hash, int n) {
            int[] s = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = slot(level, index[i]);
            }
            slots.add(s);
            hashes.add(Arrays.copyOf(hash, n));
        }
    }

    /** A computed root and what to change in the tree if its block becomes final. */
    public final class Update {
        private final long baseVersion;
        private final SortedMap<byte[], byte[]> changes;
        private final List<PackedBuckets.Merged> merged;
        private final NodeChanges nodeChanges;
        private final byte[] root;

        private Update(long baseVersion, SortedMap<byte[], byte[]> changes, List<PackedBuckets.Merged> merged,
                NodeChanges nodeChanges, byte[] root) {
            this.baseVersion = baseVersion;
            this.changes = changes;
            this.merged = merged;
            this.nodeChanges = nodeChanges;
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
            merged.forEach(buckets::install);
            for (int l = 0; l < nodeChanges.slots.size(); l++) {
                int[] slots = nodeChanges.slots.get(l);
                byte[][] hashes = nodeChanges.hashes.get(l);
                for (int i = 0; i < slots.length; i++) {
                    setNode(slots[i], hashes[i]);
                }
            }
            version++;
        }
    }
}
