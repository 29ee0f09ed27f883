package dev.metanode.core.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append frontier of a Merkle log: the roots of the perfect subtrees that cover leaves
 * {@code [0, size)}, largest first, one per set bit of {@code size}.
 *
 * <p>That is O(log n) hashes, and it is all an appender needs: a new leaf only ever merges with the
 * trailing perfect subtrees of equal height, and the root of the whole tree is the right-to-left
 * fold of the frontier. Not thread-safe; the log appends from one thread.
 */
public final class CompactRange {
    private final List<byte[]> hashes;
    private long size;

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    /** The frontier of the empty tree. */
    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /**
     * Rebuilds the frontier of a tree of {@code size} leaves from stored nodes, reading one node per
     * set bit of {@code size}.
     *
     * @throws IllegalArgumentException if {@code size} is negative
     */
    public static CompactRange restore(long size, TreeNodes nodes) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative, got " + size);
        }
        Objects.requireNonNull(nodes, "nodes");
        return new CompactRange(size, coverRoots(0, size, nodes));
    }

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /**
     * Appends one leaf. The sink gets the leaf (level 0) and then, bottom-up, every interior node
     * this append completes; those are exactly the nodes {@link TreeNodes} must later return.
     *
     * <p>If the sink throws, the range is left as it was, so a failed write batch can be retried.
     *
     * @throws IllegalArgumentException if {@code leafHash} is not {@value MerkleHash#HASH_BYTES} bytes
     * @throws IllegalStateException if the tree already holds {@link Long#MAX_VALUE} leaves
     */
    public void append(byte[] leafHash, NodeSink sink) {
        requireHash(leafHash, "leaf hash");
        Objects.requireNonNull(sink, "sink");
        if (size == Long.MAX_VALUE) {
            throw new IllegalStateException("the tree is full at " + size + " leaves");
        }
        byte[] hash = leafHash.clone();
        long index = size;
        int level = 0;
        int keep = hashes.size();
        List<byte[]> created = new ArrayList<>();
        created.add(hash);
        // Each trailing 1-bit of size is a complete left sibling of the same height: merge with it.
        while (((size >>> level) & 1) == 1) {
            keep--;
            hash = MerkleHash.nodeHash(hashes.get(keep), hash);
            created.add(hash);
            level++;
        }
        for (int l = 0; l < created.size(); l++) {
            sink.accept(l, index >>> l, created.get(l).clone());
        }
        hashes.subList(keep, hashes.size()).clear();
        hashes.add(hash);
        size++;
    }

    /** The RFC 9162 root hash of the first {@link #size()} leaves ({@link MerkleHash#emptyRoot()} for none). */
    public byte[] root() {
        return foldRight(hashes);
    }

    /** Copies of the frontier hashes, largest subtree first. */
    public List<byte[]> frontier() {
        List<byte[]> copy = new ArrayList<>(hashes.size());
        for (byte[] h : hashes) {
            copy.add(h.clone());
        }
        return copy;
    }

    @Override
    public String toString() {
        return "CompactRange[size=" + size + ", hashes=" + hashes.size() + "]";
    }

    /**
     * Reads the perfect subtrees covering {@code [start, start + count)}, largest first. Requires
     * {@code start} to be a multiple of the largest power of two not above {@code count}, which holds
     * for every subtree that RFC 9162's recursive definitions produce, so the cover is aligned.
     */
    static List<byte[]> coverRoots(long start, long count, TreeNodes nodes) {
        List<byte[]> roots = new ArrayList<>(Long.bitCount(count));
        long position = start;
        for (int level = 62; level >= 0; level--) {
            if (((count >>> level) & 1) == 1) {
                long index = position >>> level;
                byte[] hash = nodes.perfect(level, index);
                if (hash == null || hash.length != MerkleHash.HASH_BYTES) {
                    throw new IllegalStateException("stored node (level " + level + ", index " + index + ") is "
                            + (hash == null ? "missing" : hash.length + " bytes, not " + MerkleHash.HASH_BYTES));
                }
                roots.add(hash.clone());
                position += 1L << level;
            }
        }
        return roots;
    }

    /** Folds perfect-subtree roots (largest first) into the root of the tree they cover. */
    static byte[] foldRight(List<byte[]> roots) {
        if (roots.isEmpty()) {
            return MerkleHash.emptyRoot();
        }
        byte[] root = roots.get(roots.size() - 1);
        for (int i = roots.size() - 2; i >= 0; i--) {
            root = MerkleHash.nodeHash(roots.get(i), root);
        }
        return root.clone();
    }

    static void requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != MerkleHash.HASH_BYTES) {
            throw new IllegalArgumentException(what + " must be " + MerkleHash.HASH_BYTES + " bytes, got "
                    + (hash == null ? "null" : hash.length));
        }
    }
}
